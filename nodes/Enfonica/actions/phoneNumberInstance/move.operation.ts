import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { checked, inputError } from '../../helpers/inputError';
import { LISTINGS, projectOfInstance, toProjectName, toResourceName } from '../../helpers/resourceNames';
import type { PhoneNumberInstance } from '../../models/phoneNumberInstance';
import { INSTANCE_OUTPUT } from '../../models/phoneNumberInstance';
import { enfonicaApiRequest } from '../../transport';
import { instanceLocator, outputChoice, phoneNumberOptions, projectField } from '../common.descriptions';
import { resolveInstanceName } from './instanceLocator';
import type { TargetedItem } from './shared';
import { itemTarget, toOutput } from './shared';

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
		...phoneNumberOptions,
		options: [
			...(phoneNumberOptions.options ?? []),
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

/** Finds the instance (a lookup when given by phone number): no change yet. */
export async function resolve(this: IExecuteFunctions, prepared: Prepared, itemIndex: number): Promise<Prepared & { name: string }> {
	return { ...prepared, name: await resolveInstanceName.call(this, prepared.target, prepared.projectName, itemIndex) };
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

export async function execute(this: IExecuteFunctions, { name, destination, regulatoryListing }: Prepared & { name: string }, itemIndex: number): Promise<INodeExecutionData[]> {
	const instance = (await enfonicaApiRequest.call(this, {
		method: 'POST',
		path: `${name}:move`,
		body: { destinationParent: destination, ...(regulatoryListing ? { regulatoryListing } : {}) },
		itemIndex,
	})) as PhoneNumberInstance;
	const output = toOutput.call(this, instance, itemIndex);
	if (regulatoryListing) Object.assign(output.json, listingOutcome.call(this, instance, regulatoryListing, itemIndex));
	return [output];
}
