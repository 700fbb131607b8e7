/** Raw-HTTP tests of the emulator's regulatory listing search method (methods/listings/search.ts). */
import type { RegulatoryListingJson } from '../..';
import { AU_ADDRESS, expectFieldViolation, listingsPath, NZ_ADDRESS, resourcePath, searchPath, US_ADDRESS, useEmulatorApi } from '../../testSupport';

const bed = useEmulatorApi('listing-token', 'listing-tests');

describe('search', () => {
	const P = 'p-search';
	const named = (id: string) => `projects/${P}/regulatoryListings/${id}`;

	beforeAll(() => {
		bed.emu.seedListings(P, [
			{ id: 'au-verified', business: { business: 'Verified Pty Ltd' }, address: AU_ADDRESS, verified: true },
			{ id: 'au-valid', person: { givenName: 'Val', familyName: 'Id' }, address: AU_ADDRESS },
			{ id: 'au-invalid', person: { givenName: 'In', familyName: 'Valid' }, address: AU_ADDRESS, valid: false, verified: true },
			{ id: 'nz-valid', business: { business: 'Kiwi Ltd' }, address: NZ_ADDRESS },
			{ id: 'us-valid', business: { business: 'Yankee Inc' }, address: US_ADDRESS },
		]);
		bed.emu.seedListings('p-search-other', [{ id: 'au-elsewhere', business: { business: 'Elsewhere' }, address: AU_ADDRESS, verified: true }]);
	});

	const found = async (query: string): Promise<string[]> => {
		const result = await bed.api('GET', searchPath(P, query));
		expect(result.status).toBe(200);
		return ((result.json.regulatoryListings ?? []) as RegulatoryListingJson[]).map((listing) => listing.name);
	};

	it.each<[string, string[]]>([
		['regionCode=AU&numberType=LOCAL', ['au-valid', 'au-verified']],
		['regionCode=AU&numberType=NATIONAL', ['au-valid', 'au-verified']],
		['regionCode=AU&numberType=SHARED_RATE', ['au-valid', 'au-verified']],
		['regionCode=AU&numberType=MOBILE', ['au-verified']],
		['regionCode=AU&numberType=TOLL_FREE', ['au-verified']],
		['regionCode=AU&numberType=3', ['au-verified']],
		['regionCode=NZ&numberType=MOBILE', ['nz-valid']],
		['regionCode=US&numberType=TOLL_FREE', ['us-valid']],
		['region_code=US&number_type=LOCAL', ['us-valid']],
		['regionCode=GB&numberType=LOCAL', []],
	])('%s', async (query, ids) => {
		expect(await found(query)).toEqual(ids.map(named));
	});

	it.each([
		['no regionCode', 'numberType=LOCAL', 'regionCode'],
		['an empty regionCode', 'regionCode=&numberType=LOCAL', 'regionCode'],
		['a lower-case regionCode', 'regionCode=au&numberType=LOCAL', 'regionCode'],
		['no numberType', 'regionCode=AU', 'numberType'],
		['numberType UNSPECIFIED', 'regionCode=AU&numberType=PHONE_NUMBER_TYPE_UNSPECIFIED', 'numberType'],
		['numberType 0', 'regionCode=AU&numberType=0', 'numberType'],
		['an unknown numberType', 'regionCode=AU&numberType=FAX', 'numberType'],
	])('refuses %s', async (_, query, field) => {
		expectFieldViolation(await bed.api('GET', searchPath(P, query)), field);
	});

	it('pages, with the token bound to parent, regionCode and numberType', async () => {
		const first = await bed.api('GET', searchPath(P, 'regionCode=AU&numberType=LOCAL&pageSize=1'));
		expect(first.json.regulatoryListings.map((l: RegulatoryListingJson) => l.name)).toEqual([named('au-valid')]);
		const token = encodeURIComponent(first.json.nextPageToken);
		const second = await bed.api('GET', searchPath(P, `regionCode=AU&numberType=LOCAL&pageSize=1&pageToken=${token}`));
		expect(second.json).toEqual({ regulatoryListings: [bed.emu.getListing(named('au-verified'))] });
		expect((await bed.api('GET', searchPath(P, `regionCode=AU&numberType=1&pageSize=1&pageToken=${token}`))).status).toBe(200);
		for (const other of ['regionCode=NZ&numberType=LOCAL', 'regionCode=AU&numberType=MOBILE']) {
			expectFieldViolation(await bed.api('GET', searchPath(P, `${other}&pageToken=${token}`)), 'pageToken', 'must stay the same');
		}
		expectFieldViolation(await bed.api('GET', searchPath('p-search-other', `regionCode=AU&numberType=LOCAL&pageToken=${token}`)), 'pageToken');
		const listToken = encodeURIComponent((await bed.api('GET', `${listingsPath(P)}?pageSize=1`)).json.nextPageToken);
		expectFieldViolation(await bed.api('GET', searchPath(P, `regionCode=AU&numberType=LOCAL&pageToken=${listToken}`)), 'pageToken');
	});

	it('follows the valid/verified test controls', async () => {
		bed.emu.setListingVerified(named('au-valid'), true);
		expect(await found('regionCode=AU&numberType=MOBILE')).toEqual([named('au-valid'), named('au-verified')]);
		expect(bed.emu.getListing(named('au-valid'))?.verified).toBe(true);
		bed.emu.setListingValid(named('au-verified'), false);
		expect(await found('regionCode=AU&numberType=TOLL_FREE')).toEqual([named('au-valid')]);
		const invalid = (await bed.api('GET', resourcePath(named('au-verified')))).json;
		expect(invalid).not.toHaveProperty('valid');
		expect(invalid.verified).toBe(true);
		bed.emu.setListingValid(named('au-invalid'), true);
		expect(await found('regionCode=AU&numberType=MOBILE')).toEqual([named('au-invalid'), named('au-valid')]);
		bed.emu.setListingVerified(named('au-valid'), false);
		bed.emu.setListingValid(named('au-verified'), true);
		bed.emu.setListingValid(named('au-invalid'), false);
		expect(() => bed.emu.setListingValid(named('nope'), true)).toThrow(/No regulatory listing/);
	});
});
