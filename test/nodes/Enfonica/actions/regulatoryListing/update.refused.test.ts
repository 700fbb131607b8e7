import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { TestBed } from '../../../../support/setup';
import { byName, expectAccepted, refusedBy, startTestBed } from '../../../../support/setup';
import { sent } from '../../../../support/operations';

/**
 * The bad-input catalogue for Phone Number → Search, the Regulatory Listing operations and Move's
 * Regulatory Listing option: each case is refused with the field and the item named, and the
 * emulator sees nothing at all: no API call and no token exchange (each case uses a fresh
 * credential, so a token request would show if the node reached for the network first).
 */
describe('listing and number-search input is refused before any request', () => {
	let bed: TestBed;

	beforeAll(async () => {
		bed = await startTestBed('acme');
		bed.emu.seed('acme', [{ phoneNumber: '+61255501100' }]);
	});
	afterAll(async () => await bed.close());

	const refused = refusedBy(() => bed);

	const accepted = async (parameters: INodeParameters, items?: IDataObject[]) => await expectAccepted(bed, parameters, items);

	const node = (resource: 'phoneNumber' | 'regulatoryListing', operation: string, extra: IDataObject = {}): INodeParameters =>
		({ resource, operation, ...extra }) as INodeParameters;
	const long = (n: number) => 'x'.repeat(n);

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
});
