/** Stored listing → API JSON; proto3 defaults (empty strings, false) are left out, keys in proto order. */
import { toTimestamp } from './clock';
import { listingName, type StoredAddress, type StoredListing } from './listingModel';
import type { GenericAddressJson, RegulatoryListingJson } from './types';

function renderAddress(address: StoredAddress): GenericAddressJson {
	const json: GenericAddressJson = {};
	if (address.addressLines.length > 0) json.addressLines = [...address.addressLines];
	if (address.locality !== '') json.locality = address.locality;
	if (address.administrativeArea !== '') json.administrativeArea = address.administrativeArea;
	if (address.postalCode !== '') json.postalCode = address.postalCode;
	if (address.regionCode !== '') json.regionCode = address.regionCode;
	return json;
}

export function renderListing(listing: StoredListing): RegulatoryListingJson {
	const json: RegulatoryListingJson = { name: listingName(listing) };
	if (listing.displayName !== '') json.displayName = listing.displayName;
	json.address = renderAddress(listing.address);
	if (listing.entity.kind === 'person') json.person = { givenName: listing.entity.givenName, familyName: listing.entity.familyName };
	else json.business = { business: listing.entity.business };
	json.createTime = toTimestamp(listing.createTime);
	if (listing.valid) json.valid = true;
	if (listing.verified) json.verified = true;
	return json;
}
