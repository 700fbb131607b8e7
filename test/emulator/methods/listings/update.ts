/** update (PATCH): displayName is the only field that can change. */
import { checkNameMatchesPath } from '../../jsonInput';
import { checkDisplayName } from '../../limits';
import { readListingInput } from '../../listingInput';
import { LISTING_MASK, LISTING_UPDATABLE_FIELDS, listingName } from '../../listingModel';
import { readQuery } from '../../query';
import { renderListing } from '../../renderListing';
import { parseUpdateMask } from '../../updateMask';
import { ok, type MethodHandler } from '../call';

export const updateListing: MethodHandler = (core, call) => {
	const query = readQuery(call.pairs, ['updateMask']);
	const mask = parseUpdateMask(query.updateMask, LISTING_MASK);
	const input = readListingInput(call.body, 'regulatoryListing');
	const pathName = listingName({ project: call.project, id: call.id });
	checkNameMatchesPath(input.name, pathName, 'listing');
	const listing = core.findListing(call.project, call.id);
	// Without a mask only displayName, if present, changes; immutable and output-only fields in the body are ignored.
	const fields = mask ?? LISTING_UPDATABLE_FIELDS.filter((field) => input[field] !== undefined);
	if (fields.includes('displayName')) {
		// A masked displayName missing from the body clears it.
		const displayName = input.displayName ?? '';
		checkDisplayName(displayName);
		listing.displayName = displayName;
	}
	return ok(renderListing(listing));
};
