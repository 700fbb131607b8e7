/** Raw-HTTP tests of the emulator's regulatory listing get method (methods/listings/get.ts). */
import { createListing, expectError, listingsPath, PERSON, resourcePath, useEmulatorApi } from '../../testSupport';

const bed = useEmulatorApi('listing-token', 'listing-tests');

const create = async (project: string, body: unknown) => await createListing(bed.api, project, body);

describe('get', () => {
	it('returns 404 for an unknown listing and for a listing of another project', async () => {
		const body = await create('p-get', PERSON);
		const id = body.name.split('/').pop();
		expectError(await bed.api('GET', `${listingsPath('p-get')}/nosuchlisting`), 404, 'NOT_FOUND', 'projects/p-get/regulatoryListings/nosuchlisting');
		expectError(await bed.api('GET', `${listingsPath('p-get-other')}/${id}`), 404, 'NOT_FOUND');
		expectError(await bed.api('GET', `${resourcePath(body.name)}?view=FULL`), 400, 'INVALID_ARGUMENT', 'Unknown name "view"');
	});
});
