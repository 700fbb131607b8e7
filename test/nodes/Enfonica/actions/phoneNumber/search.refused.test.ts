import type { IDataObject } from 'n8n-workflow';

import { acceptedBy, refusedBy, useSeededBed } from '../../../../support/setup';
import { expression, nodeParams, sent } from '../../../../support/operations';

/** Phone Number → Search: bad input refused naming the field and the item, nothing sent. */
describe('listing and number-search input is refused before any request', () => {
	const bed = useSeededBed([{ phoneNumber: '+61255501100' }]);

	const refused = refusedBy(bed);

	const accepted = acceptedBy(bed);

	describe('Phone Number → Search', () => {
		const search = (extra: IDataObject = {}) => nodeParams('phoneNumber', 'search', { limit: 1, ...extra });
		const countryProblem = ' a two-letter ISO 3166 country code such as AU, NZ or US [item 0]';

		it.each([
			['AUS', `Country Code "AUS" is not${countryProblem}`],
			['1', `Country Code "1" is not${countryProblem}`],
			['XX', `Country Code "XX" is not${countryProblem}`],
			['A1', `Country Code "A1" is not${countryProblem}`],
			['={{ "" }}', `Country Code is required:${countryProblem}`],
			['={{ "   " }}', `Country Code is required:${countryProblem}`],
		])('country code %j', async (countryCode, message) => {
			await refused(search({ countryCode }), message);
		});

		it('a lowercase country code is accepted and sent in capitals', async () => {
			await accepted(search({ countryCode: ' au ' }));
			expect(sent(bed).map((request) => request.query)).toEqual([{ countryCode: 'AU', pageSize: '1' }]);
		});

		it.each([
			['2a', 'Prefix "2a" is not a number prefix: use digits such as 2, 02 or +612 [item 0]'],
			['+61x', 'Prefix "+61x" is not a number prefix: use digits such as 2, 02 or +612 [item 0]'],
			['02 55#', 'Prefix "02 55#" is not a number prefix: use digits such as 2, 02 or +612 [item 0]'],
			['+44 20', 'Prefix "+44 20" is not a number prefix of AU: AU numbers start with +61 [item 0]'],
			['+6', 'Prefix "+6" is not a number prefix of AU: AU numbers start with +61 [item 0]'],
		])('prefix %j in AU', async (prefix, message) => {
			await refused(search({ countryCode: 'AU', filters: { prefix } }), message);
		});

		it('a + prefix is checked against the country given, whatever its case', async () => {
			await refused(search({ countryCode: 'nz', filters: { prefix: '+61 2' } }), 'Prefix "+61 2" is not a number prefix of NZ: NZ numbers start with +64 [item 0]');
		});

		it('a misspelt number type from an expression', async () => {
			await refused(search({ filters: { numberType: expression('LOCALE') } }), 'Number Type has "LOCALE": use LOCAL, MOBILE, NATIONAL, SHARED_RATE, TOLL_FREE [item 0]');
		});

		it('a misspelt capability from an expression', async () => {
			await refused(search({ filters: { capabilities: '={{ ["SMS", "FAX"] }}' } }), 'Capabilities has "FAX": use MMS, SMS, VOICE [item 0]');
			await refused(search({ filters: { capabilities: expression('sms') } }), 'Capabilities has "sms": use MMS, SMS, VOICE [item 0]');
		});

		it('a Limit below 1 from an expression', async () => {
			await refused(search({ limit: '={{ 0 }}' }), 'Limit must be a whole number of at least 1 (got 0) [item 0]');
		});
	});

	it('Number Type with several values from an expression is refused, not cut to the first', async () => {
		await refused(nodeParams('phoneNumber', 'search', { countryCode: 'AU', filters: { numberType: '={{ "LOCAL,MOBILE" }}' } }), /^Number Type has 2 values \(LOCAL, MOBILE\): choose one of .* \[item 0\]$/);
	});
});
