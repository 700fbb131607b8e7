import type { IExecuteFunctions, INodeExecutionData, INodeProperties, NodeApiError } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { SplitRangeResult } from '../../api';
import { phoneNumberInstances } from '../../api';
import { asNodeError, checked, inputError, isOutcomeUnknown, notDoneError } from '../../errors';
import { checkWholeNumber } from '../../helpers/validation';
import type { PhoneNumberInstance } from '../../models/phoneNumberInstance';
import { INSTANCE_OUTPUT, numberOf } from '../../models/phoneNumberInstance';
import { findHolders, resolveInstanceName } from '../../shared/instanceLocator';
import { changeOptions, instanceLocator, outputChoice, projectField } from '../common.descriptions';
import type { Change } from '../plannedChange';
import { dryRunItem, isDryRun, sendChange } from '../plannedChange';
import type { TargetedItem } from './shared';
import { fetchInstance, itemTarget, presentInstance } from './shared';

const properties: INodeProperties[] = [
	projectField,
	{ ...instanceLocator, description: 'The range to split' },
	{
		displayName: 'Size',
		name: 'size',
		type: 'number',
		typeOptions: { minValue: 1, numberPrecision: 0 },
		required: true,
		default: 1,
		description:
			'How many numbers stay in the original range, counted from its start; the rest become a new range. Between 1 and the range size minus 1.',
	},
	{
		displayName: 'Result As',
		name: 'output',
		type: 'options',
		options: [
			{ name: 'One Item (First and Second)', value: 'oneItem', description: 'One item with the two ranges as "first" and "second"' },
			{ name: 'Two Items', value: 'twoItems', description: 'The first range, then the second, as separate items' },
		],
		default: 'oneItem',
	},
	...outputChoice(INSTANCE_OUTPUT),
	changeOptions,
];

export const description = updateDisplayOptions({ show: { resource: ['phoneNumberInstance'], operation: ['splitRange'] } }, properties);

interface Prepared extends TargetedItem {
	size: number;
}

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<Prepared> {
	const located = await itemTarget.call(this, itemIndex);
	const size = checked(this.getNode(), itemIndex, 'Size', () => checkWholeNumber(this.getNodeParameter('size', itemIndex), 1));
	return { ...located, size };
}

function describeRange(instance: PhoneNumberInstance): string {
	const { startPhoneNumber = '?', endPhoneNumber = '?', size = 0 } = instance.range ?? {};
	return `${startPhoneNumber} – ${endPhoneNumber} (${size} numbers)`;
}

interface Resolved {
	change: Change<SplitRangeResult>;
	projectName: string;
	size: number;
	/** The range as fetched before the split. */
	current: PhoneNumberInstance;
}

/** Fetches the instance, so a single number or an out-of-range size is refused before any split is sent. */
export async function resolve(this: IExecuteFunctions, prepared: Prepared, itemIndex: number): Promise<Resolved> {
	const name = await resolveInstanceName.call(this, prepared.target, prepared.projectName, itemIndex);
	const instance = await fetchInstance.call(this, name, itemIndex);
	const rangeSize = instance.range?.size ?? 0;
	if (!instance.range || rangeSize < 2) {
		throw inputError(this.getNode(), itemIndex, 'Phone Number Instance', `${name} (${numberOf(instance)}) is a single number, not a range: only ranges can be split`);
	}
	if (prepared.size >= rangeSize) {
		throw inputError(this.getNode(), itemIndex, 'Size', `${prepared.size} is not between 1 and ${rangeSize - 1}: the range ${describeRange(instance)} must keep at least one number on each side`);
	}
	const change: Change<SplitRangeResult> = { call: phoneNumberInstances.splitRange, name, body: { size: prepared.size } };
	return { change, projectName: prepared.projectName, size: prepared.size, current: instance };
}

export async function execute(this: IExecuteFunctions, resolved: Resolved, itemIndex: number): Promise<INodeExecutionData[]> {
	const { change, current } = resolved;
	if (isDryRun.call(this, itemIndex)) return dryRunItem.call(this, change, itemIndex, { instance: presentInstance.call(this, current, itemIndex) });
	let result: SplitRangeResult;
	try {
		result = await sendChange(this, change, itemIndex);
	} catch (error) {
		result = await splitDuringThisCall.call(this, error, resolved, itemIndex);
	}
	const first = presentInstance.call(this, result.first ?? {}, itemIndex);
	const second = presentInstance.call(this, result.second ?? {}, itemIndex);
	const pairedItem = { item: itemIndex };
	if (this.getNodeParameter('output', itemIndex, 'oneItem') === 'twoItems') {
		return [
			{ json: first, pairedItem },
			{ json: second, pairedItem },
		];
	}
	return [{ json: { first, second }, pairedItem }];
}

/** The number `offset` places after an E.164 number, with as many digits. */
function numberAfter(e164: string, offset: number): string {
	return `+${(BigInt(e164.slice(1)) + BigInt(offset)).toString().padStart(e164.length - 1, '0')}`;
}

/**
 * A split is never sent twice. When its outcome is unclear (no answer, a 5xx), reads tell: the
 * range still has its size → it was not split (an error saying so); it now has the size asked for
 * and the project holds a range starting right after it → split (both halves). Otherwise the
 * original error.
 */
async function splitDuringThisCall(this: IExecuteFunctions, error: unknown, { change, projectName, size, current }: Resolved, itemIndex: number): Promise<{ first: PhoneNumberInstance; second: PhoneNumberInstance }> {
	if (!isOutcomeUnknown(error)) throw asNodeError(this.getNode(), error, itemIndex);
	const name = change.name as string;
	let now: PhoneNumberInstance;
	let second: PhoneNumberInstance | undefined;
	try {
		now = await fetchInstance.call(this, name, itemIndex);
		const start = now.range?.startPhoneNumber ?? '';
		if (now.range?.size === size && /^\+\d+$/.test(start)) {
			const secondStart = numberAfter(start, size);
			second = (await findHolders.call(this, projectName, secondStart, itemIndex)).find((instance) => instance.range?.startPhoneNumber === secondStart);
		}
	} catch {
		throw asNodeError(this.getNode(), error, itemIndex);
	}
	if (second) return { first: now, second };
	if (now.range?.size !== current.range?.size) throw asNodeError(this.getNode(), error, itemIndex);
	throw notDoneError(this.getNode(), error as NodeApiError, itemIndex, `${name} was not split`, `Enfonica gave no clear answer to the split, and a lookup right after it found the range ${describeRange(now)} unchanged: nothing was split. Running the workflow again is safe.`);
}
