/** List order: createTime descending; ties broken by id ascending so pages are deterministic. */
import type { Cursor } from './pageToken';

export function compareForList(a: Cursor, b: Cursor): number {
	if (a.createTime !== b.createTime) return b.createTime - a.createTime;
	return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Instances and listings alike (anything with a createTime and an id), sorted in place. */
export function sortForList<T extends Cursor>(items: T[]): T[] {
	return items.sort(compareForList);
}
