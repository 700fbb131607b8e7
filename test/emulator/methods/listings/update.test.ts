/** Raw-HTTP tests of the emulator's regulatory listing update method (methods/listings/update.ts). */
import type { RegulatoryListingJson } from '../..';
import { AU_ADDRESS, BUSINESS, createListing, expectError, expectFieldViolation, listingsPath, NZ_ADDRESS, resourcePath, useEmulatorApi } from '../../testSupport';

const bed = useEmulatorApi('listing-token', 'listing-tests');

const create = async (project: string, body: unknown) => await createListing(bed.api, project, body);

describe('update', () => {
	let name: string;
	let original: RegulatoryListingJson;

	beforeEach(async () => {
		original = await create('p-update', { displayName: 'Before', ...BUSINESS });
		name = original.name;
	});

	const patch = (query: string, body: unknown) => bed.api('PATCH', `${resourcePath(name)}${query}`, body);

	it('changes displayName with updateMask=displayName (also display_name and *)', async () => {
		const result = await patch('?updateMask=displayName', { displayName: 'After' });
		expect(result.status).toBe(200);
		expect(result.json).toEqual({ ...original, displayName: 'After' });
		expect((await patch('?update_mask=display_name', { display_name: 'Snake' })).json.displayName).toBe('Snake');
		expect((await patch('?updateMask=*', { displayName: 'Star' })).json.displayName).toBe('Star');
		expect(bed.emu.getListing(name)?.displayName).toBe('Star');
	});

	it('clears displayName when the mask names it and the body does not', async () => {
		const result = await patch('?updateMask=displayName', {});
		expect(result.status).toBe(200);
		expect(result.json).not.toHaveProperty('displayName');
	});

	it('without a mask changes only displayName and ignores the rest of a fetched resource', async () => {
		const fetched = (await bed.api('GET', resourcePath(name))).json;
		const result = await patch('', { ...fetched, displayName: 'Sent back', address: NZ_ADDRESS, valid: false, verified: true });
		expect(result.status).toBe(200);
		expect(result.json).toEqual({ ...original, displayName: 'Sent back' });
		expect((await patch('', { address: NZ_ADDRESS })).json).toEqual({ ...original, displayName: 'Sent back' });
	});

	it.each([
		['address', 'immutable', 'address'],
		['address.postalCode', 'immutable', 'address.postalCode'],
		['person', 'immutable', 'person'],
		['business', 'immutable', 'business'],
		['business.business', 'immutable', 'business.business'],
		['displayName,address', 'immutable', 'address'],
		['name', 'output only', 'name'],
		['createTime', 'output only', 'createTime'],
		['valid', 'output only', 'valid'],
		['verified', 'output only', 'verified'],
		['create_time', 'output only', 'create_time'],
		['colour', 'no such field in RegulatoryListing', 'colour'],
		['displayName,', 'empty path', ''],
	])('refuses updateMask=%s (%s) and changes nothing', async (mask, reason, path) => {
		const result = await patch(`?updateMask=${mask}`, { displayName: 'Changed', address: NZ_ADDRESS });
		expectFieldViolation(result, 'updateMask', reason);
		expect(result.json.error.message).toContain(`path '${path}'`);
		expect(bed.emu.getListing(name)).toEqual(original);
	});

	it('validates displayName, the name in the body and the listing', async () => {
		expectFieldViolation(await patch('?updateMask=displayName', { displayName: 'x'.repeat(101) }), 'displayName');
		expectFieldViolation(await patch('?updateMask=displayName', { name: 'projects/p-update/regulatoryListings/other', displayName: 'x' }), 'name');
		expect((await patch('?updateMask=displayName', { name, displayName: 'Same name' })).status).toBe(200);
		expectError(await bed.api('PATCH', `${listingsPath('p-update')}/missing?updateMask=displayName`, { displayName: 'x' }), 404, 'NOT_FOUND');
		expectError(await patch('?updateMask=displayName', { displayName: 5 }), 400, 'INVALID_ARGUMENT', 'regulatoryListing.displayName');
	});

	it('does not validate fields outside the mask beyond their types', async () => {
		const result = await patch('?updateMask=displayName', { displayName: 'Fine', address: { addressLines: [], regionCode: 'zz' } });
		expect(result.status).toBe(200);
		expect(result.json.address).toEqual(AU_ADDRESS);
	});
});
