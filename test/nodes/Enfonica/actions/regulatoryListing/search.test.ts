import type { IDataObject } from 'n8n-workflow';

import { useTestBed } from '../../../../support/setup';
import { FOUR_LISTINGS, listingParams, sent } from '../../../../support/operations';

describe('Regulatory Listing', () => {
	const bed = useTestBed('acme');

	beforeEach(() => bed.emu.clearLog());

	describe('Search', () => {
		beforeAll(() => {
			bed.emu.seedListings('acme', FOUR_LISTINGS);
		});

		it('searches the listings usable for a region and number type', async () => {
			const local = await bed.h.runNode({ parameters: listingParams('search', { regionCode: 'AU', numberType: 'LOCAL', returnAll: true }), credentialId: bed.credentialId });
			expect(sent(bed)[0]).toEqual(expect.objectContaining({ path: '/v1beta1/projects/acme/regulatoryListings:search', query: { regionCode: 'AU', numberType: 'LOCAL', pageSize: '100' } }));
			const names = (items: { json: IDataObject }[]) => items.map((item) => item.json.displayName);
			expect(names(local.items)).toEqual(expect.arrayContaining(['AU valid verified', 'AU valid only']));
			expect(names(local.items)).not.toContain('AU not valid');
			expect(names(local.items)).not.toContain('NZ valid');
			// Mobiles in AU need a verified listing.
			const mobile = await bed.h.runNode({ parameters: listingParams('search', { regionCode: 'AU', numberType: 'MOBILE', returnAll: true }), credentialId: bed.credentialId });
			expect(names(mobile.items)).toContain('AU valid verified');
			expect(names(mobile.items)).not.toContain('AU valid only');
		});
	});
});
