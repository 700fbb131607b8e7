/** Raw-HTTP tests of the emulator's regulatory listing create method (methods/listings/create.ts). */
import { AU_ADDRESS, BUSINESS, createListing, expectError, expectFieldViolation, listingsPath, NZ_ADDRESS, PERSON, resourcePath, TIMESTAMP, US_ADDRESS, useEmulatorApi } from '../../testSupport';

const bed = useEmulatorApi('listing-token', 'listing-tests');

const create = async (project: string, body: unknown) => await createListing(bed.api, project, body);

describe('create', () => {
	it('creates a valid, unverified listing and omits fields at their default', async () => {
		const result = await bed.api('POST', listingsPath('p-create'), { displayName: 'Head office', ...BUSINESS });
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
		expect(bed.emu.getListing(body.name)).toEqual(body);
		expect((await bed.api('GET', resourcePath(body.name))).json).toEqual(body);
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
		const before = bed.emu.listStoredListings('p-create').length;
		const result = await bed.api('POST', listingsPath('p-create'), body);
		expectFieldViolation(result, field, field.replace(/^regulatoryListing\./, ''));
		expect(bed.emu.listStoredListings('p-create')).toHaveLength(before);
	});

	it('rejects unknown fields, also nested ones', async () => {
		expectError(await bed.api('POST', listingsPath('p-create'), { ...PERSON, colour: 'red' }), 400, 'INVALID_ARGUMENT', 'Unknown name "colour"');
		expectError(await bed.api('POST', listingsPath('p-create'), au({ country: 'Australia' })), 400, 'INVALID_ARGUMENT', 'Unknown name "country"');
		expectError(await bed.api('POST', listingsPath('p-create'), { ...PERSON, person: { givenName: 'J', familyName: 'C', middleName: 'Q' } }), 400, 'INVALID_ARGUMENT', 'middleName');
	});
});
