import { byName, useTestBed } from '../../../../support/setup';
import { listingParams, sent, SYDNEY } from '../../../../support/operations';

describe('Regulatory Listing', () => {
	const bed = useTestBed('acme');

	beforeEach(() => bed.emu.clearLog());

	describe('Update', () => {
		let name: string;
		beforeEach(() => {
			[{ name }] = bed.emu.seedListings('acme', [{ displayName: 'Front desk', business: { business: 'Acme Pty Ltd' }, address: SYDNEY, valid: true, verified: true }]);
			bed.emu.clearLog();
		});

		it('updates the display name with one PATCH and updateMask=displayName', async () => {
			const result = await bed.h.runNode({ parameters: listingParams('update', { regulatoryListing: byName(name), updateFields: { displayName: 'Reception' } }), credentialId: bed.credentialId });
			expect(result.error).toBeUndefined();
			expect(sent(bed)).toEqual([{ method: 'PATCH', path: `/v1beta1/${name}`, query: { updateMask: 'displayName' }, body: { displayName: 'Reception' } }]);
			expect(result.items[0].json).toEqual(expect.objectContaining({ name, displayName: 'Reception' }));
			expect(bed.emu.getListing(name)?.displayName).toBe('Reception');
		});

		it('clears the display name when the field is added but left empty', async () => {
			await bed.h.runNode({ parameters: listingParams('update', { regulatoryListing: byName(name), updateFields: { displayName: '' } }), credentialId: bed.credentialId });
			expect(sent(bed)[0]).toEqual(expect.objectContaining({ query: { updateMask: 'displayName' }, body: { displayName: '' } }));
			expect(bed.emu.getListing(name)?.displayName ?? '').toBe('');
		});
	});
});
