/** Page size and page assembly shared by every list and search method (AIP-158). */
import { invalidArgument } from './errors';
import { readIntParam } from './query';

const DEFAULT_PAGE_SIZE = 10;
const MAX_PAGE_SIZE = 100;

/** 0 or absent means "server default"; larger than the maximum is quietly capped; negative is a 400. */
export function readPageSize(value: string | undefined): number {
	const requested = readIntParam(value, 'pageSize') ?? 0;
	if (requested < 0) throw invalidArgument(`Invalid value for field 'pageSize': must not be negative (got ${requested}).`, 'pageSize');
	return requested === 0 ? DEFAULT_PAGE_SIZE : Math.min(requested, MAX_PAGE_SIZE);
}

/**
 * The first `pageSize` of `matching` (already filtered past the cursor and sorted) under `field`,
 * plus a nextPageToken when more remain. Empty lists and tokens are omitted (proto3 defaults).
 */
export function page<T>(
	field: string,
	matching: readonly T[],
	pageSize: number,
	nextToken: (last: T) => string,
	render: (item: T) => unknown,
): Record<string, unknown> {
	const items = matching.slice(0, pageSize);
	const body: Record<string, unknown> = {};
	if (items.length > 0) body[field] = items.map(render);
	if (matching.length > pageSize) body.nextPageToken = nextToken(items[items.length - 1]);
	return body;
}
