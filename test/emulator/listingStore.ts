/** All regulatory listings of one emulator (deleting one removes it: delete returns Empty). */
import { parseListingName, type StoredListing } from './listingModel';

export class ListingStore {
	private readonly byId = new Map<string, StoredListing>();

	clear(): void {
		this.byId.clear();
	}

	get(id: string): StoredListing | undefined {
		return this.byId.get(id);
	}

	getByName(name: string): StoredListing | undefined {
		const parsed = parseListingName(name);
		const listing = parsed && this.byId.get(parsed.id);
		return listing && listing.project === parsed.project ? listing : undefined;
	}

	hasId(id: string): boolean {
		return this.byId.has(id);
	}

	inProject(project: string): StoredListing[] {
		return [...this.byId.values()].filter((listing) => listing.project === project);
	}

	/** In creation order (for summaries). */
	all(): StoredListing[] {
		return [...this.byId.values()];
	}

	insert(listing: StoredListing): void {
		if (this.byId.has(listing.id)) throw new Error(`Duplicate listing id ${listing.id}`);
		this.byId.set(listing.id, listing);
	}

	remove(id: string): void {
		this.byId.delete(id);
	}
}
