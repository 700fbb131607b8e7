import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { refusedBy, runBy, useSeededBed } from '../../../support/setup';
import { params, sent } from '../../../support/operations';

/** A value of the wrong type (inputError.ts) is named as such, never called empty. */
describe('refused before sending, never changed without a word', () => {
	const bed = useSeededBed([{ phoneNumber: '+61255501100', id: '12345' }], { inventory: ['+61255509000', '+390612345678'], clearLog: true });

	const refused = refusedBy(bed);
	const run = runBy(bed);
	const search = (extra: IDataObject): INodeParameters => ({ resource: 'phoneNumber', operation: 'search', limit: 1, ...extra }) as INodeParameters;

	describe('wrong types are named, not called empty', () => {
		it('a list for Phone Number', async () => {
			await refused(params('create', { phoneNumber: '={{ ["+61255509000"] }}' }), 'Phone Number must be one phone number, not a list (got ["+61255509000"]) [item 0]');
		});

		it('a number for a locator value is its text', async () => {
			const result = await run(params('get', { phoneNumberInstance: { __rl: true, mode: 'name', value: '={{ 12345 }}' } }));
			expect(result.error).toBeUndefined();
			expect(sent(bed)).toEqual([{ method: 'GET', path: '/v1beta1/projects/acme/phoneNumberInstances/12345', query: {}, body: undefined }]);
		});

		it('an object for a locator value', async () => {
			await refused(params('get', { phoneNumberInstance: { __rl: true, mode: 'name', value: '={{ { id: 1 } }}' } }), 'Phone Number Instance must be the instance\'s name or ID, not an object (got {"id":1}) [item 0]');
		});

		it('a number for Country Code', async () => {
			await refused(search({ countryCode: '={{ 61 }}' }), 'Country Code must be a two-letter ISO 3166 country code such as AU, NZ or US, not a number (got 61) [item 0]');
		});

		it('a number for Default Country is refused, not ignored', async () => {
			await refused(params('create', { phoneNumber: '02 5550 9000', options: { defaultCountry: '={{ 61 }}' } }), 'Default Country must be a two-letter ISO 3166 country code such as AU, NZ or US, not a number (got 61) [item 0]');
		});
	});
});
