/** Raw-HTTP tests of the emulator's regulatory listing list method (methods/listings/list.ts). */
import type { RegulatoryListingJson } from '../..';
import { BUSINESS, collectionPath, collectPages, createListing, expectFieldViolation, listingsPath, NZ_ADDRESS, useEmulatorApi } from '../../testSupport';

const bed = useEmulatorApi('listing-token', 'listing-tests');

const create = async (project: string, body: unknown) => await createListing(bed.api, project, body);

describe('list', () => {
	beforeAll(() => {
		bed.emu.seedListings(
			'p-list',
			Array.from({ length: 12 }, (_, i) => ({ id: `listing-${String(i).padStart(2, '0')}`, displayName: `L${i}`, business: { business: `B${i}` }, address: NZ_ADDRESS })),
		);
	});

	async function listAll(project: string, query: string): Promise<{ names: string[]; pageSizes: number[] }> {
		const { items, pageSizes } = await collectPages<RegulatoryListingJson>(bed.api, listingsPath(project), query, 'regulatoryListings');
		return { names: items.map((listing) => listing.name), pageSizes };
	}

	it('lists newest first, 10 per page by default', async () => {
		const all = await listAll('p-list', '');
		expect(all.pageSizes).toEqual([10, 2]);
		expect(all.names).toEqual(Array.from({ length: 12 }, (_, i) => `projects/p-list/regulatoryListings/listing-${String(11 - i).padStart(2, '0')}`));
		expect(all.names).toEqual(bed.emu.listStoredListings('p-list').map((listing) => listing.name));
	});

	it('honours pageSize (also snake_case) and caps it; refuses negative sizes', async () => {
		expect((await listAll('p-list', 'pageSize=5')).pageSizes).toEqual([5, 5, 2]);
		expect((await listAll('p-list', 'page_size=500')).pageSizes).toEqual([12]);
		expectFieldViolation(await bed.api('GET', `${listingsPath('p-list')}?pageSize=-2`), 'pageSize');
	});

	it('binds the page token to the parent and refuses garbage', async () => {
		const token = (await bed.api('GET', `${listingsPath('p-list')}?pageSize=2`)).json.nextPageToken;
		expectFieldViolation(await bed.api('GET', `${listingsPath('p-list-2')}?pageToken=${encodeURIComponent(token)}`), 'pageToken', 'must stay the same');
		expectFieldViolation(await bed.api('GET', `${listingsPath('p-list')}?pageToken=nonsense`), 'pageToken');
		bed.emu.seed('p-list', [{ phoneNumber: '+61255626000' }, { phoneNumber: '+61255626001' }]);
		const instanceToken = (await bed.api('GET', `${collectionPath('p-list')}?pageSize=1`)).json.nextPageToken;
		expectFieldViolation(await bed.api('GET', `${listingsPath('p-list')}?pageToken=${encodeURIComponent(instanceToken)}`), 'pageToken');
	});

	it('shows a new listing first and an empty project as {}', async () => {
		const fresh = await create('p-list', { ...BUSINESS, displayName: 'Newest' });
		expect((await bed.api('GET', `${listingsPath('p-list')}?pageSize=1`)).json.regulatoryListings[0]).toEqual(fresh);
		const empty = await bed.api('GET', listingsPath('p-list-empty'));
		expect(empty.status).toBe(200);
		expect(empty.json).toEqual({});
	});
});
