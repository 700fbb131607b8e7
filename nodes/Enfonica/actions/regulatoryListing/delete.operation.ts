import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeApiError, updateDisplayOptions } from 'n8n-workflow';

import { regulatoryListings } from '../../api';
import { asNodeError, attemptsOf, isFailedPrecondition, isNotFound, listingInUseError } from '../../errors';
import { listingChangeOptions, projectField } from '../common.descriptions';
import type { Change } from '../plannedChange';
import { dryRunItem, isDryRun, sendChange } from '../plannedChange';
import { itemListing, listingLocator } from './shared';

const properties: INodeProperties[] = [projectField, listingLocator, listingChangeOptions];

export const description = updateDisplayOptions({ show: { resource: ['regulatoryListing'], operation: ['delete'] } }, properties);

/** Reads the project and the locator; no request. */
export const prepare = itemListing;

/** Enfonica answers a delete with nothing: the output says what was deleted. */
export async function execute(this: IExecuteFunctions, name: string, itemIndex: number): Promise<INodeExecutionData[]> {
	const change: Change = { call: regulatoryListings.delete, name };
	if (isDryRun.call(this, itemIndex)) return dryRunItem.call(this, change, itemIndex);
	try {
		await sendChange(this, change, itemIndex);
	} catch (error) {
		// A DELETE retried after a lost answer finds the listing gone: the first one deleted it.
		if (isNotFound(error) && (attemptsOf(error) ?? 1) > 1) return [{ json: { name, deleted: true }, pairedItem: { item: itemIndex } }];
		// Enfonica refuses while a phone number instance still uses the listing.
		if (!isFailedPrecondition(error)) throw asNodeError(this.getNode(), error, itemIndex);
		throw listingInUseError(this.getNode(), error as NodeApiError, name, itemIndex);
	}
	return [{ json: { name, deleted: true }, pairedItem: { item: itemIndex } }];
}
