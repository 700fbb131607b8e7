import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { TestBed } from '../../../../support/setup';
import { byName, refusedBy, startTestBed } from '../../../../support/setup';
import { fromList } from '../../../../support/operations';

/**
 * The bad-input catalogue for Phone Number → Search, the Regulatory Listing operations and Move's
 * Regulatory Listing option: each case is refused with the field and the item named, and the
 * emulator sees nothing at all: no API call and no token exchange (each case uses a fresh
 * credential, so a token request would show if the node reached for the network first).
 */
describe('listing and number-search input is refused before any request', () => {
	let bed: TestBed;
	let instance: string;

	beforeAll(async () => {
		bed = await startTestBed('acme');
		[{ name: instance }] = bed.emu.seed('acme', [{ phoneNumber: '+61255501100' }]);
	});
	afterAll(async () => await bed.close());

	const refused = refusedBy(() => bed);

	const node = (resource: 'phoneNumber' | 'regulatoryListing', operation: string, extra: IDataObject = {}): INodeParameters =>
		({ resource, operation, ...extra }) as INodeParameters;
	const expr = (value: string) => `={{ ${JSON.stringify(value)} }}`;

	describe('Regulatory Listing locator (Get, Delete, Update)', () => {
		const listingProblem = ' is not a valid regulatory listing: use "projects/<project>/regulatoryListings/<id>" or the regulatory listing ID [item 0]';
		const withLocator = (operation: string, regulatoryListing: IDataObject) =>
			node('regulatoryListing', operation, { regulatoryListing, ...(operation === 'update' ? { updateFields: { displayName: 'x' } } : {}) });

		describe.each(['get', 'delete', 'update'])('%s', (operation) => {
			it.each([
				'projects/acme/phoneNumberInstances/x',
				'bad id!',
				'projects/acme/regulatoryListings/',
				'projects/Acme/regulatoryListings/abc',
				'projects/acme/regulatoryListings/abc/extra',
			])('By Name from an expression: %j', async (value) => {
				await refused(withLocator(operation, byName(expr(value))), `Regulatory Listing "${value}"${listingProblem}`);
			});

			it('From List with a value that is not a listing', async () => {
				await refused(withLocator(operation, fromList(instance)), `Regulatory Listing "${instance}"${listingProblem}`);
			});

			it('empty', async () => {
				await refused(withLocator(operation, byName('={{ "" }}')), 'Regulatory Listing is empty [item 0]');
				await refused(withLocator(operation, fromList('={{ "  " }}')), 'Regulatory Listing is empty [item 0]');
			});
		});

		it('a typed malformed name is already refused by the editor check (n8n parameter issues)', async () => {
			await refused(withLocator('get', byName('bad id!')), /has issues:[\s\S]*Use projects\/<project>\/regulatoryListings\/<id> or the (regulatory )?listing ID/);
		});

		it('a malformed project is refused before the listing', async () => {
			await refused(node('regulatoryListing', 'get', { project: 'My Project', regulatoryListing: byName('abc') }), /^Project "My Project" is not a valid project.*\[item 0\]$/);
		});
	});
});
