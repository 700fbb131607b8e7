import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { EnfonicaListCall } from '../api';
import { checked } from '../errors';
import { checkWholeNumber } from '../helpers/validation';
import type { OutputModel } from '../models/output';
import { presenter } from '../models/output';
import { nodeProject } from '../shared/nodeProject';
import { readOutputShape } from '../shared/outputChoice';
import { enfonicaApiRequestAllItems } from '../transport';

/** What every resource's operations share: the item's project, Return All / Limit, list output. */

/** The item's project resource name (node parameter, else the credential's), checked before any request. */
export async function itemProject(this: IExecuteFunctions, itemIndex: number): Promise<string> {
	return await nodeProject.call(this, itemIndex);
}

/** Return All → undefined (no limit); otherwise the checked Limit. */
export function readLimit(this: IExecuteFunctions, itemIndex: number): number | undefined {
	if (this.getNodeParameter('returnAll', itemIndex, false) as boolean) return undefined;
	return checked(this.getNode(), itemIndex, 'Limit', () => checkWholeNumber(this.getNodeParameter('limit', itemIndex, 50), 1));
}

/**
 * The item's output choice as a function from a resource to its output: Output from node
 * version 2, Simplify in version 1 (its 19-field shape, so stored workflows keep their output).
 * Read once per item (getNodeParameter is too slow to repeat per result); the router also runs
 * it for every item before any request, so a bad Fields value stops the run before anything is
 * bought or changed.
 */
export function itemPresenter(this: IExecuteFunctions, model: OutputModel<unknown, unknown>, itemIndex: number): (resource: unknown) => IDataObject {
	const node = this.getNode();
	if (node.typeVersion < 2) return presenter(model, this.getNodeParameter('simplify', itemIndex, true) ? model.legacy : 'raw');
	return presenter(model, readOutputShape(node, itemIndex, (name, fallback) => this.getNodeParameter(name, itemIndex, fallback), model));
}

/** A whole list or search as output items of one input item, as the item's output choice asks. */
export async function listToItems(
	this: IExecuteFunctions,
	list: EnfonicaListCall<unknown>,
	args: { parent?: string; qs?: IDataObject },
	{ limit, itemIndex, model }: { limit?: number; itemIndex: number; model: OutputModel<unknown, unknown> },
): Promise<INodeExecutionData[]> {
	const resources = await enfonicaApiRequestAllItems(this, list, args, { limit, itemIndex });
	return toItems.call(this, model, resources, itemIndex);
}

/** Results as the output items of one input item, as its output choice asks: every operation's one path from results to items. */
export function toItems(this: IExecuteFunctions, model: OutputModel<unknown, unknown>, resources: unknown[], itemIndex: number): INodeExecutionData[] {
	const present = itemPresenter.call(this, model, itemIndex);
	return resources.map((resource) => ({ json: present(resource), pairedItem: { item: itemIndex } }));
}
