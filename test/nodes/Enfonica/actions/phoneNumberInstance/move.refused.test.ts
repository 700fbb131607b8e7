import { byName, freshCredential, refusedBy, useSeededBed } from '../../../../support/setup';
import { params, sent } from '../../../../support/operations';

/** Move's Regulatory Listing option: bad values refused naming the item, nothing sent. */
describe('listing and number-search input is refused before any request', () => {
	const bed = useSeededBed([{ phoneNumber: '+61255501100' }]);

	const refused = refusedBy(bed);

	describe('Phone Number Instance → Move, option Regulatory Listing', () => {
		const move = (regulatoryListing: string, destinationProject = 'beta') =>
			params('move', { phoneNumberInstance: byName(bed.instance), destinationProject, options: { regulatoryListing } });

		it('a value that is not text (an expression giving a number)', async () => {
			await refused(move('={{ 12345 }}'), 'Regulatory Listing must be text, the listing\'s name or ID (got 12345) [item 0]');
		});

		it('a listing of another project than the destination', async () => {
			await refused(
				move('projects/other/regulatoryListings/abc'),
				'Regulatory Listing is in projects/other, not in the destination project projects/beta: a moved number can only use a listing of its new project [item 0]',
			);
		});

		it("a listing of the instance's own (source) project", async () => {
			await refused(
				move('projects/acme/regulatoryListings/abc', 'projects/beta'),
				'Regulatory Listing is in projects/acme, not in the destination project projects/beta: a moved number can only use a listing of its new project [item 0]',
			);
		});

		it.each(['bad id!', 'projects/beta/phoneNumberInstances/abc', 'projects/beta/regulatoryListings/', 'projects/beta'])('a malformed listing %j', async (value) => {
			await refused(move(value), `Regulatory Listing "${value}" is not a valid regulatory listing: use "projects/<project>/regulatoryListings/<id>" or the regulatory listing ID [item 0]`);
		});

		it('in a batch, a bad listing on item 1 stops item 0 from moving too', async () => {
			await refused(
				params('move', { phoneNumberInstance: byName(bed.instance), destinationProject: 'beta', options: { regulatoryListing: '={{ $json.listing }}' } }),
				/^Regulatory Listing is in projects\/other, not in the destination project projects\/beta.*\[item 1\]$/,
				[{ listing: 'abc' }, { listing: 'projects/other/regulatoryListings/abc' }],
			);
			expect(bed.emu.getInstance(bed.instance)?.name).toBe(bed.instance);
		});

		it('a bare ID is taken within the destination project and sent (the move itself is then up to Enfonica)', async () => {
			const credentialId = freshCredential(bed);
			bed.emu.clearLog();
			await bed.h.runNode({ parameters: move('abc123'), credentialId });
			expect(sent(bed)).toEqual([
				{ method: 'POST', path: `/v1beta1/${bed.instance}:move`, query: {}, body: { destinationParent: 'projects/beta', regulatoryListing: 'projects/beta/regulatoryListings/abc123' } },
			]);
		});
	});
});
