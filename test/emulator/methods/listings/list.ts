/** list: every listing of the project, newest first. */
import { listingPage } from '../../listingPaging';
import { readPageSize } from '../../paging';
import { readQuery } from '../../query';
import { ok, type MethodHandler } from '../call';

export const listListings: MethodHandler = (core, call) => {
	const query = readQuery(call.pairs, ['pageSize', 'pageToken']);
	return ok(
		listingPage(core, core.listings.inProject(call.project), {
			pageSize: readPageSize(query.pageSize),
			pageToken: query.pageToken,
			scope: ['regulatoryListings', `projects/${call.project}`],
			scopeFields: 'the parent',
		}),
	);
};
