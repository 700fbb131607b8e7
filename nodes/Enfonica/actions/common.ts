import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { checked } from '../helpers/inputError';
import { resolveProjectName } from '../helpers/project';
import type { ListTarget } from '../helpers/resourceNames';
import { checkPositiveInteger } from '../helpers/validation';
import { CREDENTIAL_TYPE, enfonicaApiRequestAllItems } from '../transport';

/** What every resource's operations share: the item's project, Return All / Limit, list output. */

/** The item's project resource name (node parameter, else the credential's), checked before any request. */
export async function itemProject(this: IExecuteFunctions, itemIndex: number): Promise<string> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE, itemIndex);
	return checked(this.getNode(), itemIndex, 'Project', () => resolveProjectName(this.getNodeParameter('project', itemIndex, ''), credentials));
}

/** Return All → undefined (no limit); otherwise the checked Limit. */
export function readLimit(this: IExecuteFunctions, itemIndex: number): number | undefined {
	if (this.getNodeParameter('returnAll', itemIndex, false) as boolean) return undefined;
	return checked(this.getNode(), itemIndex, 'Limit', () => checkPositiveInteger(this.getNodeParameter('limit', itemIndex, 50)));
}

/** Whether Simplify is on; read once per item (getNodeParameter is too slow to repeat per result). */
export function isSimplified(this: IExecuteFunctions, itemIndex: number): boolean {
	return this.getNodeParameter('simplify', itemIndex, true) as boolean;
}

/** A whole list or search as output items of one input item, simplified unless Simplify is off. */
export async function listToItems(
	this: IExecuteFunctions,
	list: ListTarget,
	qs: IDataObject,
	{ limit, itemIndex, simplify }: { limit?: number; itemIndex: number; simplify: (resource: IDataObject) => IDataObject },
): Promise<INodeExecutionData[]> {
	const resources = (await enfonicaApiRequestAllItems.call(this, list, qs, { limit, itemIndex })) as IDataObject[];
	const present = isSimplified.call(this, itemIndex) ? simplify : (resource: IDataObject) => resource;
	return resources.map((resource) => ({ json: present(resource), pairedItem: { item: itemIndex } }));
}
