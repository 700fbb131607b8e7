/** Numbers available to buy (phoneNumbers:search); a number leaves when an instance takes it. */
import { e164Value, rangesOverlap } from './e164';
import type { Capability } from './types';

/** What the provider sells a number with; numberType and countryCode follow from the number itself. */
export interface NumberOffer {
	sku: string;
	activationSku?: string;
	capabilities: Capability[];
}

export interface InventoryEntry {
	number: string;
	offer: NumberOffer;
}

export class Inventory {
	private readonly entries = new Map<string, InventoryEntry>();

	clear(): void {
		this.entries.clear();
	}

	has(number: string): boolean {
		return this.entries.has(number);
	}

	add(entry: InventoryEntry): void {
		this.entries.set(entry.number, entry);
	}

	/** Removes a number from sale and returns what it was sold with (undefined if it was not for sale). */
	take(number: string): InventoryEntry | undefined {
		const entry = this.entries.get(number);
		this.entries.delete(number);
		return entry;
	}

	/** Removes every number of [start, start+size) from sale (a seeded range, a revived instance). */
	removeRange(start: string, size: number): void {
		for (const number of this.entries.keys()) if (rangesOverlap(start, size, number, 1)) this.entries.delete(number);
	}

	/** Ascending by number: the search order. */
	sorted(): InventoryEntry[] {
		return [...this.entries.values()].sort((a, b) => (e164Value(a.number) < e164Value(b.number) ? -1 : 1));
	}
}
