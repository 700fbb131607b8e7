import type { IExecuteFunctions, INodeExecutionData, INodeParameterResourceLocator } from 'n8n-workflow';

import { checked } from '../../errors';
import { LISTINGS, toResourceName } from '../../helpers/resourceNames';
import type { RegulatoryListing } from '../../models/regulatoryListing';
import { LISTING_OUTPUT } from '../../models/regulatoryListing';
import { itemProject, toItems } from '../common';
import { resourceLocator } from '../common.descriptions';

export const LISTING_FIELD = 'Regulatory Listing';

export const listingLocator = resourceLocator({
	displayName: LISTING_FIELD,
	name: 'regulatoryListing',
	of: LISTINGS,
	searchListMethod: 'searchRegulatoryListings',
	listPlaceholder: 'Select a regulatory listing...',
});

/** The listing the item's locator names, as a resource name; no request. */
export async function itemListing(this: IExecuteFunctions, itemIndex: number): Promise<string> {
	const projectName = await itemProject.call(this, itemIndex);
	const locator = this.getNodeParameter('regulatoryListing', itemIndex) as INodeParameterResourceLocator | string;
	const value = typeof locator === 'string' ? locator : locator.value;
	return checked(this.getNode(), itemIndex, LISTING_FIELD, () => toResourceName(LISTINGS, value, projectName, LISTING_FIELD));
}

/** One output item for a listing, as the item's Output asks. */
export function listingOutput(this: IExecuteFunctions, listing: RegulatoryListing, itemIndex: number): INodeExecutionData {
	return toItems.call(this, LISTING_OUTPUT, [listing], itemIndex)[0];
}
