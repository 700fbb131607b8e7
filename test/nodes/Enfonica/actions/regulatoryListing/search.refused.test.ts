import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { TestBed } from '../../../../support/setup';
import { expectAccepted, refusedBy, startTestBed } from '../../../../support/setup';
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
	const expr = (value: string) => `={{ ${JSON.stringify(value)} }}`;

	describe('Regulatory Listing → Search', () => {
		const search = (extra: IDataObject = {}) => node('regulatoryListing', 'search', { regionCode: 'AU', numberType: 'LOCAL', limit: 5, ...extra });

		it.each([
			['AUS', 'Region Code "AUS" is not a two-letter ISO 3166 country code such as AU, NZ or US [item 0]'],
			['={{ "1" }}', 'Region Code "1" is not a two-letter ISO 3166 country code such as AU, NZ or US [item 0]'],
			['={{ "" }}', 'Region Code is required: a two-letter ISO 3166 country code such as AU, NZ or US [item 0]'],
		])('region code %j', async (regionCode, message) => {
			await refused(search({ regionCode }), message);
		});

		it('number type misspelt or empty from an expression', async () => {
			await refused(search({ numberType: expr('TOLLFREE') }), 'Number Type has "TOLLFREE": use LOCAL, MOBILE, NATIONAL, SHARED_RATE, TOLL_FREE [item 0]');
			await refused(search({ numberType: expr('local') }), 'Number Type has "local": use LOCAL, MOBILE, NATIONAL, SHARED_RATE, TOLL_FREE [item 0]');
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
