import type { IDataObject } from 'n8n-workflow';

import { acceptedBy, refusedBy, useSeededBed } from '../../../../support/setup';
import { expression, nodeParams, sent } from '../../../../support/operations';

/** Regulatory Listing → Search: bad input refused naming the field and the item, nothing sent. */
describe('listing and number-search input is refused before any request', () => {
	const bed = useSeededBed([{ phoneNumber: '+61255501100' }]);

	const refused = refusedBy(bed);

	const accepted = acceptedBy(bed);

	describe('Regulatory Listing → Search', () => {
		const search = (extra: IDataObject = {}) => nodeParams('regulatoryListing', 'search', { regionCode: 'AU', numberType: 'LOCAL', limit: 5, ...extra });

		it.each([
			['AUS', 'Region Code "AUS" is not a two-letter ISO 3166 country code such as AU, NZ or US [item 0]'],
			['={{ "1" }}', 'Region Code "1" is not a two-letter ISO 3166 country code such as AU, NZ or US [item 0]'],
			['={{ "" }}', 'Region Code is required: a two-letter ISO 3166 country code such as AU, NZ or US [item 0]'],
		])('region code %j', async (regionCode, message) => {
			await refused(search({ regionCode }), message);
		});

		it('number type misspelt or empty from an expression', async () => {
			await refused(search({ numberType: expression('TOLLFREE') }), 'Number Type has "TOLLFREE": use LOCAL, MOBILE, NATIONAL, SHARED_RATE, TOLL_FREE [item 0]');
			await refused(search({ numberType: expression('local') }), 'Number Type has "local": use LOCAL, MOBILE, NATIONAL, SHARED_RATE, TOLL_FREE [item 0]');
			await refused(search({ numberType: '={{ "" }}' }), 'Number Type is required: the kind of number the listing must be usable for [item 0]');
		});

		it('a good search goes out with the region in capitals', async () => {
			await accepted(search({ regionCode: 'nz', numberType: 'MOBILE' }));
			expect(sent(bed).map((request) => [request.path, request.query])).toEqual([
				['/v1beta1/projects/acme/regulatoryListings:search', { regionCode: 'NZ', numberType: 'MOBILE', pageSize: '5' }],
			]);
		});
	});
});
