import type { IExecuteFunctions, INodeExecutionData, INodeParameterResourceLocator, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readInstanceLocator, resolveInstanceName } from '../../helpers/instanceLocator';
import type { PhoneNumberInstance } from '../../helpers/simplify';
import { enfonicaApiRequest } from '../../transport';
import { instanceLocator, projectField, simplifyField } from '../common.descriptions';
import { itemProject, toOutput } from './shared';

const properties: INodeProperties[] = [projectField, instanceLocator, simplifyField];

export const description = updateDisplayOptions({ show: { resource: ['phoneNumberInstance'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const projectName = await itemProject.call(this, itemIndex);
	const locator = this.getNodeParameter('phoneNumberInstance', itemIndex) as INodeParameterResourceLocator;
	const target = readInstanceLocator.call(this, locator, projectName, itemIndex);
	const name = await resolveInstanceName.call(this, target, projectName, itemIndex);
	const instance = (await enfonicaApiRequest.call(this, { method: 'GET', path: name, itemIndex })) as PhoneNumberInstance;
	return [toOutput.call(this, instance, itemIndex)];
}
