/** Raw-HTTP tests of the emulator's regulatory listing get method (methods/listings/get.ts). */
import { startEmulator, type Emulator } from '../..';
import { apiClient, createListing, expectError, listingsPath, PERSON, resourcePath, type ApiClient } from '../../testSupport';

let emu: Emulator;
let api: ApiClient;

beforeAll(async () => {
	emu = await startEmulator();
	emu.addBearerToken('listing-token', { label: 'listing-tests' });
	api = apiClient(emu.baseUrl, 'listing-token');
});

afterAll(() => emu.close());

const create = async (project: string, body: unknown) => await createListing(api, project, body);

describe('get', () => {
	it('returns 404 for an unknown listing and for a listing of another project', async () => {
		const body = await create('p-get', PERSON);
		const id = body.name.split('/').pop();
		expectError(await api('GET', `${listingsPath('p-get')}/nosuchlisting`), 404, 'NOT_FOUND', 'projects/p-get/regulatoryListings/nosuchlisting');
		expectError(await api('GET', `${listingsPath('p-get-other')}/${id}`), 404, 'NOT_FOUND');
		expectError(await api('GET', `${resourcePath(body.name)}?view=FULL`), 400, 'INVALID_ARGUMENT', 'Unknown name "view"');
	});
});
