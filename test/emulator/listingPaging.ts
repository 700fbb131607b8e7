/** list and search of listings: newest first, cursor page tokens bound to the parent and filters. */
import type { EmulatorCore } from './core';
import type { StoredListing } from './listingModel';
import { compareForList, sortForList } from './ordering';
import { page } from './paging';
import { renderListing } from './renderListing';

export interface ListingPageRequest {
	pageSize: number;
	pageToken: string | undefined;
	/** Everything the token is bound to (parent and filters). */
	scope: unknown[];
	/** For the message when a token is reused with another query. */
	scopeFields: string;
}

export function listingPage(core: EmulatorCore, candidates: StoredListing[], request: ListingPageRequest): Record<string, unknown> {
	const scope = JSON.stringify(request.scope);
	const cursor = request.pageToken ? core.pageTokens.decode(request.pageToken, scope, request.scopeFields) : undefined;
	const matching = sortForList(candidates.filter((listing) => !cursor || compareForList(listing, cursor) > 0));
	const nextToken = (last: StoredListing): string => core.pageTokens.encode(scope, { createTime: last.createTime, id: last.id });
	return page('regulatoryListings', matching, request.pageSize, nextToken, renderListing);
}
