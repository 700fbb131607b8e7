import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { TestBed } from '../../../../support/setup';
import { byName, expectRefused, freshCredential, startTestBed } from '../../../../support/setup';
import { fromList, jsonOf, pairedOf, params, sent } from '../../../../support/operations';

/**
 * The bad-input catalogue for Phone Number → Search, the Regulatory Listing operations and Move's
 * Regulatory Listing option: each case is refused with the field and the item named, and the
 * emulator sees nothing at all: no API call and no token exchange (each case uses a fresh
 * credential, so a token request would show if the node reached for the network first).
 */
describe('listing and number-search input is refused before any request', () => {
	let bed: TestBed;
	let instance: string;

	beforeAll(async () => {
		bed = await startTestBed('acme');
		[{ name: instance }] = bed.emu.seed('acme', [{ phoneNumber: '+61255501100' }]);
	});
	afterAll(async () => await bed.close());

	const refused = async (parameters: INodeParameters, message: string | RegExp, items?: IDataObject[]) => await expectRefused(bed, parameters, message, items);

	/** Runs with a fresh credential and expects no error: the counterpart that shows a case is not refused for another reason. */
	async function accepted(parameters: INodeParameters, items?: IDataObject[]) {
		const credentialId = freshCredential(bed);
		bed.emu.clearLog();
		const result = await bed.h.runNode({ parameters, credentialId, items });
		expect(result.error?.message).toBeUndefined();
		return result;
	}

	const node = (resource: 'phoneNumber' | 'regulatoryListing', operation: string, extra: IDataObject = {}): INodeParameters =>
		({ resource, operation, ...extra }) as INodeParameters;
	const long = (n: number) => 'x'.repeat(n);
	const expr = (value: string) => `={{ ${JSON.stringify(value)} }}`;

	describe('Phone Number → Search', () => {
		const search = (extra: IDataObject = {}) => node('phoneNumber', 'search', { limit: 1, ...extra });
		const countryProblem = ' a two-letter ISO 3166 country code such as AU, NZ or US [item 0]';

		it.each([
			['AUS', `Country Code "AUS" is not${countryProblem}`],
			['1', `Country Code "1" is not${countryProblem}`],
			['XX', `Country Code "XX" is not${countryProblem}`],
			['A1', `Country Code "A1" is not${countryProblem}`],
			['={{ "" }}', `Country Code is required:${countryProblem}`],
			['={{ "   " }}', `Country Code is required:${countryProblem}`],
		])('country code %j', async (countryCode, message) => {
			await refused(search({ countryCode }), message);
		});

		it('a lowercase country code is accepted and sent in capitals', async () => {
			await accepted(search({ countryCode: ' au ' }));
			expect(sent(bed).map((request) => request.query)).toEqual([{ countryCode: 'AU', pageSize: '1' }]);
		});

		it.each([
			['2a', 'Prefix "2a" is not a number prefix: use digits such as 2, 02 or +612 [item 0]'],
			['+61x', 'Prefix "+61x" is not a number prefix: use digits such as 2, 02 or +612 [item 0]'],
			['02 55#', 'Prefix "02 55#" is not a number prefix: use digits such as 2, 02 or +612 [item 0]'],
			['+44 20', 'Prefix "+44 20" is not a number prefix of AU: AU numbers start with +61 [item 0]'],
			['+6', 'Prefix "+6" is not a number prefix of AU: AU numbers start with +61 [item 0]'],
		])('prefix %j in AU', async (prefix, message) => {
			await refused(search({ countryCode: 'AU', filters: { prefix } }), message);
		});

		it('a + prefix is checked against the country given, whatever its case', async () => {
			await refused(search({ countryCode: 'nz', filters: { prefix: '+61 2' } }), 'Prefix "+61 2" is not a number prefix of NZ: NZ numbers start with +64 [item 0]');
		});

		it('a misspelt number type from an expression', async () => {
			await refused(search({ filters: { numberType: expr('LOCALE') } }), 'Number Type has "LOCALE": use LOCAL, MOBILE, NATIONAL, SHARED_RATE, TOLL_FREE [item 0]');
		});

		it('a misspelt capability from an expression', async () => {
			await refused(search({ filters: { capabilities: '={{ ["SMS", "FAX"] }}' } }), 'Capabilities has "FAX": use MMS, SMS, VOICE [item 0]');
			await refused(search({ filters: { capabilities: expr('sms') } }), 'Capabilities has "sms": use MMS, SMS, VOICE [item 0]');
		});

		it('a Limit below 1 from an expression', async () => {
			await refused(search({ limit: '={{ 0 }}' }), 'Limit must be a whole number of at least 1 (got 0) [item 0]');
		});
	});

	describe('Regulatory Listing → Create', () => {
		const auAddress = { addressLines: '1 Example Street', locality: 'Sydney', administrativeArea: 'NSW', postalCode: '2000', regionCode: 'AU' };
		const person = (extra: IDataObject = {}) => node('regulatoryListing', 'create', { entityType: 'person', givenName: 'Ada', familyName: 'Lovelace', ...auAddress, ...extra });
		const business = (extra: IDataObject = {}) => node('regulatoryListing', 'create', { entityType: 'business', businessName: 'Acme Pty Ltd', ...auAddress, ...extra });

		it('refuses a missing Entity Type instead of guessing one', async () => {
			// Given and family names set too, so n8n's own required-field check (zero requests as well) lets it through to ours.
			await refused(business({ entityType: '={{ "" }}', givenName: 'Ada', familyName: 'Lovelace' }), 'Entity Type is required: business or person [item 0]');
		});

		it('refuses a region code no country has', async () => {
			await refused(business({ regionCode: 'ZZ' }), 'Region Code "ZZ" is not a two-letter ISO 3166 country code such as AU, NZ or US [item 0]');
			await refused(business({ regionCode: 'QQ' }), 'Region Code "QQ" is not a two-letter ISO 3166 country code such as AU, NZ or US [item 0]');
		});

		it('accepts an ISO 3166 region without phone numbers of its own (Antarctica)', async () => {
			await accepted(business({ regionCode: 'AQ', locality: '', administrativeArea: '', postalCode: '' }));
		});

		it('refuses several entity types from an expression instead of taking the first', async () => {
			await refused(business({ entityType: '={{ "business,person" }}', givenName: 'Ada', familyName: 'Lovelace' }), 'Entity Type has 2 values (business, person): choose one of business, person [item 0]');
		});

		describe('names', () => {
			it.each([
				['givenName', 'Given Name'],
				['familyName', 'Family Name'],
			])('%s whitespace only or empty from an expression', async (field, label) => {
				await refused(person({ [field]: '   ' }), `${label} is required [item 0]`);
				await refused(person({ [field]: '={{ "" }}' }), `${label} is required [item 0]`);
				await refused(person({ [field]: '={{ null }}' }), `${label} is required [item 0]`);
			});

			it('business name whitespace only or empty from an expression', async () => {
				await refused(business({ businessName: ' \t ' }), 'Business Name is required [item 0]');
				await refused(business({ businessName: '={{ "" }}' }), 'Business Name is required [item 0]');
			});

			it('a required name left out entirely is refused too (by the engine: parameter issues)', async () => {
				const { givenName: _omitted, ...withoutGiven } = person() as IDataObject;
				await refused(withoutGiven as INodeParameters, /has issues/);
				await refused(business({ businessName: '' }), /has issues/);
			});

			it('names over the limit (given/family 100, business 200)', async () => {
				await refused(person({ givenName: long(101) }), 'Given Name is 101 characters long: Enfonica allows at most 100 [item 0]');
				await refused(person({ familyName: long(101) }), 'Family Name is 101 characters long: Enfonica allows at most 100 [item 0]');
				await refused(business({ businessName: long(201) }), 'Business Name is 201 characters long: Enfonica allows at most 200 [item 0]');
			});

			it('the limit counts characters, not UTF-16 units, after trimming', async () => {
				// 101 emoji = 202 UTF-16 units; 100 letters plus surrounding spaces is within the limit.
				await refused(person({ givenName: '😀'.repeat(101) }), 'Given Name is 101 characters long: Enfonica allows at most 100 [item 0]');
				await accepted(person({ givenName: `  ${'é'.repeat(100)}  `, familyName: long(100) }));
				expect((sent(bed)[0].body as { person: IDataObject }).person).toEqual({ givenName: 'é'.repeat(100), familyName: long(100) });
				await accepted(business({ businessName: long(200) }));
			});

			it('an entity type not business or person, from an expression', async () => {
				// With the type an expression, n8n shows (and requires) every name field; give them all.
				await refused(person({ entityType: expr('company'), businessName: 'Acme' }), 'Entity Type has "company": use business, person [item 0]');
			});
		});

		describe('address', () => {
			it.each([
				['', /has issues/],
				['={{ "" }}', 'Address Lines is required: the street address, one line per line [item 0]'],
				['\n  \n', 'Address Lines is required: the street address, one line per line [item 0]'],
				['Level 1\n2 Example St\nSydney', 'Address Lines has 3 lines: Enfonica allows at most 2 [item 0]'],
				['={{ ["a", "b", "c"] }}', 'Address Lines has 3 lines: Enfonica allows at most 2 [item 0]'],
				[`Level 1\n${long(201)}`, 'Address Lines line 2 is 201 characters long: Enfonica allows at most 200 [item 0]'],
			])('address lines %j', async (addressLines, message) => {
				await refused(person({ addressLines }), message);
			});

			it('two lines of 200 are accepted, blank lines between them dropped', async () => {
				await accepted(business({ addressLines: `${long(200)}\r\n\n${'y'.repeat(200)}` }));
				expect((sent(bed)[0].body as { address: IDataObject }).address.addressLines).toEqual([long(200), 'y'.repeat(200)]);
			});

			it('postal code over 16 characters in a region without rules (GB)', async () => {
				await refused(business({ regionCode: 'GB', locality: '', administrativeArea: '', postalCode: long(17) }), 'Postal Code is 17 characters long: Enfonica allows at most 16 [item 0]');
			});

			it('region code missing or not alpha-2', async () => {
				await refused(business({ regionCode: '={{ "" }}' }), 'Region Code is required: a two-letter ISO 3166 country code such as AU, NZ or US [item 0]');
				await refused(business({ regionCode: '  ' }), 'Region Code is required: a two-letter ISO 3166 country code such as AU, NZ or US [item 0]');
				await refused(business({ regionCode: 'AUS' }), 'Region Code "AUS" is not a two-letter ISO 3166 country code such as AU, NZ or US [item 0]');
				await refused(business({ regionCode: 'a1' }), 'Region Code "A1" is not a two-letter ISO 3166 country code such as AU, NZ or US [item 0]');
			});
		});

		describe('per-region rules', () => {
			const nzAddress = { addressLines: '1 Queen Street', locality: 'Auckland', administrativeArea: 'Auckland', postalCode: '1010', regionCode: 'NZ' };
			const usAddress = { addressLines: '1 Main Street', locality: 'Springfield', administrativeArea: 'IL', postalCode: '62701', regionCode: 'US' };

			it.each([
				['AU', auAddress],
				['NZ', nzAddress],
				['US', usAddress],
			])('%s: locality and administrative area are required', async (region, address) => {
				await refused(business({ ...address, locality: '' }), `Locality is required for an address in ${region} [item 0]`);
				await refused(business({ ...address, administrativeArea: '   ' }), `Administrative Area is required for an address in ${region} [item 0]`);
			});

			it.each([
				['AU', auAddress],
				['NZ', nzAddress],
			])('%s: a 4-digit postcode', async (region, address) => {
				for (const postalCode of ['200', '20000', 'abcd', '20 0']) {
					await refused(business({ ...address, postalCode }), `Postal Code "${postalCode}" is not valid: an address in ${region} needs a 4-digit postcode [item 0]`);
				}
				await refused(business({ ...address, postalCode: '' }), `Postal Code is required: an address in ${region} needs a 4-digit postcode [item 0]`);
			});

			it('US: a 5-digit ZIP code', async () => {
				for (const postalCode of ['1234', '12345-6789', '123456']) {
					await refused(business({ ...usAddress, postalCode }), `Postal Code "${postalCode}" is not valid: an address in US needs a 5-digit ZIP code [item 0]`);
				}
				await refused(business({ ...usAddress, postalCode: '={{ "" }}' }), 'Postal Code is required: an address in US needs a 5-digit ZIP code [item 0]');
			});

			it('the rules follow the region however it is written (lowercase, spaces)', async () => {
				await refused(business({ regionCode: ' au ', postalCode: '200' }), 'Postal Code "200" is not valid: an address in AU needs a 4-digit postcode [item 0]');
				await refused(business({ ...nzAddress, regionCode: 'nz', locality: '' }), 'Locality is required for an address in NZ [item 0]');
			});

			it('a region without rules takes an address without locality, area or postcode', async () => {
				await accepted(business({ regionCode: 'GB', locality: '', administrativeArea: '', postalCode: '' }));
				expect(sent(bed).map((request) => request.body)).toEqual([{ business: { business: 'Acme Pty Ltd' }, address: { addressLines: ['1 Example Street'], regionCode: 'GB' } }]);
			});
		});

		it('display name over 100', async () => {
			await refused(person({ additionalFields: { displayName: long(101) } }), 'Display Name is 101 characters long: Enfonica allows at most 100 [item 0]');
		});

		it('several items: item 2 bad → the error names item 2 and items 0 and 1 are not created either', async () => {
			const before = bed.emu.listStoredListings('acme').length;
			const result = await refused(
				business({ businessName: '={{ $json.business }}', postalCode: '={{ $json.postcode }}' }),
				'Postal Code "200" is not valid: an address in AU needs a 4-digit postcode [item 2]',
				[
					{ business: 'One Pty Ltd', postcode: '2000' },
					{ business: 'Two Pty Ltd', postcode: '3000' },
					{ business: 'Three Pty Ltd', postcode: '200' },
				],
			);
			expect(result.items).toHaveLength(0);
			expect(bed.emu.listStoredListings('acme')).toHaveLength(before);
		});

		it('several bad items: the lowest-numbered one is reported', async () => {
			await refused(person({ givenName: '={{ $json.given }}' }), 'Given Name is required [item 1]', [{ given: 'Ada' }, { given: '' }, { given: long(101) }]);
		});
	});

	describe('Regulatory Listing → Update', () => {
		const update = (updateFields: IDataObject, regulatoryListing: IDataObject = byName('abc123')) => node('regulatoryListing', 'update', { regulatoryListing, updateFields });

		it('no field in Update Fields', async () => {
			await refused(update({}), 'Update Fields is empty: add Display Name (the only field of a listing that can change) [item 0]');
		});

		it('display name over 100', async () => {
			await refused(update({ displayName: long(101) }), 'Display Name is 101 characters long: Enfonica allows at most 100 [item 0]');
			await refused(update({ displayName: `={{ "${'😀'.repeat(101)}" }}` }), 'Display Name is 101 characters long: Enfonica allows at most 100 [item 0]');
		});

		it('an empty display name is a change (it clears it), not a refusal', async () => {
			const [listing] = bed.emu.seedListings('acme', [{ displayName: 'Old', business: { business: 'Acme' }, address: { addressLines: ['1 St'], regionCode: 'GB' } }]);
			await accepted(update({ displayName: '' }, byName(listing.name)));
			expect(sent(bed)).toEqual([{ method: 'PATCH', path: `/v1beta1/${listing.name}`, query: { updateMask: 'displayName' }, body: { displayName: '' } }]);
		});
	});

	describe('Regulatory Listing locator (Get, Delete, Update)', () => {
		const listingProblem = ' is not a valid regulatory listing: use "projects/<project>/regulatoryListings/<id>" or the regulatory listing ID [item 0]';
		const withLocator = (operation: string, regulatoryListing: IDataObject) =>
			node('regulatoryListing', operation, { regulatoryListing, ...(operation === 'update' ? { updateFields: { displayName: 'x' } } : {}) });

		describe.each(['get', 'delete', 'update'])('%s', (operation) => {
			it.each([
				'projects/acme/phoneNumberInstances/x',
				'bad id!',
				'projects/acme/regulatoryListings/',
				'projects/Acme/regulatoryListings/abc',
				'projects/acme/regulatoryListings/abc/extra',
			])('By Name from an expression: %j', async (value) => {
				await refused(withLocator(operation, byName(expr(value))), `Regulatory Listing "${value}"${listingProblem}`);
			});

			it('From List with a value that is not a listing', async () => {
				await refused(withLocator(operation, fromList(instance)), `Regulatory Listing "${instance}"${listingProblem}`);
			});

			it('empty', async () => {
				await refused(withLocator(operation, byName('={{ "" }}')), 'Regulatory Listing is empty [item 0]');
				await refused(withLocator(operation, fromList('={{ "  " }}')), 'Regulatory Listing is empty [item 0]');
			});
		});

		it('a typed malformed name is already refused by the editor check (n8n parameter issues)', async () => {
			await refused(withLocator('get', byName('bad id!')), /has issues:[\s\S]*Use projects\/<project>\/regulatoryListings\/<id> or the (regulatory )?listing ID/);
		});

		it('a malformed project is refused before the listing', async () => {
			await refused(node('regulatoryListing', 'get', { project: 'My Project', regulatoryListing: byName('abc') }), /^Project "My Project" is not a valid project.*\[item 0\]$/);
		});
	});

	it('Number Type with several values from an expression is refused, not cut to the first', async () => {
		await refused(node('phoneNumber', 'search', { countryCode: 'AU', filters: { numberType: '={{ "LOCAL,MOBILE" }}' } }), /^Number Type has 2 values \(LOCAL, MOBILE\): choose one of .* \[item 0\]$/);
	});

	describe('Regulatory Listing → Search', () => {
		const search = (extra: IDataObject = {}) => node('regulatoryListing', 'search', { regionCode: 'AU', numberType: 'LOCAL', limit: 5, ...extra });

		it.each([
			['AUS', 'Region Code "AUS" is not a two-letter ISO 3166 country code such as AU, NZ or US [item 0]'],
			['={{ "1" }}', 'Region Code "1" is not a two-letter ISO 3166 country code such as AU, NZ or US [item 0]'],
			['={{ "" }}', 'Region Code is required: a two-letter ISO 3166 country code such as AU, NZ or US [item 0]'],
		])('region code %j', async (regionCode, message) => {
			await refused(search({ regionCode }), message);
		});

		it('number type misspelt or empty from an expression', async () => {
			await refused(search({ numberType: expr('TOLLFREE') }), 'Number Type has "TOLLFREE": use LOCAL, MOBILE, NATIONAL, SHARED_RATE, TOLL_FREE [item 0]');
			await refused(search({ numberType: expr('local') }), 'Number Type has "local": use LOCAL, MOBILE, NATIONAL, SHARED_RATE, TOLL_FREE [item 0]');
			await refused(search({ numberType: '={{ "" }}' }), 'Number Type is required: the kind of number the listing must be usable for [item 0]');
		});

		it('a good search goes out with the region in capitals', async () => {
			await accepted(search({ regionCode: 'nz', numberType: 'MOBILE' }));
			expect(sent(bed).map((request) => [request.path, request.query])).toEqual([
				['/v1beta1/projects/acme/regulatoryListings:search', { regionCode: 'NZ', numberType: 'MOBILE', pageSize: '5' }],
			]);
		});
	});

	describe('Phone Number Instance → Move, option Regulatory Listing', () => {
		const move = (regulatoryListing: string, destinationProject = 'beta') =>
			params('move', { phoneNumberInstance: byName(instance), destinationProject, options: { regulatoryListing } });

		it('a value that is not text (an expression giving a number)', async () => {
			await refused(move('={{ 12345 }}'), 'Regulatory Listing must be text, the listing\'s name or ID (got 12345) [item 0]');
		});

		it('a listing of another project than the destination', async () => {
			await refused(
				move('projects/other/regulatoryListings/abc'),
				'Regulatory Listing is in projects/other, not in the destination project projects/beta: a moved number can only use a listing of its new project [item 0]',
			);
		});

		it("a listing of the instance's own (source) project", async () => {
			await refused(
				move('projects/acme/regulatoryListings/abc', 'projects/beta'),
				'Regulatory Listing is in projects/acme, not in the destination project projects/beta: a moved number can only use a listing of its new project [item 0]',
			);
		});

		it.each(['bad id!', 'projects/beta/phoneNumberInstances/abc', 'projects/beta/regulatoryListings/', 'projects/beta'])('a malformed listing %j', async (value) => {
			await refused(move(value), `Regulatory Listing "${value}" is not a valid regulatory listing: use "projects/<project>/regulatoryListings/<id>" or the regulatory listing ID [item 0]`);
		});

		it('in a batch, a bad listing on item 1 stops item 0 from moving too', async () => {
			await refused(
				params('move', { phoneNumberInstance: byName(instance), destinationProject: 'beta', options: { regulatoryListing: '={{ $json.listing }}' } }),
				/^Regulatory Listing is in projects\/other, not in the destination project projects\/beta.*\[item 1\]$/,
				[{ listing: 'abc' }, { listing: 'projects/other/regulatoryListings/abc' }],
			);
			expect(bed.emu.getInstance(instance)?.name).toBe(instance);
		});

		it('a bare ID is taken within the destination project and sent (the move itself is then up to Enfonica)', async () => {
			const credentialId = freshCredential(bed);
			bed.emu.clearLog();
			await bed.h.runNode({ parameters: move('abc123'), credentialId });
			expect(sent(bed)).toEqual([
				{ method: 'POST', path: `/v1beta1/${instance}:move`, query: {}, body: { destinationParent: 'projects/beta', regulatoryListing: 'projects/beta/regulatoryListings/abc123' } },
			]);
		});
	});

	describe('Continue On Fail', () => {
		it('a bad listing create item becomes { error } paired with its input; the good ones are created', async () => {
			bed.emu.clearLog();
			const result = await bed.h.runNode({
				parameters: node('regulatoryListing', 'create', {
					entityType: 'business',
					businessName: '={{ $json.business }}',
					addressLines: '1 Example Street',
					locality: 'Sydney',
					administrativeArea: 'NSW',
					postalCode: '={{ $json.postcode }}',
					regionCode: 'AU',
				}),
				credentialId: bed.credentialId,
				items: [
					{ business: 'Good One Pty Ltd', postcode: '2000' },
					{ business: 'Bad Pty Ltd', postcode: '20000' },
					{ business: '  ', postcode: '2000' },
					{ business: 'Good Two Pty Ltd', postcode: '2010' },
				],
				continueOnFail: true,
			});
			expect(result.error).toBeUndefined();
			expect(pairedOf(result.items)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
			const json = jsonOf(result.items);
			expect(json[1]).toEqual({ error: 'Postal Code "20000" is not valid: an address in AU needs a 4-digit postcode [item 1]' });
			expect(json[2]).toEqual({ error: 'Business Name is required [item 2]' });
			for (const [index, name, postalCode] of [[0, 'Good One Pty Ltd', '2000'], [3, 'Good Two Pty Ltd', '2010']] as const) {
				expect(json[index]).toEqual(expect.objectContaining({ name: expect.stringMatching(/^projects\/acme\/regulatoryListings\/[a-z0-9-]+$/), entityType: 'business', businessName: name }));
				expect(bed.emu.getListing(json[index].name as string)?.address?.postalCode).toBe(postalCode);
			}
			// Only the two good items were sent.
			expect(sent(bed).map((request) => [request.method, request.path, (request.body as { business: IDataObject }).business.business])).toEqual([
				['POST', '/v1beta1/projects/acme/regulatoryListings', 'Good One Pty Ltd'],
				['POST', '/v1beta1/projects/acme/regulatoryListings', 'Good Two Pty Ltd'],
			]);
		});
	});
});
