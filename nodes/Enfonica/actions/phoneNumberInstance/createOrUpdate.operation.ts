import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { phoneNumberInstances } from '../../api';
import { checked, inputError } from '../../errors';
import { checkLabelCount, checkLabels } from '../../helpers/validation';
import type { PhoneNumberInstance } from '../../models/phoneNumberInstance';
import { INSTANCE_OUTPUT, numberOf } from '../../models/phoneNumberInstance';
import { findHolders } from '../../shared/instanceLocator';
import { enfonicaApiRequestAllItems } from '../../transport';
import { outputChoice, projectField, purchaseOptions } from '../common.descriptions';
import type { BatchItem } from '../operation';
import type { Change } from '../plannedChange';
import { dryRunItem, isDryRun, sendChange } from '../plannedChange';
import { instanceFieldOptions } from './instanceFields';
import { buyNumber, checkPurchaseCap, duplicateNumberError, numberToBuyField, readPurchase, readPurchaseCap, refuseDuplicates, singleNumberHolder } from './purchase';
import { presentInstance } from './shared';

const properties: INodeProperties[] = [
	projectField,
	{
		displayName: 'Match On',
		name: 'matchOn',
		type: 'options',
		options: [
			{ name: 'Label', value: 'label', description: 'An instance carrying a label this workflow owns, e.g. order=1234' },
			{ name: 'Phone Number', value: 'phoneNumber', description: 'The instance holding the phone number' },
		],
		default: 'phoneNumber',
		description: 'How to find the instance already held: when one matches it is updated, otherwise the number is bought',
	},
	{
		displayName: 'Match Label Key',
		name: 'matchLabelKey',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. order',
		displayOptions: { show: { matchOn: ['label'] } },
	},
	{
		displayName: 'Match Label Value',
		name: 'matchLabelValue',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. {{ $json.orderId }}',
		description: 'One instance at most may carry this label; a number bought for the item gets it',
		displayOptions: { show: { matchOn: ['label'] } },
	},
	numberToBuyField(
		'The number to buy when no instance matches (this buys it); with Match On Phone Number also the number looked up. E.164, or a national format with a Default Country set under Options.',
	),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Set on a number bought; on a matched instance only what differs is changed (labels given are merged into its labels)',
		options: instanceFieldOptions('create'),
	},
	...outputChoice(INSTANCE_OUTPUT),
	purchaseOptions,
];

export const description = updateDisplayOptions({ show: { resource: ['phoneNumberInstance'], operation: ['createOrUpdate'] } }, properties);

type Match = { on: 'phoneNumber' } | { on: 'label'; key: string; value: string };

interface Prepared {
	projectName: string;
	phoneNumber: string;
	/** The fields given (as the API names them), without the number. */
	fields: IDataObject;
	match: Match;
	/** Label match: the held instances carrying the label, from the one listing of the project. */
	labelled?: PhoneNumberInstance[];
}

type Action = 'create' | 'update' | 'unchanged';

interface Resolved {
	action: Action;
	/** What the real run sends; null for unchanged. */
	change: Change<PhoneNumberInstance> | null;
	projectName: string;
	phoneNumber: string;
	/** The instance matched, if any. */
	current?: PhoneNumberInstance;
}

function readMatch(this: IExecuteFunctions, itemIndex: number): Match {
	const matchOn = this.getNodeParameter('matchOn', itemIndex, 'phoneNumber');
	if (matchOn === 'phoneNumber') return { on: 'phoneNumber' };
	if (matchOn !== 'label') throw inputError(this.getNode(), itemIndex, 'Match On', `must be Phone Number or Label (got ${JSON.stringify(matchOn)})`);
	const key = this.getNodeParameter('matchLabelKey', itemIndex, '');
	const value = this.getNodeParameter('matchLabelValue', itemIndex, '');
	if (typeof key !== 'string' || key.trim() === '') throw inputError(this.getNode(), itemIndex, 'Match Label Key', 'is empty: give the label key this workflow owns, e.g. order');
	const label = checked(this.getNode(), itemIndex, 'Match Label Value', () => checkLabels([{ key, value }]));
	const [[labelKey, labelValue]] = Object.entries(label);
	if (labelValue === '') throw inputError(this.getNode(), itemIndex, 'Match Label Value', 'is empty: give the value that identifies what this number is for, e.g. an order ID');
	return { on: 'label', key: labelKey, value: labelValue };
}

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<Prepared> {
	const { projectName, phoneNumber, fields } = await readPurchase.call(this, itemIndex);
	const match = readMatch.call(this, itemIndex);
	if (match.on === 'label' && fields.labels !== undefined) {
		const given = (fields.labels as Record<string, string>)[match.key];
		if (given !== undefined && given !== match.value) {
			throw inputError(this.getNode(), itemIndex, 'Labels', `sets ${match.key} to "${given}", but the match label is ${match.key}=${match.value}: leave ${match.key} out of Labels`);
		}
	}
	return { projectName, phoneNumber, fields, match };
}

const labelKeyOf = (prepared: Prepared) => (prepared.match.on === 'label' ? JSON.stringify([prepared.projectName, prepared.match.key, prepared.match.value]) : undefined);

/**
 * Before any request: the same number (Match On Phone Number) or the same match label (Match On
 * Label) in two items is refused. Then each project with label-matched items is listed once for
 * the whole run, and every item is matched in memory.
 */
export async function prepareBatch(this: IExecuteFunctions, items: Array<BatchItem<Prepared>>): Promise<Array<Prepared | Error>> {
	readPurchaseCap.call(this);
	const outcomes = refuseDuplicates(
		items,
		(prepared) => (prepared.match.on === 'phoneNumber' ? prepared.phoneNumber : labelKeyOf(prepared)),
		(first, itemIndex, prepared) =>
			prepared.match.on === 'label'
				? inputError(
						this.getNode(),
						itemIndex,
						'Match Label Value',
						`${prepared.match.key}=${prepared.match.value} is also the match label of item ${first}: both items would match the same instance. Remove one of the two items (nothing was sent)`,
					)
				: duplicateNumberError.call(this, prepared.phoneNumber, first, itemIndex),
	);
	if (!this.continueOnFail() && outcomes.some((outcome) => outcome instanceof Error)) return outcomes;
	const byProject = new Map<string, number[]>();
	outcomes.forEach((outcome, position) => {
		if (outcome instanceof Error || outcome.match.on !== 'label') return;
		byProject.set(outcome.projectName, [...(byProject.get(outcome.projectName) ?? []), position]);
	});
	for (const [projectName, positions] of byProject) {
		let instances: PhoneNumberInstance[];
		try {
			instances = await enfonicaApiRequestAllItems(this, phoneNumberInstances.list, { parent: projectName }, { itemIndex: items[positions[0]].itemIndex });
		} catch (error) {
			for (const position of positions) outcomes[position] = error as Error;
			continue;
		}
		for (const position of positions) {
			const prepared = outcomes[position] as Prepared;
			const { key, value } = prepared.match as { key: string; value: string };
			outcomes[position] = { ...prepared, labelled: instances.filter((instance) => instance.labels?.[key] === value) };
		}
	}
	return outcomes;
}

function sameList(current: unknown, wanted: unknown): boolean {
	return JSON.stringify(current ?? []) === JSON.stringify(wanted ?? []);
}

/** The fields whose value differs from the instance's (labels: merged into the current ones), as one PATCH. */
function updateOf(this: IExecuteFunctions, current: PhoneNumberInstance, fields: IDataObject, itemIndex: number): Change<PhoneNumberInstance> | null {
	const body: IDataObject = {};
	for (const [path, wanted] of Object.entries(fields)) {
		if (path === 'labels') {
			const labels = { ...(current.labels ?? {}), ...(wanted as Record<string, string>) };
			if (Object.entries(wanted as Record<string, string>).some(([key, value]) => current.labels?.[key] !== value)) {
				checked(this.getNode(), itemIndex, 'Labels', () => checkLabelCount(labels, true));
				body.labels = labels;
			}
		} else if (path === 'displayName') {
			if ((current.displayName ?? '') !== wanted) body.displayName = wanted;
		} else if (path === 'callRecordingTrigger') {
			const now = !current.callRecordingTrigger || current.callRecordingTrigger === 'RECORDING_TRIGGER_UNSPECIFIED' ? 'DISABLED' : current.callRecordingTrigger;
			if (now !== wanted) body.callRecordingTrigger = wanted;
		} else if (!sameList(current[path as keyof PhoneNumberInstance], wanted)) {
			body[path] = wanted;
		}
	}
	const paths = Object.keys(body);
	if (paths.length === 0) return null;
	return { call: phoneNumberInstances.update, name: current.name as string, qs: { updateMask: paths.join(',') }, body };
}

/** The held instance the item matches, or undefined; an error where the item can be neither bought nor updated. */
async function matchedInstance(this: IExecuteFunctions, prepared: Prepared, itemIndex: number): Promise<PhoneNumberInstance | undefined> {
	const { match, projectName, phoneNumber } = prepared;
	if (match.on === 'label') {
		const labelled = prepared.labelled ?? [];
		if (labelled.length > 1) {
			throw inputError(
				this.getNode(),
				itemIndex,
				'Match Label Value',
				`matched ${labelled.length} instances carrying ${match.key}=${match.value} in ${projectName}: ${labelled.map(numberOf).join(', ')}. Keep the label on one of them (nothing was bought or changed)`,
			);
		}
		return labelled[0];
	}
	const holders = await findHolders.call(this, projectName, phoneNumber, itemIndex);
	const held = singleNumberHolder(holders, phoneNumber);
	if (held) return held;
	const range = holders.find((instance) => instance.range);
	if (range) {
		const { startPhoneNumber, endPhoneNumber } = range.range ?? {};
		throw inputError(
			this.getNode(),
			itemIndex,
			'Phone Number',
			`${phoneNumber} is held inside the range ${startPhoneNumber} – ${endPhoneNumber} (${range.name}): it cannot be bought, and changing the range would change every number in it. Use Update on the range instead`,
		);
	}
	return undefined;
}

/** Looks the item up (no change yet) and decides: create, update (only what differs) or unchanged. */
export async function resolve(this: IExecuteFunctions, prepared: Prepared, itemIndex: number): Promise<Resolved> {
	const { projectName, phoneNumber, fields, match } = prepared;
	const current = await matchedInstance.call(this, prepared, itemIndex);
	if (current) {
		const change = updateOf.call(this, current, fields, itemIndex);
		return { action: change ? 'update' : 'unchanged', change, projectName, phoneNumber, current };
	}
	const labels = match.on === 'label' ? { ...((fields.labels as Record<string, string> | undefined) ?? {}), [match.key]: match.value } : fields.labels;
	const body: IDataObject = { phoneNumber: { phoneNumber }, ...fields, ...(labels !== undefined ? { labels } : {}) };
	if (labels !== undefined) checked(this.getNode(), itemIndex, 'Labels', () => checkLabelCount(labels as Record<string, string>));
	return { action: 'create', change: { call: phoneNumberInstances.create, parent: projectName, body }, projectName, phoneNumber };
}

/** After every lookup: two items that would buy the same number are refused; the cap counts what would be bought. */
export async function resolveBatch(this: IExecuteFunctions, items: Array<BatchItem<Resolved>>): Promise<Array<Resolved | Error>> {
	const outcomes = refuseDuplicates(
		items,
		(resolved) => (resolved.action === 'create' ? resolved.phoneNumber : undefined),
		(first, itemIndex, resolved) => duplicateNumberError.call(this, resolved.phoneNumber, first, itemIndex),
	);
	if (!this.continueOnFail() && outcomes.some((outcome) => outcome instanceof Error)) return outcomes;
	checkPurchaseCap.call(this, outcomes.filter((outcome) => !(outcome instanceof Error) && outcome.action === 'create').length);
	return outcomes;
}

const DONE: Record<Action, string> = { create: 'created', update: 'updated', unchanged: 'unchanged' };

export async function execute(this: IExecuteFunctions, resolved: Resolved, itemIndex: number): Promise<INodeExecutionData[]> {
	const { action, change, current, projectName, phoneNumber } = resolved;
	if (isDryRun.call(this, itemIndex)) {
		return dryRunItem.call(this, change, itemIndex, { action, instance: current ? presentInstance.call(this, current, itemIndex) : null });
	}
	let instance: PhoneNumberInstance;
	if (action === 'create') instance = await buyNumber.call(this, change as Change<PhoneNumberInstance>, projectName, phoneNumber, itemIndex);
	else if (action === 'update') instance = await sendChange(this, change as Change<PhoneNumberInstance>, itemIndex);
	else instance = current as PhoneNumberInstance;
	return [{ json: { action: DONE[action], ...presentInstance.call(this, instance, itemIndex) }, pairedItem: { item: itemIndex } }];
}
