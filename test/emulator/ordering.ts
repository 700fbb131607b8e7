/** List order: createTime descending; ties broken by id ascending so pages are deterministic. */
import type { Cursor } from './pageToken';
import type { StoredInstance } from './model';

export function compareForList(a: Cursor, b: Cursor): number {
	if (a.createTime !== b.createTime) return b.createTime - a.createTime;
	return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function sortForList(instances: StoredInstance[]): StoredInstance[] {
	return instances.sort(compareForList);
}
