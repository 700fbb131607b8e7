import type { TestBed } from '../../../support/setup';
import { refusedBy, startTestBed } from '../../../support/setup';
import { byPhone, params } from '../../../support/operations';

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
