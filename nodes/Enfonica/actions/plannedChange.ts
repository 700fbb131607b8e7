import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { EnfonicaCall } from '../api';
import { pathOf } from '../api';
import type { CallArgs } from '../transport';
import { enfonicaApiRequest } from '../transport';

/**
 * A change as the node sends it: the call and its arguments. Options → Dry Run outputs it instead
 * of sending it; the real run sends this same object: one description, so the plan cannot drift.
 */
export interface Change<Response = unknown> extends Omit<CallArgs, 'itemIndex'> {
	call: EnfonicaCall<Response>;
}

/** Options → Dry Run of the item. */
export function isDryRun(this: IExecuteFunctions, itemIndex: number): boolean {
	return this.getNodeParameter('options.dryRun', itemIndex, false) === true;
}

/** The HTTP request a change is sent as: method, path, query (as the URL carries it), body. */
export function planOf(change: Change | null): IDataObject | null {
	if (!change) return null;
	const query = Object.entries(change.qs ?? {}).filter(([, value]) => value !== undefined);
	return {
		method: change.call.http,
		path: pathOf(change.call, change),
		...(query.length > 0 ? { query: Object.fromEntries(query.map(([key, value]) => [key, String(value)])) } : {}),
		...(change.body !== undefined ? { body: change.body } : {}),
	};
}

/** Dry Run's item: `{ dryRun: true, request, …extra }`; `request` is null when the real run sends nothing. */
export function dryRunItem(this: IExecuteFunctions, change: Change | null, itemIndex: number, extra: IDataObject = {}): INodeExecutionData[] {
	return [{ json: { dryRun: true, ...extra, request: planOf(change) }, pairedItem: { item: itemIndex } }];
}

/** Sends the change (the transport's retry policy applies); answers what its call declares. Context first, as the transport's. */
export async function sendChange<Response>(context: IExecuteFunctions, change: Change<Response>, itemIndex: number): Promise<Response> {
	const { call, ...args } = change;
	return await enfonicaApiRequest(context, call, { ...args, itemIndex });
}
