import { useTestBed } from '../../../../support/setup';
import { jsonOf, listingParams, sent, SYDNEY } from '../../../../support/operations';

describe('Regulatory Listing', () => {
	const bed = useTestBed('acme');

	beforeEach(() => bed.emu.clearLog());

	describe('Create', () => {
		it('creates a business listing: the body as the API takes it, the listing simplified', async () => {
			const result = await bed.h.runNode({
				parameters: listingParams('create', {
					entityType: 'business',
					businessName: '  Acme Pty Ltd ',
					addressLines: 'Level 1\n123 Example Street\n',
					locality: 'Sydney',
					administrativeArea: 'NSW',
					postalCode: '2000',
					regionCode: 'au',
					additionalFields: { displayName: 'Acme HQ' },
				}),
				credentialId: bed.credentialId,
			});
			expect(result.error).toBeUndefined();
			expect(sent(bed)).toEqual([
				{
					method: 'POST',
					path: '/v1beta1/projects/acme/regulatoryListings',
					query: {},
					body: { business: { business: 'Acme Pty Ltd' }, address: SYDNEY, displayName: 'Acme HQ' },
				},
			]);
			const [created] = jsonOf(result.items);
			expect(created).toEqual({
				name: expect.stringMatching(/^projects\/acme\/regulatoryListings\/[a-z0-9]+$/),
				id: expect.any(String),
				displayName: 'Acme HQ',
				entityType: 'business',
				givenName: '',
				familyName: '',
				businessName: 'Acme Pty Ltd',
				regionCode: 'AU',
				valid: true,
				verified: false,
			});
			expect(bed.emu.getListing(created.name as string)).toBeDefined();
		});

		it('creates a person listing in a region without extra rules, leaving empty fields out', async () => {
			const result = await bed.h.runNode({
				parameters: listingParams('create', { entityType: 'person', givenName: 'Jane', familyName: 'Citizen', addressLines: '1 High Street', regionCode: 'GB' }),
				credentialId: bed.credentialId,
			});
			expect(result.error).toBeUndefined();
			expect(sent(bed)[0].body).toEqual({ person: { givenName: 'Jane', familyName: 'Citizen' }, address: { addressLines: ['1 High Street'], regionCode: 'GB' } });
			expect(result.items[0].json).toEqual(expect.objectContaining({ entityType: 'person', givenName: 'Jane', familyName: 'Citizen', businessName: '', displayName: '' }));
		});
	});
});
