import { useTestBed } from '../../../../support/setup';
import { FOUR_LISTINGS, listingParams, sent } from '../../../../support/operations';

describe('Regulatory Listing', () => {
	const bed = useTestBed('acme');

	beforeEach(() => bed.emu.clearLog());

	describe('Get Many', () => {
		beforeAll(() => {
			bed.emu.seedListings('acme', FOUR_LISTINGS);
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
