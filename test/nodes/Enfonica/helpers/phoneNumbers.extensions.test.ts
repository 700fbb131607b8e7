import { refusedBy, useSeededBed } from '../../../support/setup';
import { byPhone, params } from '../../../support/operations';

/** A phone number with an extension (phoneNumbers.ts) is refused wherever a number is read. */
describe('refused before sending, never changed without a word', () => {
	const bed = useSeededBed([{ phoneNumber: '+61255501100', id: '12345' }], { inventory: ['+61255509000', '+390612345678'], clearLog: true });

	const refused = refusedBy(bed);

	describe('a number with an extension is refused wherever a number is read', () => {
		const extension = '"+61 2 5550 1236 ext. 5" has an extension (5): an extension can be neither bought nor looked up, give the number without it [item 0]';

		it('buying', async () => {
			await refused(params('create', { phoneNumber: '+61 2 5550 1236 ext. 5' }), `Phone Number ${extension}`);
		});

		it('looking up (a locator by phone number)', async () => {
			await refused(params('get', { phoneNumberInstance: byPhone('+61 2 5550 1236 ext. 5') }), `Phone Number Instance (By Phone Number) ${extension}`);
		});

		it.each(['+61255501236;ext=5', '+61 2 5550 1236 #5', '+61 2 5550 1236 x5'])('%j', async (phoneNumber) => {
			await refused(params('create', { phoneNumber }), /has an extension \(5\)/);
		});

		it('and text around a number', async () => {
			await refused(params('create', { phoneNumber: 'call +61 2 5550 1236 now' }), 'Phone Number "call +61 2 5550 1236 now" has characters that are not part of a phone number: give the number alone [item 0]');
		});
	});
});
