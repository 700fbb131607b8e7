/** The sample listings (seedListings.ts, sample.ts) a fresh emulator is seeded with for the demo and real n8n. */
import { startEmulator, type Emulator, type RegulatoryListingJson } from '.';
import { apiClient, expectError, listingsPath, resourcePath, searchPath, type ApiClient } from './testSupport';

describe('sample listings', () => {
	let sample: Emulator;
	let sampleApi: ApiClient;

	beforeAll(async () => {
		sample = await startEmulator();
		sample.addBearerToken('sample');
		sampleApi = apiClient(sample.baseUrl, 'sample');
	});

	afterAll(() => sample.close());

	it('has a verified AU business listing, an unverified AU person listing and one under review, used by sample instances', async () => {
		const { regulatoryListings } = sample.seedSample();
		const business = 'projects/demo-project/regulatoryListings/acme-sydney';
		const person = 'projects/demo-project/regulatoryListings/jane-citizen';
		expect(regulatoryListings).toEqual([business, person, 'projects/demo-project/regulatoryListings/harbour-cafe']);
		expect(sample.getListing(business)).toMatchObject({ business: { business: expect.any(String) }, address: { regionCode: 'AU' }, valid: true, verified: true });
		expect(sample.getListing(person)).toMatchObject({ person: { givenName: 'Jane', familyName: 'Citizen' }, valid: true });
		expect(sample.getListing(person)).not.toHaveProperty('verified');
		const instances = sample.listStored('demo-project', { includeDeleted: true });
		expect(instances).toHaveLength(9);
		expect(instances.filter((i) => i.regulatoryListing === business).map((i) => i.displayName).sort()).toEqual(['Customer hotline', 'Sydney reception']);
		expect(instances.filter((i) => i.regulatoryListing === person).map((i) => i.displayName).sort()).toEqual(['Melbourne office', 'Old fax line']);
		expectError(await sampleApi('DELETE', resourcePath(business)), 400, 'FAILED_PRECONDITION');
		const mobile = await sampleApi('GET', searchPath('demo-project', 'regionCode=AU&numberType=MOBILE'));
		expect(mobile.json.regulatoryListings.map((l: RegulatoryListingJson) => l.name)).toEqual([business]);
		expect((await sampleApi('GET', listingsPath('demo-project-2'))).json).toEqual({});
	});
});
