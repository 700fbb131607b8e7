import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { checked, inputError } from '../../helpers/inputError';
import { checkPositiveInteger } from '../../helpers/validation';
import type { PhoneNumberInstance } from '../../models/phoneNumberInstance';
import { INSTANCE_OUTPUT, numberOf } from '../../models/phoneNumberInstance';
import { enfonicaApiRequest } from '../../transport';
import { instanceLocator, outputChoice, phoneNumberOptions, projectField } from '../common.descriptions';
import { resolveInstanceName } from './instanceLocator';
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
	phoneNumberOptions,
];

export const description = updateDisplayOptions({ show: { resource: ['phoneNumberInstance'], operation: ['splitRange'] } }, properties);

interface Prepared extends TargetedItem {
	size: number;
}

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<Prepared> {
	const located = await itemTarget.call(this, itemIndex);
	const size = checked(this.getNode(), itemIndex, 'Size', () => checkPositiveInteger(this.getNodeParameter('size', itemIndex)));
	return { ...located, size };
}

function describeRange(instance: PhoneNumberInstance): string {
	const { startPhoneNumber = '?', endPhoneNumber = '?', size = 0 } = instance.range ?? {};
	return `${startPhoneNumber} – ${endPhoneNumber} (${size} numbers)`;
}

/** Fetches the instance, so a single number or an out-of-range size is refused before any split is sent. */
export async function resolve(this: IExecuteFunctions, prepared: Prepared, itemIndex: number): Promise<{ name: string; size: number }> {
	const name = await resolveInstanceName.call(this, prepared.target, prepared.projectName, itemIndex);
	const instance = await fetchInstance.call(this, name, itemIndex);
	const rangeSize = instance.range?.size ?? 0;
	if (!instance.range || rangeSize < 2) {
		throw inputError(this.getNode(), itemIndex, 'Phone Number Instance', `${name} (${numberOf(instance)}) is a single number, not a range: only ranges can be split`);
	}
	if (prepared.size >= rangeSize) {
		throw inputError(this.getNode(), itemIndex, 'Size', `${prepared.size} is not between 1 and ${rangeSize - 1}: the range ${describeRange(instance)} must keep at least one number on each side`);
	}
	return { name, size: prepared.size };
}

export async function execute(this: IExecuteFunctions, { name, size }: { name: string; size: number }, itemIndex: number): Promise<INodeExecutionData[]> {
	const result = (await enfonicaApiRequest.call(this, {
		method: 'POST',
		path: `${name}:splitRange`,
		body: { size },
		itemIndex,
	})) as { first?: PhoneNumberInstance; second?: PhoneNumberInstance };
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
