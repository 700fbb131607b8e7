import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { regulatoryListings } from '../../api';
import { LISTING_OUTPUT } from '../../models/regulatoryListing';
import { enfonicaApiRequest } from '../../transport';
import { outputChoice, projectField } from '../common.descriptions';
import { itemListing, listingLocator, listingOutput } from './shared';

const properties: INodeProperties[] = [projectField, listingLocator, ...outputChoice(LISTING_OUTPUT)];

export const description = updateDisplayOptions({ show: { resource: ['regulatoryListing'], operation: ['get'] } }, properties);

/** Reads the project and the locator; no request. */
export const prepare = itemListing;

export async function execute(this: IExecuteFunctions, name: string, itemIndex: number): Promise<INodeExecutionData[]> {
	const listing = await enfonicaApiRequest(this, regulatoryListings.get, { name, itemIndex });
	return [listingOutput.call(this, listing, itemIndex)];
}
