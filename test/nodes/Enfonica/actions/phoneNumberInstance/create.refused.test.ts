import type { TestBed } from '../../../../support/setup';
import { refusedBy, startTestBed } from '../../../../support/setup';
import { params } from '../../../../support/operations';

/**
 * What Enfonica would refuse is refused before anything is sent, and values are never changed
 * without a word: one rule per kind of value (phone number, handler URI, region code, text,
 * prefix), whatever the operation.
 */
describe('refused before sending, never changed without a word', () => {
	let bed: TestBed;

	beforeAll(async () => {
		bed = await startTestBed('acme');
		bed.emu.seed('acme', [{ phoneNumber: '+61255501100', id: '12345' }]);
		bed.emu.addInventoryNumbers(['+61255509000', '+390612345678']);
	});
	afterAll(async () => await bed.close());
	beforeEach(() => bed.emu.clearLog());

	const refused = refusedBy(() => bed);

	describe('a Create batch with one bad item sends nothing', () => {
		it('5 items, the 4th with the call handler tel:+6125: 0 requests, the item and the field named', async () => {
			const items = ['+61255502001', '+61255502002', '+61255502003', '+61255502004', '+61255502005'].map((phoneNumber, i) => ({ phoneNumber, target: i === 3 ? 'tel:+6125' : 'tel:+61255501000' }));
			await refused(
				params('create', { phoneNumber: '={{ $json.phoneNumber }}', additionalFields: { incomingCallHandlerUris: '={{ $json.target }}' } }),
				'Incoming Call Handler URIs has "tel:+6125", whose number is not a valid phone number for +61 [item 3]',
				items,
			);
			expect(bed.emu.listStored('acme')).toHaveLength(1);
		});
	});
});
