import { refusedBy, useSeededBed } from '../../../../support/setup';
import { params } from '../../../../support/operations';

/** Create: a batch with one bad item sends nothing. */
describe('refused before sending, never changed without a word', () => {
	const bed = useSeededBed([{ phoneNumber: '+61255501100', id: '12345' }], { inventory: ['+61255509000', '+390612345678'], clearLog: true });

	const refused = refusedBy(bed);

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
