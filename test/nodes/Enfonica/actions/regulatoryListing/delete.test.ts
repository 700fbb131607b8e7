import { byName, useTestBed } from '../../../../support/setup';
import { jsonOf, listingParams, sent, SYDNEY } from '../../../../support/operations';

describe('Regulatory Listing', () => {
	const bed = useTestBed('acme');

	beforeEach(() => bed.emu.clearLog());

	describe('Delete', () => {
		let name: string;
		beforeEach(() => {
			[{ name }] = bed.emu.seedListings('acme', [{ displayName: 'Front desk', business: { business: 'Acme Pty Ltd' }, address: SYDNEY, valid: true, verified: true }]);
			bed.emu.clearLog();
		});

		it('deletes a listing and outputs what was deleted', async () => {
			const result = await bed.h.runNode({ parameters: listingParams('delete', { regulatoryListing: byName(name) }), credentialId: bed.credentialId });
			expect(result.error).toBeUndefined();
			expect(sent(bed)).toEqual([{ method: 'DELETE', path: `/v1beta1/${name}`, query: {}, body: undefined }]);
			expect(jsonOf(result.items)).toEqual([{ name, deleted: true }]);
			expect(bed.emu.getListing(name)).toBeUndefined();
		});

		it('reports a delete whose answer was lost, and whose retry found the listing gone, as done', async () => {
			bed.emu.injectFault({ method: 'DELETE', path: `/v1beta1/${name}`, fault: { kind: 'status', status: 503 }, applyAfterProcessing: true });
			const result = await bed.h.runNode({ parameters: listingParams('delete', { regulatoryListing: byName(name) }), credentialId: bed.credentialId });
			expect(result.error).toBeUndefined();
			expect(sent(bed).map(({ method }) => method)).toEqual(['DELETE', 'DELETE']);
			expect(jsonOf(result.items)).toEqual([{ name, deleted: true }]);
		});

		it('keeps a plain 404 (the listing never existed) an error', async () => {
			const missing = name.replace(/[^/]+$/, 'nosuchlisting');
			const result = await bed.h.runNode({ parameters: listingParams('delete', { regulatoryListing: byName(missing) }), credentialId: bed.credentialId });
			expect(result.error?.message).toMatch(/was not found$/);
		});

		it('refuses to delete a listing an active number uses, saying why and how to fix it', async () => {
			const [{ name: instance }] = bed.emu.seed('acme', [{ phoneNumber: '+61255501777' }]);
			bed.emu.setRegulatoryListing(instance, name);
			const result = await bed.h.runNode({ parameters: listingParams('delete', { regulatoryListing: byName(name) }), credentialId: bed.credentialId });
			expect(result.error?.message).toBe(`The regulatory listing ${name} is still used by a phone number and cannot be deleted`);
			expect(result.error?.description).toContain(instance);
			expect(result.error?.description).toMatch(/Move those numbers to another listing .* or delete them, then delete the listing/);
			expect(bed.emu.getListing(name)).toBeDefined();
		});
	});
});
