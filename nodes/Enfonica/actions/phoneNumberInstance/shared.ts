import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { inputError } from '../../helpers/inputError';
import { resolveProjectName } from '../../helpers/project';
import { ResourceNameError } from '../../helpers/resourceNames';
import { ServiceAccountKeyError } from '../../helpers/serviceAccount';
import type { PhoneNumberInstance } from '../../helpers/simplify';
import { simplifyInstance } from '../../helpers/simplify';
import { CREDENTIAL_TYPE } from '../../transport';

/** The item's project resource name (node parameter, else the credential's), checked before any request. */
export async function itemProject(this: IExecuteFunctions, itemIndex: number, parameter = 'project'): Promise<string> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE, itemIndex);
	try {
		return resolveProjectName(this.getNodeParameter(parameter, itemIndex, ''), credentials);
	} catch (error) {
		if (error instanceof ResourceNameError || error instanceof ServiceAccountKeyError) {
			throw inputError(this.getNode(), itemIndex, 'Project:', error.message);
		}
		throw error;
	}
}

/** One output item for an instance: simplified unless the user turned Simplify off. */
export function toOutput(this: IExecuteFunctions, instance: PhoneNumberInstance, itemIndex: number): INodeExecutionData {
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	return { json: simplify ? simplifyInstance(instance) : (instance as IDataObject), pairedItem: { item: itemIndex } };
}
