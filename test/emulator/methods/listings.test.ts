/** Raw-HTTP tests of the regulatory listings service and of listings on phone number instances (move). */
import { startEmulator, type Emulator, type RegulatoryListingJson } from '..';
import { apiClient, collectPages, collectionPath, exchangeKey, resourcePath, type ApiClient } from '../testSupport';

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

let emu: Emulator;
let api: ApiClient;

beforeAll(async () => {
	emu = await startEmulator();
	emu.addBearerToken('listing-token', { label: 'listing-tests' });
	api = apiClient(emu.baseUrl, 'listing-token');
});

afterAll(() => emu.close());

const listings = (project: string): string => `/v1beta1/projects/${project}/regulatoryListings`;
const searchPath = (project: string, query: string): string => `${listings(project)}:search?${query}`;

const AU_ADDRESS = { addressLines: ['Level 2', '10 Example Street'], locality: 'Sydney', administrativeArea: 'NSW', postalCode: '2000', regionCode: 'AU' };
const NZ_ADDRESS = { addressLines: ['3 Quay Street'], locality: 'Auckland', administrativeArea: 'Auckland', postalCode: '1010', regionCode: 'NZ' };
const US_ADDRESS = { addressLines: ['1600 Example Ave NW'], locality: 'Washington', administrativeArea: 'DC', postalCode: '20500', regionCode: 'US' };
const BUSINESS = { business: { business: 'Example Pty Ltd' }, address: AU_ADDRESS };
const PERSON = { person: { givenName: 'Jane', familyName: 'Citizen' }, address: AU_ADDRESS };

function expectError(result: { status: number; json: any }, code: number, status: string, messagePart?: string): void {
	expect(result.status).toBe(code);
	expect(result.json.error.status).toBe(status);
	if (messagePart !== undefined) expect(result.json.error.message).toContain(messagePart);
}

function expectFieldViolation(result: { status: number; json: any }, field: string, messagePart?: string): void {
	expectError(result, 400, 'INVALID_ARGUMENT', messagePart);
	expect(result.json.error.details[0].fieldViolations[0].field).toBe(field);
}

async function create(project: string, body: unknown): Promise<RegulatoryListingJson> {
	const result = await api('POST', listings(project), body);
	expect(result.status).toBe(200);
	return result.json;
}

describe('create', () => {
	it('creates a valid, unverified listing and omits fields at their default', async () => {
		const result = await api('POST', listings('p-create'), { displayName: 'Head office', ...BUSINESS });
		expect(result.status).toBe(200);
		const body = result.json;
		expect(body.name).toMatch(/^projects\/p-create\/regulatoryListings\/[a-z0-9]{20}$/);
		expect(body).toEqual({
			name: body.name,
			displayName: 'Head office',
			address: AU_ADDRESS,
			business: { business: 'Example Pty Ltd' },
			createTime: expect.stringMatching(TIMESTAMP),
			valid: true,
		});
		expect(emu.getListing(body.name)).toEqual(body);
		expect((await api('GET', resourcePath(body.name))).json).toEqual(body);
	});

	it('creates person listings in NZ and US, and in other regions without the extra address rules', async () => {
		expect((await create('p-create', { person: { givenName: 'Aroha', familyName: 'Ngata' }, address: NZ_ADDRESS })).person).toEqual({ givenName: 'Aroha', familyName: 'Ngata' });
		expect((await create('p-create', { ...PERSON, address: US_ADDRESS })).address).toEqual(US_ADDRESS);
		const gb = await create('p-create', { ...BUSINESS, address: { addressLines: ['10 Downing Street'], regionCode: 'GB' } });
		expect(gb.address).toEqual({ addressLines: ['10 Downing Street'], regionCode: 'GB' });
		expect(gb).not.toHaveProperty('displayName');
	});

	it('ignores name and output-only fields in the body', async () => {
		const body = await create('p-create', { ...PERSON, name: 'projects/elsewhere/regulatoryListings/mine', valid: false, verified: true, createTime: '2020-01-01T00:00:00Z' });
		expect(body.name).toMatch(/^projects\/p-create\/regulatoryListings\/[a-z0-9]{20}$/);
		expect(body.valid).toBe(true);
		expect(body).not.toHaveProperty('verified');
		expect(body.createTime).not.toBe('2020-01-01T00:00:00.000Z');
	});

	it('accepts snake_case names', async () => {
		const body = await create('p-create', {
			display_name: 'Snake',
			person: { given_name: 'Sam', family_name: 'Snake' },
			address: { address_lines: ['1 Snake Lane'], locality: 'Perth', administrative_area: 'WA', postal_code: '6000', region_code: 'AU' },
		});
		expect(body).toMatchObject({ displayName: 'Snake', person: { givenName: 'Sam', familyName: 'Snake' }, address: { administrativeArea: 'WA', postalCode: '6000' } });
	});

	it('accepts every field at its limit (counting code points)', async () => {
		const body = await create('p-create', {
			displayName: 'é'.repeat(100),
			business: { business: '😀'.repeat(200) },
			address: { addressLines: ['a'.repeat(200), 'b'.repeat(200)], postalCode: 'X'.repeat(16), regionCode: 'GB' },
		});
		expect(body.address?.addressLines).toHaveLength(2);
		expect((await create('p-create', { person: { givenName: 'g'.repeat(100), familyName: 'f'.repeat(100) }, address: AU_ADDRESS })).person?.givenName).toHaveLength(100);
	});

	const au = (changes: Record<string, unknown>) => ({ ...PERSON, address: { ...AU_ADDRESS, ...changes } });
	it.each<[string, Record<string, unknown>, string]>([
		['no address', { person: PERSON.person }, 'address'],
		['no address lines', au({ addressLines: undefined }), 'address.addressLines'],
		['an empty list of lines', au({ addressLines: [] }), 'address.addressLines'],
		['three lines', au({ addressLines: ['a', 'b', 'c'] }), 'address.addressLines'],
		['an empty line', au({ addressLines: ['1 Example St', ' '] }), 'address.addressLines[1]'],
		['a line of 201', au({ addressLines: ['x'.repeat(201)] }), 'address.addressLines[0]'],
		['a postal code of 17', { ...PERSON, address: { addressLines: ['x'], postalCode: '1'.repeat(17), regionCode: 'GB' } }, 'address.postalCode'],
		['no region code', au({ regionCode: undefined }), 'address.regionCode'],
		['a lower-case region code', au({ regionCode: 'au' }), 'address.regionCode'],
		['an alpha-3 region code', au({ regionCode: 'AUS' }), 'address.regionCode'],
		['UK, which ISO 3166-1 does not assign', { ...BUSINESS, address: { addressLines: ['10 Downing Street'], regionCode: 'UK' } }, 'address.regionCode'],
		['EU, not a country', { ...BUSINESS, address: { addressLines: ['x'], regionCode: 'EU' } }, 'address.regionCode'],
		['AU without locality', au({ locality: '' }), 'address.locality'],
		['AU without administrativeArea', au({ administrativeArea: undefined }), 'address.administrativeArea'],
		['AU without postcode', au({ postalCode: undefined }), 'address.postalCode'],
		['AU with a 3-digit postcode', au({ postalCode: '200' }), 'address.postalCode'],
		['AU with a 5-digit postcode', au({ postalCode: '20000' }), 'address.postalCode'],
		['AU with letters in the postcode', au({ postalCode: '20A0' }), 'address.postalCode'],
		['NZ without locality', { ...PERSON, address: { ...NZ_ADDRESS, locality: undefined } }, 'address.locality'],
		['NZ with a 5-digit postcode', { ...PERSON, address: { ...NZ_ADDRESS, postalCode: '10101' } }, 'address.postalCode'],
		['US with a 4-digit ZIP', { ...PERSON, address: { ...US_ADDRESS, postalCode: '2050' } }, 'address.postalCode'],
		['US with ZIP+4', { ...PERSON, address: { ...US_ADDRESS, postalCode: '20500-0001' } }, 'address.postalCode'],
		['US without administrativeArea', { ...PERSON, address: { ...US_ADDRESS, administrativeArea: '' } }, 'address.administrativeArea'],
		['neither person nor business', { address: AU_ADDRESS }, 'entity'],
		['both person and business', { ...PERSON, business: BUSINESS.business }, 'business'],
		['a person without givenName', { person: { familyName: 'Citizen' }, address: AU_ADDRESS }, 'person.givenName'],
		['a person with a blank familyName', { person: { givenName: 'Jane', familyName: '  ' }, address: AU_ADDRESS }, 'person.familyName'],
		['an empty person', { person: {}, address: AU_ADDRESS }, 'person.givenName'],
		['a givenName of 101', { person: { givenName: 'g'.repeat(101), familyName: 'C' }, address: AU_ADDRESS }, 'person.givenName'],
		['a familyName of 101', { person: { givenName: 'J', familyName: 'f'.repeat(101) }, address: AU_ADDRESS }, 'person.familyName'],
		['an empty business name', { business: { business: '' }, address: AU_ADDRESS }, 'business.business'],
		['a business name of 201', { business: { business: 'b'.repeat(201) }, address: AU_ADDRESS }, 'business.business'],
		['a displayName of 101', { ...PERSON, displayName: 'd'.repeat(101) }, 'displayName'],
		['addressLines not a list', au({ addressLines: '1 Example St' }), 'regulatoryListing.address.addressLines'],
		['a mistyped postalCode', au({ postalCode: 2000 }), 'regulatoryListing.address.postalCode'],
		['a mistyped valid', { ...PERSON, valid: 'yes' }, 'regulatoryListing.valid'],
	])('rejects %s with 400 naming the field', async (_, body, field) => {
		const before = emu.listStoredListings('p-create').length;
		const result = await api('POST', listings('p-create'), body);
		expectFieldViolation(result, field, field.replace(/^regulatoryListing\./, ''));
		expect(emu.listStoredListings('p-create')).toHaveLength(before);
	});

	it('rejects unknown fields, also nested ones', async () => {
		expectError(await api('POST', listings('p-create'), { ...PERSON, colour: 'red' }), 400, 'INVALID_ARGUMENT', 'Unknown name "colour"');
		expectError(await api('POST', listings('p-create'), au({ country: 'Australia' })), 400, 'INVALID_ARGUMENT', 'Unknown name "country"');
		expectError(await api('POST', listings('p-create'), { ...PERSON, person: { givenName: 'J', familyName: 'C', middleName: 'Q' } }), 400, 'INVALID_ARGUMENT', 'middleName');
	});
});

describe('get', () => {
	it('returns 404 for an unknown listing and for a listing of another project', async () => {
		const body = await create('p-get', PERSON);
		const id = body.name.split('/').pop();
		expectError(await api('GET', `${listings('p-get')}/nosuchlisting`), 404, 'NOT_FOUND', 'projects/p-get/regulatoryListings/nosuchlisting');
		expectError(await api('GET', `${listings('p-get-other')}/${id}`), 404, 'NOT_FOUND');
		expectError(await api('GET', `${resourcePath(body.name)}?view=FULL`), 400, 'INVALID_ARGUMENT', 'Unknown name "view"');
	});
});

describe('list', () => {
	beforeAll(() => {
		emu.seedListings(
			'p-list',
			Array.from({ length: 12 }, (_, i) => ({ id: `listing-${String(i).padStart(2, '0')}`, displayName: `L${i}`, business: { business: `B${i}` }, address: NZ_ADDRESS })),
		);
	});

	async function listAll(project: string, query: string): Promise<{ names: string[]; pageSizes: number[] }> {
		const { items, pageSizes } = await collectPages<RegulatoryListingJson>(api, listings(project), query, 'regulatoryListings');
		return { names: items.map((listing) => listing.name), pageSizes };
	}

	it('lists newest first, 10 per page by default', async () => {
		const all = await listAll('p-list', '');
		expect(all.pageSizes).toEqual([10, 2]);
		expect(all.names).toEqual(Array.from({ length: 12 }, (_, i) => `projects/p-list/regulatoryListings/listing-${String(11 - i).padStart(2, '0')}`));
		expect(all.names).toEqual(emu.listStoredListings('p-list').map((listing) => listing.name));
	});

	it('honours pageSize (also snake_case) and caps it; refuses negative sizes', async () => {
		expect((await listAll('p-list', 'pageSize=5')).pageSizes).toEqual([5, 5, 2]);
		expect((await listAll('p-list', 'page_size=500')).pageSizes).toEqual([12]);
		expectFieldViolation(await api('GET', `${listings('p-list')}?pageSize=-2`), 'pageSize');
	});

	it('binds the page token to the parent and refuses garbage', async () => {
		const token = (await api('GET', `${listings('p-list')}?pageSize=2`)).json.nextPageToken;
		expectFieldViolation(await api('GET', `${listings('p-list-2')}?pageToken=${encodeURIComponent(token)}`), 'pageToken', 'must stay the same');
		expectFieldViolation(await api('GET', `${listings('p-list')}?pageToken=nonsense`), 'pageToken');
		emu.seed('p-list', [{ phoneNumber: '+61255626000' }, { phoneNumber: '+61255626001' }]);
		const instanceToken = (await api('GET', `${collectionPath('p-list')}?pageSize=1`)).json.nextPageToken;
		expectFieldViolation(await api('GET', `${listings('p-list')}?pageToken=${encodeURIComponent(instanceToken)}`), 'pageToken');
	});

	it('shows a new listing first and an empty project as {}', async () => {
		const fresh = await create('p-list', { ...BUSINESS, displayName: 'Newest' });
		expect((await api('GET', `${listings('p-list')}?pageSize=1`)).json.regulatoryListings[0]).toEqual(fresh);
		const empty = await api('GET', listings('p-list-empty'));
		expect(empty.status).toBe(200);
		expect(empty.json).toEqual({});
	});
});

describe('update', () => {
	let name: string;
	let original: RegulatoryListingJson;

	beforeEach(async () => {
		original = await create('p-update', { displayName: 'Before', ...BUSINESS });
		name = original.name;
	});

	const patch = (query: string, body: unknown) => api('PATCH', `${resourcePath(name)}${query}`, body);

	it('changes displayName with updateMask=displayName (also display_name and *)', async () => {
		const result = await patch('?updateMask=displayName', { displayName: 'After' });
		expect(result.status).toBe(200);
		expect(result.json).toEqual({ ...original, displayName: 'After' });
		expect((await patch('?update_mask=display_name', { display_name: 'Snake' })).json.displayName).toBe('Snake');
		expect((await patch('?updateMask=*', { displayName: 'Star' })).json.displayName).toBe('Star');
		expect(emu.getListing(name)?.displayName).toBe('Star');
	});

	it('clears displayName when the mask names it and the body does not', async () => {
		const result = await patch('?updateMask=displayName', {});
		expect(result.status).toBe(200);
		expect(result.json).not.toHaveProperty('displayName');
	});

	it('without a mask changes only displayName and ignores the rest of a fetched resource', async () => {
		const fetched = (await api('GET', resourcePath(name))).json;
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
		expect(emu.getListing(name)).toEqual(original);
	});

	it('validates displayName, the name in the body and the listing', async () => {
		expectFieldViolation(await patch('?updateMask=displayName', { displayName: 'x'.repeat(101) }), 'displayName');
		expectFieldViolation(await patch('?updateMask=displayName', { name: 'projects/p-update/regulatoryListings/other', displayName: 'x' }), 'name');
		expect((await patch('?updateMask=displayName', { name, displayName: 'Same name' })).status).toBe(200);
		expectError(await api('PATCH', `${listings('p-update')}/missing?updateMask=displayName`, { displayName: 'x' }), 404, 'NOT_FOUND');
		expectError(await patch('?updateMask=displayName', { displayName: 5 }), 400, 'INVALID_ARGUMENT', 'regulatoryListing.displayName');
	});

	it('does not validate fields outside the mask beyond their types', async () => {
		const result = await patch('?updateMask=displayName', { displayName: 'Fine', address: { addressLines: [], regionCode: 'zz' } });
		expect(result.status).toBe(200);
		expect(result.json.address).toEqual(AU_ADDRESS);
	});
});

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

describe('search', () => {
	const P = 'p-search';
	const named = (id: string) => `projects/${P}/regulatoryListings/${id}`;

	beforeAll(() => {
		emu.seedListings(P, [
			{ id: 'au-verified', business: { business: 'Verified Pty Ltd' }, address: AU_ADDRESS, verified: true },
			{ id: 'au-valid', person: { givenName: 'Val', familyName: 'Id' }, address: AU_ADDRESS },
			{ id: 'au-invalid', person: { givenName: 'In', familyName: 'Valid' }, address: AU_ADDRESS, valid: false, verified: true },
			{ id: 'nz-valid', business: { business: 'Kiwi Ltd' }, address: NZ_ADDRESS },
			{ id: 'us-valid', business: { business: 'Yankee Inc' }, address: US_ADDRESS },
		]);
		emu.seedListings('p-search-other', [{ id: 'au-elsewhere', business: { business: 'Elsewhere' }, address: AU_ADDRESS, verified: true }]);
	});

	const found = async (query: string): Promise<string[]> => {
		const result = await api('GET', searchPath(P, query));
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
		expectFieldViolation(await api('GET', searchPath(P, query)), field);
	});

	it('pages, with the token bound to parent, regionCode and numberType', async () => {
		const first = await api('GET', searchPath(P, 'regionCode=AU&numberType=LOCAL&pageSize=1'));
		expect(first.json.regulatoryListings.map((l: RegulatoryListingJson) => l.name)).toEqual([named('au-valid')]);
		const token = encodeURIComponent(first.json.nextPageToken);
		const second = await api('GET', searchPath(P, `regionCode=AU&numberType=LOCAL&pageSize=1&pageToken=${token}`));
		expect(second.json).toEqual({ regulatoryListings: [emu.getListing(named('au-verified'))] });
		expect((await api('GET', searchPath(P, `regionCode=AU&numberType=1&pageSize=1&pageToken=${token}`))).status).toBe(200);
		for (const other of ['regionCode=NZ&numberType=LOCAL', 'regionCode=AU&numberType=MOBILE']) {
			expectFieldViolation(await api('GET', searchPath(P, `${other}&pageToken=${token}`)), 'pageToken', 'must stay the same');
		}
		expectFieldViolation(await api('GET', searchPath('p-search-other', `regionCode=AU&numberType=LOCAL&pageToken=${token}`)), 'pageToken');
		const listToken = encodeURIComponent((await api('GET', `${listings(P)}?pageSize=1`)).json.nextPageToken);
		expectFieldViolation(await api('GET', searchPath(P, `regionCode=AU&numberType=LOCAL&pageToken=${listToken}`)), 'pageToken');
	});

	it('follows the valid/verified test controls', async () => {
		emu.setListingVerified(named('au-valid'), true);
		expect(await found('regionCode=AU&numberType=MOBILE')).toEqual([named('au-valid'), named('au-verified')]);
		expect(emu.getListing(named('au-valid'))?.verified).toBe(true);
		emu.setListingValid(named('au-verified'), false);
		expect(await found('regionCode=AU&numberType=TOLL_FREE')).toEqual([named('au-valid')]);
		const invalid = (await api('GET', resourcePath(named('au-verified')))).json;
		expect(invalid).not.toHaveProperty('valid');
		expect(invalid.verified).toBe(true);
		emu.setListingValid(named('au-invalid'), true);
		expect(await found('regionCode=AU&numberType=MOBILE')).toEqual([named('au-invalid'), named('au-valid')]);
		emu.setListingVerified(named('au-valid'), false);
		emu.setListingValid(named('au-verified'), true);
		emu.setListingValid(named('au-invalid'), false);
		expect(() => emu.setListingValid(named('nope'), true)).toThrow(/No regulatory listing/);
	});
});

describe('permissions, routing, log and faults', () => {
	const P = 'p-perm';
	let listingName: string;

	beforeAll(() => {
		[{ name: listingName }] = emu.seedListings(P, [{ id: 'perm-listing', person: PERSON.person, address: AU_ADDRESS }]);
	});

	it.each<[string, string, string, unknown, string]>([
		['create', 'POST', listings(P), BUSINESS, 'create'],
		['get', 'GET', `${listings(P)}/perm-listing`, undefined, 'get'],
		['list', 'GET', listings(P), undefined, 'list'],
		['update', 'PATCH', `${listings(P)}/perm-listing?updateMask=displayName`, { displayName: 'x' }, 'update'],
		['delete', 'DELETE', `${listings(P)}/perm-listing`, undefined, 'delete'],
		['search', 'GET', `${listings(P)}:search?regionCode=AU&numberType=LOCAL`, undefined, 'list'],
	])('%s needs numbering.regulatoryListings.%s', async (method, verb, path, body, permission) => {
		const others = ['create', 'get', 'list', 'update', 'delete'].filter((p) => p !== permission).map((p) => `numbering.regulatoryListings.${p}`);
		const token = `perm-without-${method}`;
		emu.addBearerToken(token, { permissions: [...others, 'numbering.phoneNumberInstances.list'] });
		const denied = await apiClient(emu.baseUrl, token)(verb, path, body);
		expectError(denied, 403, 'PERMISSION_DENIED');
		expect(denied.json.error.message).toBe(`Permission 'numbering.regulatoryListings.${permission}' denied on resource 'projects/${P}' (or it may not exist).`);
		const allowedToken = `perm-with-${method}`;
		emu.addBearerToken(allowedToken, { projects: [P], permissions: [`numbering.regulatoryListings.${permission}`] });
		// Query/body errors and 404s come after the permission check, so this proves the permission is enough.
		expect((await apiClient(emu.baseUrl, allowedToken)(verb, path.replace('perm-listing', 'absent'), body)).status).not.toBe(403);
		const otherProject = await apiClient(emu.baseUrl, allowedToken)(verb, path.replace(P, 'p-perm-other'), body);
		expectError(otherProject, 403, 'PERMISSION_DENIED');
		expect(emu.getListing(listingName)).toBeDefined();
	});

	it('answers 401 without credentials, before anything else', async () => {
		expect((await apiClient(emu.baseUrl)('GET', `${listings(P)}/nosuch`)).status).toBe(401);
		expect((await apiClient(emu.baseUrl)('POST', listings(P), {})).status).toBe(401);
	});

	it('service accounts get the listing permissions by default; unknown permission names throw', async () => {
		const key = emu.createServiceAccount({ projectId: P });
		const token = (await exchangeKey(key)).json.access_token;
		expect((await apiClient(emu.baseUrl, token)('GET', `${listings(P)}/perm-listing`)).status).toBe(200);
		expect((await apiClient(emu.baseUrl, token)('GET', `${listings('p-perm-other')}/perm-listing`)).status).toBe(403);
		expect(() => emu.addBearerToken('typo', { permissions: ['numbering.regulatoryListings.search'] })).toThrow(/Unknown permission/);
	});

	it('routes unknown verbs and custom methods to 404', async () => {
		const put = await api('PUT', `${listings(P)}/perm-listing`, {});
		expect(put.status).toBe(404);
		expect(put.headers.get('allow')).toBe('GET, PATCH, DELETE');
		expect((await api('POST', `${listings(P)}:search`, {})).headers.get('allow')).toBe('GET');
		expect((await api('GET', `${listings(P)}:find`)).status).toBe(404);
		expect((await api('POST', `${listings(P)}/perm-listing:move`, {})).status).toBe(404);
		expect((await api('GET', `${collectionPath(P)}:search`)).status).toBe(404);
		expect((await api('GET', `/v1beta1/projects/${P}/regulatoryListing`)).status).toBe(404);
	});

	it('logs listing calls and applies faults to them', async () => {
		emu.clearLog();
		emu.injectFault({ method: 'POST', path: listings(P), fault: { kind: 'status', status: 500 } });
		const faulted = await api('POST', listings(P), { ...BUSINESS, displayName: 'Faulted' });
		expect(faulted.status).toBe(500);
		expect(emu.listStoredListings(P).some((listing) => listing.displayName === 'Faulted')).toBe(false);
		expect((await api('GET', `${listings(P)}?pageSize=1`)).status).toBe(200);
		expect(emu.requests.map((entry) => [entry.method, entry.path, entry.status, entry.principal, entry.fault])).toEqual([
			['POST', listings(P), 500, 'listing-tests', 'status:500'],
			['GET', listings(P), 200, 'listing-tests', undefined],
		]);
		expect(emu.requests[0].body).toMatchObject({ displayName: 'Faulted' });
		expect(emu.requests[1].query).toEqual({ pageSize: '1' });
	});
});

describe('instances and listings', () => {
	const moveTo = (name: string, body: unknown) => api('POST', `${resourcePath(name)}:move`, body);

	it('renders regulatoryListing when set, via the test control, and clears it', async () => {
		const [listing] = emu.seedListings('p-assoc', [{ business: { business: 'Assoc' }, address: AU_ADDRESS }]);
		const [instance] = emu.seed('p-assoc', [{ phoneNumber: '+61255621000' }]);
		expect(instance).not.toHaveProperty('regulatoryListing');
		emu.setRegulatoryListing(instance.name, listing.name);
		expect((await api('GET', resourcePath(instance.name))).json.regulatoryListing).toBe(listing.name);
		const listed = (await api('GET', collectionPath('p-assoc'))).json.phoneNumberInstances[0];
		expect(listed.regulatoryListing).toBe(listing.name);
		emu.setRegulatoryListing(instance.name, undefined);
		expect((await api('GET', resourcePath(instance.name))).json).not.toHaveProperty('regulatoryListing');
		const [foreign] = emu.seedListings('p-assoc-other', [{ business: { business: 'Foreign' }, address: AU_ADDRESS }]);
		expect(() => emu.setRegulatoryListing(instance.name, foreign.name)).toThrow(/not in the instance's project/);
		expect(() => emu.seed('p-assoc', [{ phoneNumber: '+61255621001', regulatoryListing: foreign.name }])).toThrow(/not a listing of project/);
	});

	it('ignores regulatoryListing in create and update bodies (output only)', async () => {
		const [listing] = emu.seedListings('p-assoc-2', [{ business: { business: 'Assoc' }, address: AU_ADDRESS }]);
		const created = await api('POST', collectionPath('p-assoc-2'), { phoneNumber: { phoneNumber: '+61255621100' }, regulatoryListing: listing.name });
		expect(created.status).toBe(200);
		expect(created.json).not.toHaveProperty('regulatoryListing');
		expectFieldViolation(await api('PATCH', `${resourcePath(created.json.name)}?updateMask=regulatoryListing`, {}), 'updateMask', 'output only');
	});

	it('move associates the listing of the destination project', async () => {
		const [source] = emu.seedListings('p-move-src', [{ business: { business: 'Source' }, address: AU_ADDRESS }]);
		const [destination] = emu.seedListings('p-move-dst', [{ business: { business: 'Destination' }, address: AU_ADDRESS }]);
		const [instance] = emu.seed('p-move-src', [{ phoneNumber: '+61255622000', regulatoryListing: source.name }]);
		const moved = await moveTo(instance.name, { destinationParent: 'projects/p-move-dst', regulatoryListing: destination.name });
		expect(moved.status).toBe(200);
		expect(moved.json.name).toBe(instance.name.replace('p-move-src', 'p-move-dst'));
		expect(moved.json.regulatoryListing).toBe(destination.name);
		expect(emu.getInstance(moved.json.name)?.regulatoryListing).toBe(destination.name);
		// The destination listing is now in use; the source one is not.
		expectError(await api('DELETE', resourcePath(destination.name)), 400, 'FAILED_PRECONDITION', moved.json.name);
		expect((await api('DELETE', resourcePath(source.name))).status).toBe(200);
	});

	it('move without a listing clears the association (the old listing stays behind)', async () => {
		const [source] = emu.seedListings('p-move-src', [{ business: { business: 'Left behind' }, address: AU_ADDRESS }]);
		const [instance] = emu.seed('p-move-src', [{ phoneNumber: '+61255622100', regulatoryListing: source.name }]);
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
		const [source] = emu.seedListings('p-move-src', [{ business: { business: 'Src' }, address: AU_ADDRESS }]);
		const [instance] = emu.seed('p-move-src', [{ regulatoryListing: source.name, phoneNumber: `+612556230${nextNumber++}` }]);
		const result = await moveTo(instance.name, { destinationParent: 'projects/p-move-dst', regulatoryListing: listing === 'SOURCE' ? source.name : listing });
		expectError(result, code, status);
		if (field) expect(result.json.error.details[0].fieldViolations[0].field).toBe(field);
		expect(emu.getInstance(instance.name)).toEqual(instance);
		emu.purge(instance.name);
	});

	it('move checks the listing name before the destination permission, and the instance before the listing', async () => {
		emu.addBearerToken('move-src-only', { projects: ['p-move-src'] });
		const srcOnly = apiClient(emu.baseUrl, 'move-src-only');
		const [instance] = emu.seed('p-move-src', [{ phoneNumber: '+61255624000' }]);
		const path = `${resourcePath(instance.name)}:move`;
		expectError(await srcOnly('POST', path, { destinationParent: 'projects/p-move-dst', regulatoryListing: 'projects/p-move-src/regulatoryListings/x' }), 400, 'INVALID_ARGUMENT');
		expectError(await srcOnly('POST', path, { destinationParent: 'projects/p-move-dst', regulatoryListing: 'projects/p-move-dst/regulatoryListings/x' }), 403, 'PERMISSION_DENIED');
		expectError(await moveTo('projects/p-move-src/phoneNumberInstances/missing', { destinationParent: 'projects/p-move-dst', regulatoryListing: 'projects/p-move-dst/regulatoryListings/missing' }), 404, 'NOT_FOUND', 'Phone number instance');
		emu.setLifecycleState(instance.name, 'DELETED');
		expectError(await moveTo(instance.name, { destinationParent: 'projects/p-move-dst', regulatoryListing: 'projects/p-move-dst/regulatoryListings/missing' }), 400, 'FAILED_PRECONDITION');
	});

	it('splitRange keeps the listing on both halves', async () => {
		const [listing] = emu.seedListings('p-split-listing', [{ business: { business: 'Block owner' }, address: AU_ADDRESS }]);
		const [range] = emu.seed('p-split-listing', [{ phoneNumber: '+61255625000', rangeSize: 10, regulatoryListing: listing.name }]);
		const split = await api('POST', `${resourcePath(range.name)}:splitRange`, { size: 4 });
		expect(split.status).toBe(200);
		expect(split.json.first.regulatoryListing).toBe(listing.name);
		expect(split.json.second.regulatoryListing).toBe(listing.name);
	});
});

describe('sample listings', () => {
	let sample: Emulator;
	let sampleApi: ApiClient;

	beforeAll(async () => {
		sample = await startEmulator();
		sample.addBearerToken('sample');
		sampleApi = apiClient(sample.baseUrl, 'sample');
	});

	afterAll(() => sample.close());

	it('has a verified AU business listing, an unverified AU person listing and one under review, used by sample instances', async () => {
		const { regulatoryListings } = sample.seedSample();
		const business = 'projects/demo-project/regulatoryListings/acme-sydney';
		const person = 'projects/demo-project/regulatoryListings/jane-citizen';
		expect(regulatoryListings).toEqual([business, person, 'projects/demo-project/regulatoryListings/harbour-cafe']);
		expect(sample.getListing(business)).toMatchObject({ business: { business: expect.any(String) }, address: { regionCode: 'AU' }, valid: true, verified: true });
		expect(sample.getListing(person)).toMatchObject({ person: { givenName: 'Jane', familyName: 'Citizen' }, valid: true });
		expect(sample.getListing(person)).not.toHaveProperty('verified');
		const instances = sample.listStored('demo-project', { includeDeleted: true });
		expect(instances).toHaveLength(9);
		expect(instances.filter((i) => i.regulatoryListing === business).map((i) => i.displayName).sort()).toEqual(['Customer hotline', 'Sydney reception']);
		expect(instances.filter((i) => i.regulatoryListing === person).map((i) => i.displayName).sort()).toEqual(['Melbourne office', 'Old fax line']);
		expectError(await sampleApi('DELETE', resourcePath(business)), 400, 'FAILED_PRECONDITION');
		const mobile = await sampleApi('GET', searchPath('demo-project', 'regionCode=AU&numberType=MOBILE'));
		expect(mobile.json.regulatoryListings.map((l: RegulatoryListingJson) => l.name)).toEqual([business]);
		expect((await sampleApi('GET', listings('demo-project-2'))).json).toEqual({});
	});
});
