/** list: cursor-paginated, filtered by prefix and deletion, newest first. */
import { isLive } from '../model';
import { compareForList, sortForList } from '../ordering';
import type { Cursor } from '../pageToken';
import { page, readPageSize } from '../paging';
import { matchesPrefix, parsePrefix } from '../prefix';
import { readBoolParam, readQuery } from '../query';
import { ok, type MethodHandler } from './call';

export const list: MethodHandler = (core, call) => {
	const query = readQuery(call.pairs, ['pageSize', 'pageToken', 'prefix', 'includeDeleted']);
	const pageSize = readPageSize(query.pageSize);
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
	const nextToken = (last: Cursor): string => core.pageTokens.encode(scope, { createTime: last.createTime, id: last.id });
	return ok(page('phoneNumberInstances', matching, pageSize, nextToken, (instance) => core.render(instance)));
};
