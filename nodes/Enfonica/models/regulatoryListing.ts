import { instanceIdOf, projectPartOf } from '../helpers/resourceNames';
import type { OutputModel } from './output';
import { shaper } from './output';

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

export function entityTypeOf(listing: RegulatoryListing): 'person' | 'business' | '' {
	return listing.person ? 'person' : listing.business ? 'business' : '';
}

interface ListingContext {
	listing: RegulatoryListing;
	name: string;
	address: NonNullable<RegulatoryListing['address']>;
}

/** Flat fields are named as Create's parameters; `person`, `business` and `address` are version 1's nested ones. */
export const LISTING_OUTPUT: OutputModel<RegulatoryListing, ListingContext> = {
	identity: 'name',
	simplified: ['name', 'id', 'displayName', 'entityType', 'givenName', 'familyName', 'businessName', 'regionCode', 'valid', 'verified'],
	legacy: ['name', 'id', 'project', 'displayName', 'entityType', 'person', 'business', 'address', 'valid', 'verified', 'createTime'],
	context: (listing) => ({ listing, name: listing.name ?? '', address: listing.address ?? {} }),
	fields: {
		name: { name: 'Name', read: ({ name }) => name },
		id: { name: 'ID', read: ({ name }) => instanceIdOf(name) },
		project: { name: 'Project', read: ({ name }) => projectPartOf(name) },
		displayName: { name: 'Display Name', read: ({ listing }) => listing.displayName ?? '' },
		entityType: { name: 'Entity Type', read: ({ listing }) => entityTypeOf(listing) },
		givenName: { name: 'Given Name', read: ({ listing }) => listing.person?.givenName ?? '' },
		familyName: { name: 'Family Name', read: ({ listing }) => listing.person?.familyName ?? '' },
		businessName: { name: 'Business Name', read: ({ listing }) => listing.business?.business ?? '' },
		person: {
			name: 'Person (Given and Family Name)',
			read: ({ listing: { person } }) => (person ? { givenName: person.givenName ?? '', familyName: person.familyName ?? '' } : null),
		},
		business: { name: 'Business (Name)', read: ({ listing: { business } }) => (business ? { name: business.business ?? '' } : null) },
		address: {
			name: 'Address (All Parts)',
			read: ({ address }) => ({
				addressLines: address.addressLines ?? [],
				locality: address.locality ?? '',
				administrativeArea: address.administrativeArea ?? '',
				postalCode: address.postalCode ?? '',
				regionCode: address.regionCode ?? '',
			}),
		},
		addressLines: { name: 'Address Lines', read: ({ address }) => address.addressLines ?? [] },
		locality: { name: 'Locality', read: ({ address }) => address.locality ?? '' },
		administrativeArea: { name: 'Administrative Area', read: ({ address }) => address.administrativeArea ?? '' },
		postalCode: { name: 'Postal Code', read: ({ address }) => address.postalCode ?? '' },
		regionCode: { name: 'Region Code', read: ({ address }) => address.regionCode ?? '' },
		valid: { name: 'Valid', read: ({ listing }) => listing.valid ?? false },
		verified: { name: 'Verified', read: ({ listing }) => listing.verified ?? false },
		createTime: { name: 'Create Time', read: ({ listing }) => listing.createTime ?? null },
	},
};

/** The flat listing node version 1's Simplify returned, and the trigger outputs. */
export const flatListing = shaper(LISTING_OUTPUT, LISTING_OUTPUT.legacy);
