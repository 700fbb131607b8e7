import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { phoneNumberInstances } from '../../api';
import { checked } from '../../helpers/inputError';
import { toE164 } from '../../helpers/phoneNumbers';
import type { PhoneNumberInstance } from '../../models/phoneNumberInstance';
import { INSTANCE_OUTPUT } from '../../models/phoneNumberInstance';
import { itemProject } from '../common';
import { outputChoice, projectField, purchaseOptions } from '../common.descriptions';
import type { BatchItem } from '../operation';
import type { Change } from '../plannedChange';
import { dryRunItem, isDryRun } from '../plannedChange';
import { instanceFieldOptions, readInstanceFields } from './instanceFields';
import { buyNumber, checkPurchaseCap, duplicateNumberError, readPurchaseCap, refuseDuplicates } from './purchase';
import { itemDefaultCountry, toOutput } from './shared';

const properties: INodeProperties[] = [
	projectField,
	{
		displayName: 'Phone Number',
		name: 'phoneNumber',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. +61 2 5550 1100',
		description: 'The number to provision (this buys it). E.164 such as +61255501100, or a national format with a Default Country set under Options.',
	},
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
	change: Change;
}

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<Prepared> {
	const projectName = await itemProject.call(this, itemIndex);
	const defaultCountry = itemDefaultCountry.call(this, itemIndex);
	const phoneNumber = checked(this.getNode(), itemIndex, 'Phone Number', () => toE164(this.getNodeParameter('phoneNumber', itemIndex), defaultCountry));
	const additionalFields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const { body } = readInstanceFields.call(this, itemIndex, additionalFields);
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
