/** The emulator's record of a regulatory listing, its field lists and resource-name helpers. */
import type { MaskSpec } from './updateMask';

export interface StoredAddress {
	addressLines: string[];
	locality: string;
	administrativeArea: string;
	postalCode: string;
	regionCode: string;
}

/** The proto's `entity` oneof. */
export type ListingEntity = { kind: 'person'; givenName: string; familyName: string } | { kind: 'business'; business: string };

export interface StoredListing {
	/** Unique across projects, like instance ids. */
	id: string;
	project: string;
	displayName: string;
	address: StoredAddress;
	entity: ListingEntity;
	/** Epoch milliseconds. */
	createTime: number;
	valid: boolean;
	verified: boolean;
}

export const LISTING_UPDATABLE_FIELDS = ['displayName'] as const;
export const LISTING_IMMUTABLE_FIELDS = ['address', 'person', 'business'] as const;
export const LISTING_OUTPUT_ONLY_FIELDS = ['name', 'createTime', 'valid', 'verified'] as const;

export const LISTING_MASK: MaskSpec<(typeof LISTING_UPDATABLE_FIELDS)[number]> = {
	resource: 'RegulatoryListing',
	updatable: LISTING_UPDATABLE_FIELDS,
	outputOnly: LISTING_OUTPUT_ONLY_FIELDS,
	immutable: Object.fromEntries(
		LISTING_IMMUTABLE_FIELDS.map((field) => [field, `${field} is immutable; create a new listing (and move the numbers to it) instead.`]),
	),
};

export function listingName(listing: Pick<StoredListing, 'project' | 'id'>): string {
	return `projects/${listing.project}/regulatoryListings/${listing.id}`;
}

const LISTING_NAME_PATTERN = /^projects\/([^/]+)\/regulatoryListings\/([^/]+)$/;

export function parseListingName(name: string): { project: string; id: string } | undefined {
	const match = LISTING_NAME_PATTERN.exec(name);
	return match ? { project: match[1], id: match[2] } : undefined;
}
