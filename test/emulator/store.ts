/** All instances of one emulator, with an index of which numbers are held by live instances. */
import { isLive, parseInstanceName, type StoredInstance } from './model';
import { e164Value, rangesOverlap } from './e164';
import type { LifecycleState } from './types';

export class InstanceStore {
	private readonly byId = new Map<string, StoredInstance>();
	/** number → id of the live single-number instance holding it (O(1) for bulk seeding). */
	private readonly singles = new Map<string, string>();
	/** ids of live ranges; few, so scanned linearly. */
	private readonly ranges = new Set<string>();

	/** Forgets every instance (a test control's reset). */
	clear(): void {
		this.byId.clear();
		this.singles.clear();
		this.ranges.clear();
	}

	get(id: string): StoredInstance | undefined {
		return this.byId.get(id);
	}

	getByName(name: string): StoredInstance | undefined {
		const parsed = parseInstanceName(name);
		if (!parsed) return undefined;
		const instance = this.byId.get(parsed.id);
		return instance && instance.project === parsed.project ? instance : undefined;
	}

	/** Instances of a project in no particular order. */
	inProject(project: string): StoredInstance[] {
		const result: StoredInstance[] = [];
		for (const instance of this.byId.values()) if (instance.project === project) result.push(instance);
		return result;
	}

	/** Live instances associated with a listing (what blocks deleting it). */
	referencing(listingName: string): StoredInstance[] {
		return [...this.byId.values()].filter((instance) => isLive(instance) && instance.regulatoryListing === listingName);
	}

	hasId(id: string): boolean {
		return this.byId.has(id);
	}

	/** The live instance holding any number of [start, start+size), if one does. */
	holderOf(start: string, size: number): StoredInstance | undefined {
		if (size === 1) {
			const id = this.singles.get(start);
			if (id) return this.byId.get(id);
		} else if (size <= 4096) {
			const first = e164Value(start);
			for (let i = 0n; i < BigInt(size); i++) {
				const id = this.singles.get(`+${(first + i).toString()}`);
				if (id) return this.byId.get(id);
			}
		} else {
			for (const [number, id] of this.singles) if (rangesOverlap(start, size, number, 1)) return this.byId.get(id);
		}
		for (const id of this.ranges) {
			const range = this.byId.get(id);
			if (range && rangesOverlap(start, size, range.startNumber, range.rangeSize ?? 1)) return range;
		}
		return undefined;
	}

	/** Caller has checked id uniqueness and number conflicts. */
	insert(instance: StoredInstance): void {
		if (this.byId.has(instance.id)) throw new Error(`Duplicate instance id ${instance.id}`);
		this.byId.set(instance.id, instance);
		if (isLive(instance)) this.occupy(instance);
	}

	/** Changes the state and keeps the number index in step; throws if revival would double-book a number. */
	setState(instance: StoredInstance, state: LifecycleState): void {
		const wasLive = isLive(instance);
		const willBeLive = state !== 'DELETED';
		if (!wasLive && willBeLive) {
			const holder = this.holderOf(instance.startNumber, instance.rangeSize ?? 1);
			if (holder) throw new Error(`Cannot revive ${instance.id}: its numbers are held by ${holder.id}`);
		}
		instance.lifecycleState = state;
		if (wasLive && !willBeLive) this.release(instance);
		if (!wasLive && willBeLive) this.occupy(instance);
	}

	/** Registers a range that was just created by splitting (its numbers were already held by the original). */
	noteNewRange(instance: StoredInstance): void {
		this.byId.set(instance.id, instance);
		if (isLive(instance)) this.ranges.add(instance.id);
	}

	remove(id: string): void {
		const instance = this.byId.get(id);
		if (!instance) return;
		if (isLive(instance)) this.release(instance);
		this.byId.delete(id);
	}

	private occupy(instance: StoredInstance): void {
		if (instance.rangeSize === undefined) this.singles.set(instance.startNumber, instance.id);
		else this.ranges.add(instance.id);
	}

	private release(instance: StoredInstance): void {
		if (instance.rangeSize === undefined) this.singles.delete(instance.startNumber);
		else this.ranges.delete(instance.id);
	}
}
