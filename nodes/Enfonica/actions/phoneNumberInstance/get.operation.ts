import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { INSTANCE_OUTPUT } from '../../models/phoneNumberInstance';
import { resolveInstanceName } from '../../shared/instanceLocator';
import { instanceLocator, outputChoice, phoneNumberOptions, projectField } from '../common.descriptions';
import type { TargetedItem } from './shared';
import { fetchInstance, itemTarget, toOutput } from './shared';

const properties: INodeProperties[] = [projectField, instanceLocator, ...outputChoice(INSTANCE_OUTPUT), phoneNumberOptions];

export const description = updateDisplayOptions({ show: { resource: ['phoneNumberInstance'], operation: ['get'] } }, properties);

/** Reads the project and the locator; no request. */
export const prepare = itemTarget;

export async function execute(this: IExecuteFunctions, { projectName, target }: TargetedItem, itemIndex: number): Promise<INodeExecutionData[]> {
	const name = await resolveInstanceName.call(this, target, projectName, itemIndex);
	return [toOutput.call(this, await fetchInstance.call(this, name, itemIndex), itemIndex)];
}
