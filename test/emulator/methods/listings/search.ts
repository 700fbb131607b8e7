/** search: the listings usable for a kind of number — same region, valid, and verified where the region demands it. */
import { invalidField } from '../../errors';
import { listingPage } from '../../listingPaging';
import { readPageSize } from '../../paging';
import { NUMBER_TYPE_ENUM } from '../../phoneNumberEnums';
import { readEnumParam, readQuery, readRegionParam } from '../../query';
import { needsVerification } from '../../regions';
import { ok, type MethodHandler } from '../call';

export const searchListings: MethodHandler = (core, call) => {
	const query = readQuery(call.pairs, ['pageSize', 'pageToken', 'regionCode', 'numberType']);
	const pageSize = readPageSize(query.pageSize);
	const regionCode = readRegionParam(query.regionCode, 'regionCode');
	const numberType = readEnumParam(query.numberType, NUMBER_TYPE_ENUM, 'numberType');
	if (numberType === undefined || numberType === 'PHONE_NUMBER_TYPE_UNSPECIFIED') throw invalidField('numberType', 'is required.');
	const verifiedOnly = needsVerification(regionCode, numberType);
	const usable = core.listings
		.inProject(call.project)
		.filter((listing) => listing.address.regionCode === regionCode && listing.valid && (!verifiedOnly || listing.verified));
	return ok(
		listingPage(core, usable, {
			pageSize,
			pageToken: query.pageToken,
			scope: ['regulatoryListings:search', `projects/${call.project}`, regionCode, numberType],
			scopeFields: 'parent, regionCode and numberType',
		}),
	);
};
