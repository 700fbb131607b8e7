/** delete: removes the listing (returns Empty) unless a live instance still uses it. */
import { failedPrecondition } from '../../errors';
import { listingName } from '../../listingModel';
import { instanceName } from '../../model';
import { readQuery } from '../../query';
import { ok, type MethodHandler } from '../call';

export const deleteListing: MethodHandler = (core, call) => {
	readQuery(call.pairs, []);
	const listing = core.findListing(call.project, call.id);
	const name = listingName(listing);
	const users = core.store.referencing(name).map(instanceName).sort();
	if (users.length > 0) {
		throw failedPrecondition(
			`Regulatory listing '${name}' is used by ${users.length} phone number instance(s): ${users.join(', ')}. ` +
				'Delete those instances, or move them to another project, first.',
		);
	}
	core.listings.remove(listing.id);
	return ok({});
};
