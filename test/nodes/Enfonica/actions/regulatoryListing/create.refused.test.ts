import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { acceptedBy, refusedBy, useSeededBed } from '../../../../support/setup';
import { expression, jsonOf, nodeParams, pairedOf, sent, textOfLength } from '../../../../support/operations';

/** Regulatory Listing → Create: bad input refused naming the field and the item, nothing sent (a fresh credential per case, so even a token exchange would show). */
describe('listing and number-search input is refused before any request', () => {
	const bed = useSeededBed([{ phoneNumber: '+61255501100' }]);

	const refused = refusedBy(bed);

	const accepted = acceptedBy(bed);

	describe('Regulatory Listing → Create', () => {
		const auAddress = { addressLines: '1 Example Street', locality: 'Sydney', administrativeArea: 'NSW', postalCode: '2000', regionCode: 'AU' };
		const person = (extra: IDataObject = {}) => nodeParams('regulatoryListing', 'create', { entityType: 'person', givenName: 'Ada', familyName: 'Lovelace', ...auAddress, ...extra });
		const business = (extra: IDataObject = {}) => nodeParams('regulatoryListing', 'create', { entityType: 'business', businessName: 'Acme Pty Ltd', ...auAddress, ...extra });

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
				await refused(person({ givenName: textOfLength(101) }), 'Given Name is 101 characters long: Enfonica allows at most 100 [item 0]');
				await refused(person({ familyName: textOfLength(101) }), 'Family Name is 101 characters long: Enfonica allows at most 100 [item 0]');
				await refused(business({ businessName: textOfLength(201) }), 'Business Name is 201 characters long: Enfonica allows at most 200 [item 0]');
			});

			it('the limit counts characters, not UTF-16 units, after trimming', async () => {
				// 101 emoji = 202 UTF-16 units; 100 letters plus surrounding spaces is within the limit.
				await refused(person({ givenName: '😀'.repeat(101) }), 'Given Name is 101 characters long: Enfonica allows at most 100 [item 0]');
				await accepted(person({ givenName: `  ${'é'.repeat(100)}  `, familyName: textOfLength(100) }));
				expect((sent(bed)[0].body as { person: IDataObject }).person).toEqual({ givenName: 'é'.repeat(100), familyName: textOfLength(100) });
				await accepted(business({ businessName: textOfLength(200) }));
			});

			it('an entity type not business or person, from an expression', async () => {
				// With the type an expression, n8n shows (and requires) every name field; give them all.
				await refused(person({ entityType: expression('company'), businessName: 'Acme' }), 'Entity Type has "company": use business, person [item 0]');
			});
		});

		describe('address', () => {
			it.each([
				['', /has issues/],
				['={{ "" }}', 'Address Lines is required: the street address, one line per line [item 0]'],
				['\n  \n', 'Address Lines is required: the street address, one line per line [item 0]'],
				['Level 1\n2 Example St\nSydney', 'Address Lines has 3 lines: Enfonica allows at most 2 [item 0]'],
				['={{ ["a", "b", "c"] }}', 'Address Lines has 3 lines: Enfonica allows at most 2 [item 0]'],
				[`Level 1\n${textOfLength(201)}`, 'Address Lines line 2 is 201 characters long: Enfonica allows at most 200 [item 0]'],
			])('address lines %j', async (addressLines, message) => {
				await refused(person({ addressLines }), message);
			});

			it('two lines of 200 are accepted, blank lines between them dropped', async () => {
				await accepted(business({ addressLines: `${textOfLength(200)}\r\n\n${'y'.repeat(200)}` }));
				expect((sent(bed)[0].body as { address: IDataObject }).address.addressLines).toEqual([textOfLength(200), 'y'.repeat(200)]);
			});

			it('postal code over 16 characters in a region without rules (GB)', async () => {
				await refused(business({ regionCode: 'GB', locality: '', administrativeArea: '', postalCode: textOfLength(17) }), 'Postal Code is 17 characters long: Enfonica allows at most 16 [item 0]');
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
			await refused(person({ additionalFields: { displayName: textOfLength(101) } }), 'Display Name is 101 characters long: Enfonica allows at most 100 [item 0]');
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
			await refused(person({ givenName: '={{ $json.given }}' }), 'Given Name is required [item 1]', [{ given: 'Ada' }, { given: '' }, { given: textOfLength(101) }]);
		});
	});

	describe('Continue On Fail', () => {
		it('a bad listing create item becomes { error } paired with its input; the good ones are created', async () => {
			bed.emu.clearLog();
			const result = await bed.h.runNode({
				parameters: nodeParams('regulatoryListing', 'create', {
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
