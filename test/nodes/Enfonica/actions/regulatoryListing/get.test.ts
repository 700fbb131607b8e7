import { byName, useTestBed } from '../../../../support/setup';
import { listingParams, sent, SYDNEY } from '../../../../support/operations';

describe('Regulatory Listing', () => {
	const bed = useTestBed('acme');

	beforeEach(() => bed.emu.clearLog());

	describe('Get', () => {
		let name: string;
		beforeEach(() => {
			[{ name }] = bed.emu.seedListings('acme', [{ displayName: 'Front desk', business: { business: 'Acme Pty Ltd' }, address: SYDNEY, valid: true, verified: true }]);
			bed.emu.clearLog();
		});

		it('gets a listing by bare ID within the project, and raw with Output Raw', async () => {
			const id = name.split('/').pop() as string;
			const result = await bed.h.runNode({ parameters: listingParams('get', { regulatoryListing: byName(id) }), credentialId: bed.credentialId });
			expect(sent(bed)).toEqual([{ method: 'GET', path: `/v1beta1/${name}`, query: {}, body: undefined }]);
			expect(result.items[0].json).toEqual(expect.objectContaining({ name, displayName: 'Front desk', valid: true, verified: true, entityType: 'business' }));
			const raw = await bed.h.runNode({ parameters: listingParams('get', { regulatoryListing: byName(name), outputFormat: 'raw' }), credentialId: bed.credentialId });
			expect(raw.items[0].json).toEqual(bed.emu.getListing(name));
		});
	});
});
