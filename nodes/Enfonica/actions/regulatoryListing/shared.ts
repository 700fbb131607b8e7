import type { IDataObject, IExecuteFunctions, INodeParameterResourceLocator } from 'n8n-workflow';

import { checked } from '../../helpers/inputError';
import { LISTINGS, instanceIdOf, projectPartOf, toResourceName } from '../../helpers/resourceNames';
import { isSimplified, itemProject } from '../common';
import { resourceLocator } from '../common.descriptions';

export const LISTING_FIELD = 'Regulatory Listing';

/** A RegulatoryListing as Enfonica returns it; absent fields mean their proto3 defaults. */
export interface RegulatoryListing {
	name?: string;
	displayName?: string;
	address?: { addressLines?: string[]; locality?: string; administrativeArea?: string; postalCode?: string; regionCode?: string };
	person?: { givenName?: string; familyName?: string };
	business?: { business?: string };
	createTime?: string;
	valid?: boolean;
	verified?: boolean;
}

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

export function entityTypeOf(listing: RegulatoryListing): 'person' | 'business' | '' {
	return listing.person ? 'person' : listing.business ? 'business' : '';
}

/** The flat, default-filled shape of a listing when Simplify is on. */
export function simplifyListing(listing: RegulatoryListing): IDataObject {
	const name = listing.name ?? '';
	const address = listing.address ?? {};
	return {
		name,
		id: instanceIdOf(name),
		project: projectPartOf(name),
		displayName: listing.displayName ?? '',
		entityType: entityTypeOf(listing),
		person: listing.person ? { givenName: listing.person.givenName ?? '', familyName: listing.person.familyName ?? '' } : null,
		business: listing.business ? { name: listing.business.business ?? '' } : null,
		address: {
			addressLines: address.addressLines ?? [],
			locality: address.locality ?? '',
			administrativeArea: address.administrativeArea ?? '',
			postalCode: address.postalCode ?? '',
			regionCode: address.regionCode ?? '',
		},
		valid: listing.valid ?? false,
		verified: listing.verified ?? false,
		createTime: listing.createTime ?? null,
	};
}

/** One output item for a listing, simplified unless Simplify is off. */
export function listingOutput(this: IExecuteFunctions, listing: RegulatoryListing, itemIndex: number) {
	return { json: isSimplified.call(this, itemIndex) ? simplifyListing(listing) : (listing as IDataObject), pairedItem: { item: itemIndex } };
}
