/** create: a new listing passes the region's address rules, so it starts valid (not verified). */
import { readListingInput } from '../../listingInput';
import { checkNewListing } from '../../listingRules';
import type { StoredListing } from '../../listingModel';
import { readQuery } from '../../query';
import { renderListing } from '../../renderListing';
import { ok, type MethodHandler } from '../call';

export const createListing: MethodHandler = (core, call) => {
	readQuery(call.pairs, []);
	// The body is the RegulatoryListing (REST body: "regulatory_listing"); name and output-only fields are ignored.
	const fields = checkNewListing(readListingInput(call.body, 'regulatoryListing'));
	const listing: StoredListing = {
		...fields,
		id: core.newListingId(),
		project: call.project,
		createTime: core.clock.now(),
		valid: true,
		verified: false,
	};
	core.listings.insert(listing);
	return ok(renderListing(listing));
};
