/** Raw-HTTP tests of listings on phone number instances: rendered, ignored in bodies, set by move, kept by splitRange. */
import { apiClient, AU_ADDRESS, collectionPath, expectError, expectFieldViolation, resourcePath, useEmulatorApi } from '../testSupport';

const bed = useEmulatorApi('listing-token', 'listing-tests');

describe('instances and listings', () => {
	const moveTo = (name: string, body: unknown) => bed.api('POST', `${resourcePath(name)}:move`, body);

	it('renders regulatoryListing when set, via the test control, and clears it', async () => {
		const [listing] = bed.emu.seedListings('p-assoc', [{ business: { business: 'Assoc' }, address: AU_ADDRESS }]);
		const [instance] = bed.emu.seed('p-assoc', [{ phoneNumber: '+61255621000' }]);
		expect(instance).not.toHaveProperty('regulatoryListing');
		bed.emu.setRegulatoryListing(instance.name, listing.name);
		expect((await bed.api('GET', resourcePath(instance.name))).json.regulatoryListing).toBe(listing.name);
		const listed = (await bed.api('GET', collectionPath('p-assoc'))).json.phoneNumberInstances[0];
		expect(listed.regulatoryListing).toBe(listing.name);
		bed.emu.setRegulatoryListing(instance.name, undefined);
		expect((await bed.api('GET', resourcePath(instance.name))).json).not.toHaveProperty('regulatoryListing');
		const [foreign] = bed.emu.seedListings('p-assoc-other', [{ business: { business: 'Foreign' }, address: AU_ADDRESS }]);
		expect(() => bed.emu.setRegulatoryListing(instance.name, foreign.name)).toThrow(/not in the instance's project/);
		expect(() => bed.emu.seed('p-assoc', [{ phoneNumber: '+61255621001', regulatoryListing: foreign.name }])).toThrow(/not a listing of project/);
	});

	it('ignores regulatoryListing in create and update bodies (output only)', async () => {
		const [listing] = bed.emu.seedListings('p-assoc-2', [{ business: { business: 'Assoc' }, address: AU_ADDRESS }]);
		const created = await bed.api('POST', collectionPath('p-assoc-2'), { phoneNumber: { phoneNumber: '+61255621100' }, regulatoryListing: listing.name });
		expect(created.status).toBe(200);
		expect(created.json).not.toHaveProperty('regulatoryListing');
		expectFieldViolation(await bed.api('PATCH', `${resourcePath(created.json.name)}?updateMask=regulatoryListing`, {}), 'updateMask', 'output only');
	});

	it('move associates the listing of the destination project', async () => {
		const [source] = bed.emu.seedListings('p-move-src', [{ business: { business: 'Source' }, address: AU_ADDRESS }]);
		const [destination] = bed.emu.seedListings('p-move-dst', [{ business: { business: 'Destination' }, address: AU_ADDRESS }]);
		const [instance] = bed.emu.seed('p-move-src', [{ phoneNumber: '+61255622000', regulatoryListing: source.name }]);
		const moved = await moveTo(instance.name, { destinationParent: 'projects/p-move-dst', regulatoryListing: destination.name });
		expect(moved.status).toBe(200);
		expect(moved.json.name).toBe(instance.name.replace('p-move-src', 'p-move-dst'));
		expect(moved.json.regulatoryListing).toBe(destination.name);
		expect(bed.emu.getInstance(moved.json.name)?.regulatoryListing).toBe(destination.name);
		// The destination listing is now in use; the source one is not.
		expectError(await bed.api('DELETE', resourcePath(destination.name)), 400, 'FAILED_PRECONDITION', moved.json.name);
		expect((await bed.api('DELETE', resourcePath(source.name))).status).toBe(200);
	});

	it('move without a listing clears the association (the old listing stays behind)', async () => {
		const [source] = bed.emu.seedListings('p-move-src', [{ business: { business: 'Left behind' }, address: AU_ADDRESS }]);
		const [instance] = bed.emu.seed('p-move-src', [{ phoneNumber: '+61255622100', regulatoryListing: source.name }]);
		const moved = await moveTo(instance.name, { destinationParent: 'projects/p-move-dst', regulatoryListing: '' });
		expect(moved.status).toBe(200);
		expect(moved.json).not.toHaveProperty('regulatoryListing');
	});

	let nextNumber = 10;
	it.each<[string, unknown, number, string, string]>([
		['a listing of another project', 'projects/p-move-src/regulatoryListings/abc', 400, 'INVALID_ARGUMENT', 'regulatoryListing'],
		['a listing of the source project', 'SOURCE', 400, 'INVALID_ARGUMENT', 'regulatoryListing'],
		['a malformed name', 'regulatoryListings/abc', 400, 'INVALID_ARGUMENT', 'regulatoryListing'],
		['an instance name', 'projects/p-move-dst/phoneNumberInstances/abc', 400, 'INVALID_ARGUMENT', 'regulatoryListing'],
		['a mistyped value', 5, 400, 'INVALID_ARGUMENT', 'regulatoryListing'],
		['a listing that does not exist', 'projects/p-move-dst/regulatoryListings/missing', 404, 'NOT_FOUND', ''],
	])('move refuses %s and leaves the instance alone', async (_, listing, code, status, field) => {
		const [source] = bed.emu.seedListings('p-move-src', [{ business: { business: 'Src' }, address: AU_ADDRESS }]);
		const [instance] = bed.emu.seed('p-move-src', [{ regulatoryListing: source.name, phoneNumber: `+612556230${nextNumber++}` }]);
		const result = await moveTo(instance.name, { destinationParent: 'projects/p-move-dst', regulatoryListing: listing === 'SOURCE' ? source.name : listing });
		expectError(result, code, status);
		if (field) expect(result.json.error.details[0].fieldViolations[0].field).toBe(field);
		expect(bed.emu.getInstance(instance.name)).toEqual(instance);
		bed.emu.purge(instance.name);
	});

	it('move checks the listing name before the destination permission, and the instance before the listing', async () => {
		bed.emu.addBearerToken('move-src-only', { projects: ['p-move-src'] });
		const srcOnly = apiClient(bed.emu.baseUrl, 'move-src-only');
		const [instance] = bed.emu.seed('p-move-src', [{ phoneNumber: '+61255624000' }]);
		const path = `${resourcePath(instance.name)}:move`;
		expectError(await srcOnly('POST', path, { destinationParent: 'projects/p-move-dst', regulatoryListing: 'projects/p-move-src/regulatoryListings/x' }), 400, 'INVALID_ARGUMENT');
		expectError(await srcOnly('POST', path, { destinationParent: 'projects/p-move-dst', regulatoryListing: 'projects/p-move-dst/regulatoryListings/x' }), 403, 'PERMISSION_DENIED');
		expectError(await moveTo('projects/p-move-src/phoneNumberInstances/missing', { destinationParent: 'projects/p-move-dst', regulatoryListing: 'projects/p-move-dst/regulatoryListings/missing' }), 404, 'NOT_FOUND', 'Phone number instance');
		bed.emu.setLifecycleState(instance.name, 'DELETED');
		expectError(await moveTo(instance.name, { destinationParent: 'projects/p-move-dst', regulatoryListing: 'projects/p-move-dst/regulatoryListings/missing' }), 400, 'FAILED_PRECONDITION');
	});

	it('splitRange keeps the listing on both halves', async () => {
		const [listing] = bed.emu.seedListings('p-split-listing', [{ business: { business: 'Block owner' }, address: AU_ADDRESS }]);
		const [range] = bed.emu.seed('p-split-listing', [{ phoneNumber: '+61255625000', rangeSize: 10, regulatoryListing: listing.name }]);
		const split = await bed.api('POST', `${resourcePath(range.name)}:splitRange`, { size: 4 });
		expect(split.status).toBe(200);
		expect(split.json.first.regulatoryListing).toBe(listing.name);
		expect(split.json.second.regulatoryListing).toBe(listing.name);
	});
});
