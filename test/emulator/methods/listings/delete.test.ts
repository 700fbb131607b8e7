/** Raw-HTTP tests of the emulator's regulatory listing delete method (methods/listings/delete.ts). */
import { BUSINESS, createListing, expectError, PERSON, resourcePath, useEmulatorApi } from '../../testSupport';

const bed = useEmulatorApi('listing-token', 'listing-tests');

const create = async (project: string, body: unknown) => await createListing(bed.api, project, body);

describe('delete', () => {
	it('returns {} and the listing is gone', async () => {
		const listing = await create('p-delete', PERSON);
		const result = await bed.api('DELETE', resourcePath(listing.name));
		expect(result.status).toBe(200);
		expect(result.json).toEqual({});
		expectError(await bed.api('GET', resourcePath(listing.name)), 404, 'NOT_FOUND');
		expectError(await bed.api('DELETE', resourcePath(listing.name)), 404, 'NOT_FOUND');
		expect(bed.emu.getListing(listing.name)).toBeUndefined();
	});

	it('is refused while a live instance uses the listing, naming the instances, and allowed once they are deleted', async () => {
		const listing = await create('p-delete', BUSINESS);
		const [a, b, deleted] = bed.emu.seed('p-delete', [
			{ phoneNumber: '+61255620000', regulatoryListing: listing.name },
			{ phoneNumber: '+61255620001', regulatoryListing: listing.name, lifecycleState: 'SUSPENDED' },
			{ phoneNumber: '+61255620002', regulatoryListing: listing.name, lifecycleState: 'DELETED' },
		]);
		const refused = await bed.api('DELETE', resourcePath(listing.name));
		expectError(refused, 400, 'FAILED_PRECONDITION', a.name);
		expect(refused.json.error.message).toContain(b.name);
		expect(refused.json.error.message).not.toContain(deleted.name);
		expect(bed.emu.getListing(listing.name)).toEqual(listing);

		expect((await bed.api('DELETE', resourcePath(a.name))).status).toBe(200);
		const stillRefused = await bed.api('DELETE', resourcePath(listing.name));
		expectError(stillRefused, 400, 'FAILED_PRECONDITION', b.name);
		expect(stillRefused.json.error.message).not.toContain(a.name);
		expect((await bed.api('DELETE', resourcePath(b.name))).status).toBe(200);
		expect((await bed.api('DELETE', resourcePath(listing.name))).json).toEqual({});
		// A deleted instance keeps naming the (now gone) listing it used.
		expect(bed.emu.getInstance(a.name)?.regulatoryListing).toBe(listing.name);
	});
});
