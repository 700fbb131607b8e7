import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { phoneNumberInstances } from '../../api';
import type { PhoneNumberInstance } from '../../models/phoneNumberInstance';
import { INSTANCE_OUTPUT } from '../../models/phoneNumberInstance';
import { outputChoice, projectField, purchaseOptions } from '../common.descriptions';
import type { BatchItem } from '../operation';
import type { Change } from '../plannedChange';
import { dryRunItem, isDryRun } from '../plannedChange';
import { instanceFieldOptions } from './instanceFields';
import { buyNumber, checkPurchaseCap, duplicateNumberError, numberToBuyField, readPurchase, readPurchaseCap, refuseDuplicates } from './purchase';
import { toOutput } from './shared';

const properties: INodeProperties[] = [
	projectField,
	numberToBuyField('The number to provision (this buys it). E.164 such as +61255501100, or a national format with a Default Country set under Options.'),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: instanceFieldOptions('create'),
	},
	...outputChoice(INSTANCE_OUTPUT),
	purchaseOptions,
];

export const description = updateDisplayOptions({ show: { resource: ['phoneNumberInstance'], operation: ['create'] } }, properties);

interface Prepared {
	projectName: string;
	phoneNumber: string;
	change: Change<PhoneNumberInstance>;
}

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<Prepared> {
	const { projectName, phoneNumber, fields: body } = await readPurchase.call(this, itemIndex);
	return { projectName, phoneNumber, change: { call: phoneNumberInstances.create, parent: projectName, body: { phoneNumber: { phoneNumber }, ...body } } };
}

/** The same number twice (in any spelling) is refused before anything is sent; the cap is checked too. */
export async function prepareBatch(this: IExecuteFunctions, items: Array<BatchItem<Prepared>>): Promise<Array<Prepared | Error>> {
	readPurchaseCap.call(this);
	return refuseDuplicates(items, (prepared) => prepared.phoneNumber, (first, itemIndex, prepared) => duplicateNumberError.call(this, prepared.phoneNumber, first, itemIndex));
}

/** Every item buys a number: a run with more items than Max Numbers to Buy buys none. */
export async function resolveBatch(this: IExecuteFunctions, items: Array<BatchItem<Prepared>>): Promise<Prepared[]> {
	checkPurchaseCap.call(this, items.length);
	return items.map(({ value }) => value);
}

/** One POST per item, never sent twice (it buys a number); an unclear outcome is settled by a lookup. */
export async function execute(this: IExecuteFunctions, { projectName, phoneNumber, change }: Prepared, itemIndex: number): Promise<INodeExecutionData[]> {
	if (isDryRun.call(this, itemIndex)) return dryRunItem.call(this, change, itemIndex);
	const instance: PhoneNumberInstance = await buyNumber.call(this, change, projectName, phoneNumber, itemIndex);
	return [toOutput.call(this, instance, itemIndex)];
}
