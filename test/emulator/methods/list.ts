/** list: cursor-paginated, filtered by prefix and deletion, newest first. */
import { invalidArgument } from '../errors';
import { isLive } from '../model';
import { compareForList, sortForList } from '../ordering';
import { matchesPrefix, parsePrefix } from '../prefix';
import { readBoolParam, readIntParam, readQuery } from '../query';
import type { PhoneNumberInstanceJson } from '../types';
import { ok, type MethodHandler } from './call';

const DEFAULT_PAGE_SIZE = 10;
const MAX_PAGE_SIZE = 100;

export const list: MethodHandler = (core, call) => {
	const query = readQuery(call.pairs, ['pageSize', 'pageToken', 'prefix', 'includeDeleted']);
	const requested = readIntParam(query.pageSize, 'pageSize') ?? 0;
	if (requested < 0) throw invalidArgument(`Invalid value for field 'pageSize': must not be negative (got ${requested}).`, 'pageSize');
	// AIP-158: 0 means "server default"; larger than the maximum is quietly capped.
	const pageSize = requested === 0 ? DEFAULT_PAGE_SIZE : Math.min(requested, MAX_PAGE_SIZE);
	const prefixText = query.prefix ?? '';
	const prefix = prefixText === '' ? undefined : parsePrefix(prefixText);
	const includeDeleted = readBoolParam(query.includeDeleted, 'includeDeleted') ?? false;

	const scope = JSON.stringify([`projects/${call.project}`, prefixText, includeDeleted]);
	const cursor = query.pageToken ? core.pageTokens.decode(query.pageToken, scope) : undefined;

	const matching = sortForList(
		core.store
			.inProject(call.project)
			.filter((instance) => includeDeleted || isLive(instance))
			.filter((instance) => !cursor || compareForList(instance, cursor) > 0)
			.filter((instance) => !prefix || matchesPrefix(prefix, instance, core.phones)),
	);
	const page = matching.slice(0, pageSize);
	const body: { phoneNumberInstances?: PhoneNumberInstanceJson[]; nextPageToken?: string } = {};
	if (page.length > 0) body.phoneNumberInstances = page.map((instance) => core.render(instance));
	if (matching.length > pageSize) {
		const last = page[page.length - 1];
		body.nextPageToken = core.pageTokens.encode(scope, { createTime: last.createTime, id: last.id });
	}
	return ok(body);
};
