import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { resolveInstanceName } from '../../helpers/instanceLocator';
import type { PhoneNumberInstance } from '../../helpers/simplify';
import { enfonicaApiRequest } from '../../transport';
import { instanceLocator, phoneNumberOptions, projectField, simplifyField } from '../common.descriptions';
import type { TargetedItem } from './shared';
import { itemTarget, toOutput } from './shared';

const properties: INodeProperties[] = [
	{
		displayName: 'Deleting disconnects the number: calls and messages to it stop. The deleted instance is returned.',
		name: 'deleteNotice',
		type: 'notice',
		default: '',
	},
	projectField,
	instanceLocator,
	simplifyField,
	phoneNumberOptions,
];

export const description = updateDisplayOptions({ show: { resource: ['phoneNumberInstance'], operation: ['delete'] } }, properties);

/** Reads the project and the locator; no request. */
export const prepare = itemTarget;

/** Outputs the deleted instance as Enfonica returns it (lifecycle state DELETED, deleteTime set). */
export async function execute(this: IExecuteFunctions, { projectName, target }: TargetedItem, itemIndex: number): Promise<INodeExecutionData[]> {
	const name = await resolveInstanceName.call(this, target, projectName, itemIndex);
	const instance = (await enfonicaApiRequest.call(this, { method: 'DELETE', path: name, itemIndex })) as PhoneNumberInstance;
	return [toOutput.call(this, instance, itemIndex)];
}
