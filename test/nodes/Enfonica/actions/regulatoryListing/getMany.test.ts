import { useTestBed } from '../../../../support/setup';
import { listingParams, sent, SYDNEY } from '../../../../support/operations';

describe('Regulatory Listing', () => {
	const bed = useTestBed('acme');

	beforeEach(() => bed.emu.clearLog());

	describe('Get Many', () => {
		beforeAll(() => {
			bed.emu.seedListings('acme', [
				{ displayName: 'AU valid verified', business: { business: 'A' }, address: SYDNEY, valid: true, verified: true, createTime: '2026-01-03T00:00:00Z' },
				{ displayName: 'AU valid only', person: { givenName: 'B', familyName: 'C' }, address: SYDNEY, valid: true, verified: false, createTime: '2026-01-02T00:00:00Z' },
				{ displayName: 'AU not valid', business: { business: 'D' }, address: SYDNEY, valid: false, createTime: '2026-01-01T00:00:00Z' },
				{ displayName: 'NZ valid', business: { business: 'E' }, address: { addressLines: ['1 Queen St'], locality: 'Auckland', administrativeArea: 'Auckland', postalCode: '1010', regionCode: 'NZ' }, valid: true },
			]);
		});

		it('lists the project\'s listings up to Limit, newest first', async () => {
			const result = await bed.h.runNode({ parameters: listingParams('getMany', { limit: 2 }), credentialId: bed.credentialId });
			expect(result.error).toBeUndefined();
			expect(sent(bed)).toEqual([{ method: 'GET', path: '/v1beta1/projects/acme/regulatoryListings', query: { pageSize: '2' }, body: undefined }]);
			expect(result.items).toHaveLength(2);
			const all = await bed.h.runNode({ parameters: listingParams('getMany', { returnAll: true }), credentialId: bed.credentialId });
			expect(all.items.length).toBe(bed.emu.listStoredListings('acme').length);
		});
	});
});
