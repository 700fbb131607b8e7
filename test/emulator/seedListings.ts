/** Test control: listings placed directly in the store (all-or-nothing; the API's field rules are not applied). */
import type { EmulatorCore } from './core';
import { INSTANCE_ID_PATTERN } from './ids';
import type { ListingEntity, StoredListing } from './listingModel';
import { renderListing } from './renderListing';
import { checkProject } from './seed';
import type { RegulatoryListingJson, SeedListing } from './types';

function entityOf(seed: SeedListing): ListingEntity {
	if ((seed.person === undefined) === (seed.business === undefined)) throw new Error('A seed listing needs exactly one of person / business');
	return seed.person ? { kind: 'person', ...seed.person } : { kind: 'business', business: seed.business?.business ?? '' };
}

function toStored(core: EmulatorCore, project: string, seed: SeedListing): StoredListing {
	const id = seed.id ?? core.newListingId();
	if (!INSTANCE_ID_PATTERN.test(id)) throw new Error(`Seed listing id '${id}' must be lowercase alphanumeric (with '-')`);
	if (core.listings.hasId(id)) throw new Error(`Seed listing id '${id}' is already used`);
	const createTime = seed.createTime === undefined ? core.clock.now() : Date.parse(seed.createTime);
	if (Number.isNaN(createTime)) throw new Error(`Seed createTime '${seed.createTime}' is not RFC 3339`);
	return {
		id,
		project,
		displayName: seed.displayName ?? '',
		address: {
			addressLines: [...(seed.address.addressLines ?? [])],
			locality: seed.address.locality ?? '',
			administrativeArea: seed.address.administrativeArea ?? '',
			postalCode: seed.address.postalCode ?? '',
			regionCode: seed.address.regionCode ?? '',
		},
		entity: entityOf(seed),
		createTime,
		valid: seed.valid ?? true,
		verified: seed.verified ?? false,
	};
}

export function seedListings(core: EmulatorCore, project: string, seeds: SeedListing[]): RegulatoryListingJson[] {
	checkProject(project);
	const batch = seeds.map((seed) => toStored(core, project, seed));
	if (new Set(batch.map((listing) => listing.id)).size !== batch.length) throw new Error('A seed listing id is used twice');
	for (const listing of batch) core.listings.insert(listing);
	return batch.map(renderListing);
}
