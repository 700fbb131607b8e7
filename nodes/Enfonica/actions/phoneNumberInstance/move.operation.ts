import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties, NodeApiError } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { phoneNumberInstances } from '../../api';
import { asNodeError, checked, inputError, isNotFound, isOutcomeUnknown, notDoneError } from '../../errors';
import { LISTINGS, instanceIdOf, projectOfInstance, toProjectName, toResourceName } from '../../helpers/resourceNames';
import type { PhoneNumberInstance } from '../../models/phoneNumberInstance';
import { INSTANCE_OUTPUT } from '../../models/phoneNumberInstance';
import { resolveInstance } from '../../shared/instanceLocator';
import { changeOptions, instanceLocator, outputChoice, projectField } from '../common.descriptions';
import type { Change } from '../plannedChange';
import { dryRunItem, isDryRun, sendChange } from '../plannedChange';
import type { TargetedItem } from './shared';
import { fetchInstance, itemTarget, presentInstance, toOutput } from './shared';

const DESTINATION = 'Destination Project';

const properties: INodeProperties[] = [
	{
		displayName:
			'Moving hands the number to another project. Configuration of the source project that the number relies on (flows, SIP domains, handler signing keys) may stop working in the destination: from then on, the requests the number\'s handlers receive are signed with the destination project\'s signing key. The credential needs the move permission on both projects.',
		name: 'moveNotice',
		type: 'notice',
		default: '',
	},
	projectField,
	instanceLocator,
	{
		displayName: 'Destination Project',
		name: 'destinationProject',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. other-project',
		description: 'The project to move the instance to ("other-project" or "projects/other-project"); must differ from its current project',
	},
	...outputChoice(INSTANCE_OUTPUT),
	{
		...changeOptions,
		options: [
			...(changeOptions.options ?? []),
			{
				displayName: 'Regulatory Listing',
				name: 'regulatoryListing',
				type: 'string',
				default: '',
				placeholder: 'e.g. projects/other-project/regulatoryListings/abc123 or abc123',
				description: 'The regulatory listing in the destination project to associate with the number: its name or ID. Empty: none.',
			},
		],
	} as INodeProperties,
];

export const description = updateDisplayOptions({ show: { resource: ['phoneNumberInstance'], operation: ['move'] } }, properties);

interface Prepared extends TargetedItem {
	destination: string;
	/** A listing of the destination project, or undefined. */
	regulatoryListing?: string;
}

const LISTING_OPTION = 'Regulatory Listing';

/** The destination's listing: an ID is taken within the destination; a full name must be of the destination. */
function readDestinationListing(this: IExecuteFunctions, itemIndex: number, destination: string): string | undefined {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const raw = options.regulatoryListing;
	if (raw !== undefined && raw !== null && typeof raw !== 'string') {
		throw inputError(this.getNode(), itemIndex, LISTING_OPTION, `must be text, the listing's name or ID (got ${JSON.stringify(raw)})`);
	}
	const input = (raw ?? '').trim();
	if (input === '') return undefined;
	const name = checked(this.getNode(), itemIndex, LISTING_OPTION, () => toResourceName(LISTINGS, input, destination, LISTING_OPTION));
	const listingProject = projectOfInstance(name, LISTINGS);
	if (listingProject !== destination) {
		throw inputError(this.getNode(), itemIndex, LISTING_OPTION, `is in ${listingProject}, not in the destination project ${destination}: a moved number can only use a listing of its new project`);
	}
	return name;
}

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<Prepared> {
	const located = await itemTarget.call(this, itemIndex);
	const destination = checked(this.getNode(), itemIndex, DESTINATION, () => toProjectName(this.getNodeParameter('destinationProject', itemIndex, ''), DESTINATION));
	// A number is looked up within the node's project; a resource name carries its own project.
	const source = 'name' in located.target ? projectOfInstance(located.target.name) : located.projectName;
	if (destination === source) {
		throw inputError(this.getNode(), itemIndex, DESTINATION, `is the instance's own project (${source}): choose a different project`);
	}
	return { ...located, destination, regulatoryListing: readDestinationListing.call(this, itemIndex, destination) };
}

interface Resolved {
	change: Change<PhoneNumberInstance>;
	destination: string;
	/** A listing of the destination project asked for, or undefined. */
	regulatoryListing?: string;
	/** The instance as looked up (By Phone Number). */
	current?: PhoneNumberInstance;
}

/**
 * Enfonica's published move request marks the listing field output only, so a server may drop it:
 * the moved instance says whether it was taken. Not taken is reported, not a failure (the move happened).
 */
function listingOutcome(this: IExecuteFunctions, instance: PhoneNumberInstance, requested: string, itemIndex: number): IDataObject {
	const taken = instance.regulatoryListing === requested;
	if (!taken && typeof this.addExecutionHints === 'function') {
		this.addExecutionHints({
			message: `[item ${itemIndex}] The number was moved, but Enfonica did not associate the regulatory listing ${requested} with it${instance.regulatoryListing ? ` (it has ${instance.regulatoryListing})` : ''}. Associate the listing in the Enfonica Console.`,
			type: 'warning',
			location: 'outputPane',
		});
	}
	return { requestedRegulatoryListing: requested, regulatoryListingTaken: taken };
}

/** Finds the instance (a lookup when given by phone number): no change yet. */
export async function resolve(this: IExecuteFunctions, prepared: Prepared, itemIndex: number): Promise<Resolved> {
	const { name, instance } = await resolveInstance.call(this, prepared.target, prepared.projectName, itemIndex);
	const { destination, regulatoryListing } = prepared;
	const body = { destinationParent: destination, ...(regulatoryListing ? { regulatoryListing } : {}) };
	return { change: { call: phoneNumberInstances.move, name, body }, destination, regulatoryListing, current: instance };
}

export async function execute(this: IExecuteFunctions, { change, destination, regulatoryListing, current }: Resolved, itemIndex: number): Promise<INodeExecutionData[]> {
	if (isDryRun.call(this, itemIndex)) {
		return dryRunItem.call(this, change, itemIndex, current ? { instance: presentInstance.call(this, current, itemIndex) } : {});
	}
	let instance: PhoneNumberInstance;
	try {
		instance = await sendChange(this, change, itemIndex);
	} catch (error) {
		instance = await movedDuringThisCall.call(this, error, change.name as string, destination, itemIndex);
	}
	const output = toOutput.call(this, instance, itemIndex);
	if (regulatoryListing) Object.assign(output.json, listingOutcome.call(this, instance, regulatoryListing, itemIndex));
	return [output];
}

/**
 * A move is never sent twice. When its outcome is unclear (no answer, a 5xx), reads tell: the
 * instance still in its project → it was not moved (an error saying so); gone from there and found
 * in the destination under its ID → moved (that instance). Otherwise the original error.
 */
async function movedDuringThisCall(this: IExecuteFunctions, error: unknown, name: string, destination: string, itemIndex: number): Promise<PhoneNumberInstance> {
	if (!isOutcomeUnknown(error)) throw asNodeError(this.getNode(), error, itemIndex);
	let stayed: PhoneNumberInstance | undefined;
	let moved: PhoneNumberInstance | undefined;
	try {
		stayed = await fetchInstance.call(this, name, itemIndex);
	} catch (lookupError) {
		if (!isNotFound(lookupError)) throw asNodeError(this.getNode(), error, itemIndex);
		try {
			moved = await fetchInstance.call(this, `${destination}/phoneNumberInstances/${instanceIdOf(name)}`, itemIndex);
		} catch {
			throw asNodeError(this.getNode(), error, itemIndex);
		}
	}
	if (moved) return moved;
	throw notDoneError(this.getNode(), error as NodeApiError, itemIndex, `${name} was not moved`, `Enfonica gave no clear answer to the move, and a lookup right after it found the instance still in ${projectOfInstance(name)}${stayed?.lifecycleState ? ` (${stayed.lifecycleState})` : ''}: nothing was moved. Running the workflow again is safe.`);
}
