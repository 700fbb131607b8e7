import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { checked } from '../../helpers/inputError';
import { toE164 } from '../../helpers/phoneNumbers';
import { collectionOf } from '../../helpers/resourceNames';
import type { PhoneNumberInstance } from '../../models/phoneNumberInstance';
import { INSTANCE_OUTPUT } from '../../models/phoneNumberInstance';
import { enfonicaApiRequest } from '../../transport';
import { itemProject } from '../common';
import { outputChoice, phoneNumberOptions, projectField } from '../common.descriptions';
import { instanceFieldOptions, readInstanceFields } from './instanceFields';
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
	phoneNumberOptions,
];

export const description = updateDisplayOptions({ show: { resource: ['phoneNumberInstance'], operation: ['create'] } }, properties);

interface Prepared {
	projectName: string;
	body: IDataObject;
}

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<Prepared> {
	const projectName = await itemProject.call(this, itemIndex);
	const defaultCountry = itemDefaultCountry.call(this, itemIndex);
	const phoneNumber = checked(this.getNode(), itemIndex, 'Phone Number', () => toE164(this.getNodeParameter('phoneNumber', itemIndex), defaultCountry));
	const additionalFields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const { body } = readInstanceFields.call(this, itemIndex, additionalFields);
	return { projectName, body: { phoneNumber: { phoneNumber }, ...body } };
}

/** One POST per item and never retried after it may have reached Enfonica (it buys a number). */
export async function execute(this: IExecuteFunctions, { projectName, body }: Prepared, itemIndex: number): Promise<INodeExecutionData[]> {
	const instance = (await enfonicaApiRequest.call(this, {
		method: 'POST',
		path: collectionOf(projectName),
		body,
		itemIndex,
	})) as PhoneNumberInstance;
	return [toOutput.call(this, instance, itemIndex)];
}
