import type { IDataObject } from 'n8n-workflow';

import { refusedBy, useSeededBed } from '../../../support/setup';
import { byPhone, params } from '../../../support/operations';

/** Phone numbers as typed (phoneNumbers.ts), in the engine: refused naming the field and the item, nothing sent. */
describe('bad input is refused before any request', () => {
	const bed = useSeededBed([{ phoneNumber: '+61255501100', rangeSize: 10 }]);

	const refused = refusedBy(bed);

	const create = (extra: IDataObject) => params('create', { phoneNumber: '+61255501400', ...extra });

	describe('phone numbers', () => {
		it.each([
			['not a number', 'Phone Number "not a number" is not a phone number (write it as +<country code><number>, or set a Default Country for national formats) [item 0]'],
			['+61 2 5550', 'Phone Number "+61 2 5550" is not a valid phone number for +61 [item 0]'],
			['02 5550 1100', /^Phone Number "02 5550 1100" is not a phone number.*\[item 0\]$/],
			['={{ "" }}', 'Phone Number is empty [item 0]'],
		])('create refuses %j', async (phoneNumber, message) => {
			await refused(create({ phoneNumber }), message);
		});

		it('refuses a Default Country that is not a country', async () => {
			await refused(create({ phoneNumber: '02 5550 1100', options: { defaultCountry: 'XX' } }), 'Default Country "XX" is not a two-letter ISO 3166 country code such as AU, NZ or US [item 0]');
		});

		it('refuses a bad number in the By Phone Number locator mode', async () => {
			await refused(params('get', { phoneNumberInstance: byPhone('12') }), /^Phone Number Instance \(By Phone Number\) "12" is not a phone number.*\[item 0\]$/);
		});

		it('refuses a bad Get Many prefix', async () => {
			await refused(params('getMany', { filters: { prefix: '61abc' } }), 'Prefix "61abc" is not a number prefix: use E.164 digits like "+612" or a national prefix like "02" [item 0]');
		});
	});
});
