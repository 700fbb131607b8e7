import type { RegulatoryListing } from '../models/regulatoryListing';
import { instanceIdOf } from '../helpers/resourceNames';
import { isReadableId } from './state';

/** Listing ID → its review flags: 1 = valid, 2 = verified (what Enfonica's review changes). */
export type ListingFlags = Record<string, number>;

export interface ListingReviewChange {
	event: 'listingReviewChanged';
	listing: RegulatoryListing;
	previousValid: boolean;
	previousVerified: boolean;
}

function flagsOf(listing: RegulatoryListing): number {
	return (listing.valid === true ? 1 : 0) | (listing.verified === true ? 2 : 0);
}

function idOf(listing: RegulatoryListing): string {
	return instanceIdOf(listing.name ?? '');
}

export function listingFlagsOf(listings: RegulatoryListing[]): ListingFlags {
	const flags: ListingFlags = {};
	for (const listing of listings) {
		const id = idOf(listing);
		if (id !== '' && !(id in flags)) flags[id] = flagsOf(listing);
	}
	return flags;
}

/** Saved flags as this version writes them, or undefined (none saved, or unreadable: a new baseline). */
export function readListingFlags(value: unknown): ListingFlags | undefined {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
	const flags: ListingFlags = {};
	for (const [id, code] of Object.entries(value)) {
		if (!isReadableId(id) || typeof code !== 'number' || !Number.isInteger(code) || code < 0 || code > 3) return undefined;
		flags[id] = code;
	}
	return flags;
}

/** Review changes of listings known before; `moved`: anything differs (a listing appeared, vanished or flipped). */
export function diffListings(previous: ListingFlags | undefined, listings: RegulatoryListing[]): { changes: ListingReviewChange[]; moved: boolean } {
	const now = listingFlagsOf(listings);
	if (previous === undefined) return { changes: [], moved: true };
	const changes: ListingReviewChange[] = [];
	let moved = Object.keys(previous).length !== Object.keys(now).length;
	const reported = new Set<string>();
	for (const listing of listings) {
		const id = idOf(listing);
		if (id === '' || reported.has(id)) continue;
		reported.add(id);
		const before = previous[id];
		if (before === undefined) {
			moved = true;
			continue;
		}
		if (before === now[id]) continue;
		moved = true;
		changes.push({ event: 'listingReviewChanged', listing, previousValid: (before & 1) === 1, previousVerified: (before & 2) === 2 });
	}
	return { changes, moved };
}
