import type { IDataObject } from 'n8n-workflow';

import { acceptedBy, byName, refusedBy, useSeededBed } from '../../../../support/setup';
import { nodeParams, sent, textOfLength } from '../../../../support/operations';

/** Regulatory Listing → Update: bad input refused naming the field and the item, nothing sent. */
describe('listing and number-search input is refused before any request', () => {
	const bed = useSeededBed([{ phoneNumber: '+61255501100' }]);

	const refused = refusedBy(bed);

	const accepted = acceptedBy(bed);

	describe('Regulatory Listing → Update', () => {
		const update = (updateFields: IDataObject, regulatoryListing: IDataObject = byName('abc123')) => nodeParams('regulatoryListing', 'update', { regulatoryListing, updateFields });

		it('no field in Update Fields', async () => {
			await refused(update({}), 'Update Fields is empty: add Display Name (the only field of a listing that can change) [item 0]');
		});

		it('display name over 100', async () => {
			await refused(update({ displayName: textOfLength(101) }), 'Display Name is 101 characters long: Enfonica allows at most 100 [item 0]');
			await refused(update({ displayName: `={{ "${'😀'.repeat(101)}" }}` }), 'Display Name is 101 characters long: Enfonica allows at most 100 [item 0]');
		});

		it('an empty display name is a change (it clears it), not a refusal', async () => {
			const [listing] = bed.emu.seedListings('acme', [{ displayName: 'Old', business: { business: 'Acme' }, address: { addressLines: ['1 St'], regionCode: 'GB' } }]);
			await accepted(update({ displayName: '' }, byName(listing.name)));
			expect(sent(bed)).toEqual([{ method: 'PATCH', path: `/v1beta1/${listing.name}`, query: { updateMask: 'displayName' }, body: { displayName: '' } }]);
		});
	});
});
