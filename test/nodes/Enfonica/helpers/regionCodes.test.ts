import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { refusedBy, runBy, useSeededBed } from '../../../support/setup';
import { sent } from '../../../support/operations';

/** Region codes (regionCodes.ts): ISO 3166-1 alpha-2 only, the same rule in every operation. */
describe('refused before sending, never changed without a word', () => {
	const bed = useSeededBed([{ phoneNumber: '+61255501100', id: '12345' }], { inventory: ['+61255509000', '+390612345678'], clearLog: true });

	const refused = refusedBy(bed);
	const run = runBy(bed);
	const search = (extra: IDataObject): INodeParameters => ({ resource: 'phoneNumber', operation: 'search', limit: 1, ...extra }) as INodeParameters;
	const listing = (extra: IDataObject): INodeParameters =>
		({ resource: 'regulatoryListing', operation: 'create', entityType: 'business', businessName: 'Acme Pty Ltd', addressLines: '10 Example Street', ...extra }) as INodeParameters;

	describe('region codes: ISO 3166-1 alpha-2 only, one rule everywhere', () => {
		it.each(['UK', 'EU'])('a listing address in %j is refused', async (regionCode) => {
			await refused(listing({ regionCode }), new RegExp(`^Region Code "${regionCode}" is not a two-letter ISO 3166 country code such as AU, NZ or US.* \\[item 0\\]$`));
		});

		it('UK says which code to use', async () => {
			await refused(listing({ regionCode: 'uk' }), 'Region Code "UK" is not a two-letter ISO 3166 country code such as AU, NZ or US (use GB) [item 0]');
		});

		it.each(['UK', 'EU', 'XK'])('Phone Number → Search and Regulatory Listing → Search refuse %j too', async (code) => {
			await refused(search({ countryCode: code }), /^Country Code ".." is not a two-letter ISO 3166 country code/);
			await refused({ resource: 'regulatoryListing', operation: 'search', regionCode: code, numberType: 'LOCAL' } as INodeParameters, /^Region Code ".." is not a two-letter ISO 3166 country code/);
		});

		it('a listing in Antarctica (assigned, no phone numbers) is still accepted', async () => {
			const result = await run(listing({ regionCode: 'aq' }));
			expect(result.error).toBeUndefined();
			expect(sent(bed)[0].body).toEqual(expect.objectContaining({ address: { addressLines: ['10 Example Street'], regionCode: 'AQ' } }));
		});
	});
});
