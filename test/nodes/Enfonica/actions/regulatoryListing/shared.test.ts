import type { IDataObject } from 'n8n-workflow';

import { byName, refusedBy, useSeededBed } from '../../../../support/setup';
import { expression, fromList, nodeParams } from '../../../../support/operations';

/** The Regulatory Listing locator (shared.ts) of Get, Delete and Update: malformed values refused, nothing sent. */
describe('listing and number-search input is refused before any request', () => {
	const bed = useSeededBed([{ phoneNumber: '+61255501100' }]);

	const refused = refusedBy(bed);

	describe('Regulatory Listing locator (Get, Delete, Update)', () => {
		const listingProblem = ' is not a valid regulatory listing: use "projects/<project>/regulatoryListings/<id>" or the regulatory listing ID [item 0]';
		const withLocator = (operation: string, regulatoryListing: IDataObject) =>
			nodeParams('regulatoryListing', operation, { regulatoryListing, ...(operation === 'update' ? { updateFields: { displayName: 'x' } } : {}) });

		describe.each(['get', 'delete', 'update'])('%s', (operation) => {
			it.each([
				'projects/acme/phoneNumberInstances/x',
				'bad id!',
				'projects/acme/regulatoryListings/',
				'projects/Acme/regulatoryListings/abc',
				'projects/acme/regulatoryListings/abc/extra',
			])('By Name from an expression: %j', async (value) => {
				await refused(withLocator(operation, byName(expression(value))), `Regulatory Listing "${value}"${listingProblem}`);
			});

			it('From List with a value that is not a listing', async () => {
				await refused(withLocator(operation, fromList(bed.instance)), `Regulatory Listing "${bed.instance}"${listingProblem}`);
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
			await refused(nodeParams('regulatoryListing', 'get', { project: 'My Project', regulatoryListing: byName('abc') }), /^Project "My Project" is not a valid project.*\[item 0\]$/);
		});
	});
});
