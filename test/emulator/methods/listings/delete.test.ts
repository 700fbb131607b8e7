/** Raw-HTTP tests of the emulator's regulatory listing delete method (methods/listings/delete.ts). */
import { startEmulator, type Emulator } from '../..';
import { apiClient, BUSINESS, createListing, expectError, PERSON, resourcePath, type ApiClient } from '../../testSupport';

let emu: Emulator;
let api: ApiClient;

beforeAll(async () => {
	emu = await startEmulator();
	emu.addBearerToken('listing-token', { label: 'listing-tests' });
	api = apiClient(emu.baseUrl, 'listing-token');
});

afterAll(() => emu.close());

const create = async (project: string, body: unknown) => await createListing(api, project, body);

describe('delete', () => {
	it('returns {} and the listing is gone', async () => {
		const listing = await create('p-delete', PERSON);
		const result = await api('DELETE', resourcePath(listing.name));
		expect(result.status).toBe(200);
		expect(result.json).toEqual({});
		expectError(await api('GET', resourcePath(listing.name)), 404, 'NOT_FOUND');
		expectError(await api('DELETE', resourcePath(listing.name)), 404, 'NOT_FOUND');
		expect(emu.getListing(listing.name)).toBeUndefined();
	});

	it('is refused while a live instance uses the listing, naming the instances, and allowed once they are deleted', async () => {
		const listing = await create('p-delete', BUSINESS);
		const [a, b, deleted] = emu.seed('p-delete', [
			{ phoneNumber: '+61255620000', regulatoryListing: listing.name },
			{ phoneNumber: '+61255620001', regulatoryListing: listing.name, lifecycleState: 'SUSPENDED' },
			{ phoneNumber: '+61255620002', regulatoryListing: listing.name, lifecycleState: 'DELETED' },
		]);
		const refused = await api('DELETE', resourcePath(listing.name));
		expectError(refused, 400, 'FAILED_PRECONDITION', a.name);
		expect(refused.json.error.message).toContain(b.name);
		expect(refused.json.error.message).not.toContain(deleted.name);
		expect(emu.getListing(listing.name)).toEqual(listing);

		expect((await api('DELETE', resourcePath(a.name))).status).toBe(200);
		const stillRefused = await api('DELETE', resourcePath(listing.name));
		expectError(stillRefused, 400, 'FAILED_PRECONDITION', b.name);
		expect(stillRefused.json.error.message).not.toContain(a.name);
		expect((await api('DELETE', resourcePath(b.name))).status).toBe(200);
		expect((await api('DELETE', resourcePath(listing.name))).json).toEqual({});
		// A deleted instance keeps naming the (now gone) listing it used.
		expect(emu.getInstance(a.name)?.regulatoryListing).toBe(listing.name);
	});
});
