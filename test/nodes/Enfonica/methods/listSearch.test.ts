import type { INodeParameters } from 'n8n-workflow';

import type { RegulatoryListingJson, SeedListing } from '../../../emulator';
import { useTestBed } from '../../../support/setup';
import { searchList } from '../../../harness/listSearch';
import { fromList, listingParams, selected, sent } from '../../../support/operations';

describe('Regulatory Listing locator: From List (searchRegulatoryListings)', () => {
	const bed = useTestBed('acme');
	/** Allowed on acme and beta; its key's project is acme. */
	let twoProjects: string;
	let headOffice: RegulatoryListingJson;
	let ada: RegulatoryListingJson;
	let warehouse: RegulatoryListingJson;
	let widget: RegulatoryListingJson;
	let bulk: RegulatoryListingJson[];
	let betaListing: RegulatoryListingJson;

	const BULK = 120;
	const gb = { addressLines: ['1 High Street'], locality: 'London', postalCode: 'SW1A 1AA', regionCode: 'GB' };

	beforeAll(() => {
		const key = bed.emu.createServiceAccount({ projectId: 'acme', projects: ['acme', 'beta'] });
		twoProjects = bed.h.addCredential({ authentication: 'serviceAccountKey', serviceAccountKey: JSON.stringify(key), baseUrl: bed.emu.baseUrl, tokenUrl: bed.emu.tokenUrl }).id;
		// Older than the named ones, so the named four lead the first page (newest first).
		bulk = bed.emu.seedListings(
			'acme',
			Array.from({ length: BULK }, (_, i): SeedListing => ({
				business: { business: `Bulk ${String(i).padStart(3, '0')} Pty Ltd` },
				address: gb,
				createTime: new Date(Date.UTC(2020, 0, 1, 0, 0, i)).toISOString(),
			})),
		);
		[headOffice, ada, warehouse, widget] = bed.emu.seedListings('acme', [
			{
				displayName: 'Head Office',
				business: { business: 'Acme Holdings Pty Ltd' },
				address: { addressLines: ['1 Example Street'], locality: 'Sydney', administrativeArea: 'NSW', postalCode: '2000', regionCode: 'AU' },
				createTime: '2024-05-05T00:00:00Z',
				valid: true,
				verified: true,
			},
			{
				person: { givenName: 'Ada', familyName: 'Lovelace' },
				address: { addressLines: ['1 Queen Street'], locality: 'Auckland', administrativeArea: 'Auckland', postalCode: '1010', regionCode: 'NZ' },
				createTime: '2024-05-04T00:00:00Z',
				valid: false,
				verified: false,
			},
			{
				displayName: 'Warehouse',
				person: { givenName: 'Grace', familyName: 'Hopper' },
				address: { addressLines: ['1 Main Street'], locality: 'Springfield', administrativeArea: 'IL', postalCode: '62701', regionCode: 'US' },
				createTime: '2024-05-03T00:00:00Z',
				valid: true,
				verified: false,
			},
			{
				business: { business: 'Widget Co' },
				address: { addressLines: ['2 Example Street'], locality: 'Melbourne', administrativeArea: 'VIC', postalCode: '3000', regionCode: 'AU' },
				createTime: '2024-05-02T00:00:00Z',
				valid: false,
				verified: true,
			},
		]);
		[betaListing] = bed.emu.seedListings('beta', [{ displayName: 'Beta Desk', business: { business: 'Beta Ltd' }, address: gb, valid: true, verified: false }]);
	});
	beforeEach(() => bed.emu.clearLog());

	const search = async (options: { filter?: string; paginationToken?: string; parameters?: INodeParameters; credentialId?: string } = {}) =>
		await searchList(bed.h, {
			method: 'searchRegulatoryListings',
			parameters: options.parameters ?? listingParams('get'),
			credentialId: options.credentialId ?? bed.credentialId,
			filter: options.filter,
			paginationToken: options.paginationToken,
		});

	it('labels show display name (or legal name) · entity · region · review state; values are full resource names', async () => {
		const { results } = await search();
		expect(results.slice(0, 4)).toEqual([
			{ name: 'Head Office · business: Acme Holdings Pty Ltd · AU · valid, verified', value: headOffice.name },
			{ name: 'Ada Lovelace · person · NZ · not valid, not verified', value: ada.name },
			{ name: 'Warehouse · person: Grace Hopper · US · valid, not verified', value: warehouse.name },
			{ name: 'Widget Co · business · AU · not valid, verified', value: widget.name },
		]);
		expect(results[4]).toEqual({ name: `Bulk ${String(BULK - 1)} Pty Ltd · business · GB · valid, not verified`, value: bulk[BULK - 1].name });
		for (const result of results) expect(result.value).toMatch(/^projects\/acme\/regulatoryListings\/[a-z0-9-]+$/);
	});

	it('the review state in the label is read fresh from Enfonica each time', async () => {
		bed.emu.setListingValid(ada.name, true);
		bed.emu.setListingVerified(ada.name, true);
		bed.emu.setListingVerified(headOffice.name, false);
		try {
			const { results } = await search({ filter: 'a' });
			const labelOf = (name: string) => results.find((result) => result.value === name)?.name;
			expect(labelOf(ada.name)).toBe('Ada Lovelace · person · NZ · valid, verified');
			expect(labelOf(headOffice.name)).toBe('Head Office · business: Acme Holdings Pty Ltd · AU · valid, not verified');
		} finally {
			bed.emu.setListingValid(ada.name, false);
			bed.emu.setListingVerified(ada.name, false);
			bed.emu.setListingVerified(headOffice.name, true);
		}
	});

	it('pages through the project with the API page token', async () => {
		const first = await search();
		expect(first.results).toHaveLength(100);
		expect(first.paginationToken).toEqual(expect.any(String));
		const second = await search({ paginationToken: first.paginationToken });
		expect(second.results).toHaveLength(BULK + 4 - 100);
		expect(second.paginationToken).toBeUndefined();
		// Newest first throughout: the second page ends with the oldest bulk listing.
		expect(second.results.at(-1)).toEqual({ name: 'Bulk 000 Pty Ltd · business · GB · valid, not verified', value: bulk[0].name });
		const values = new Set([...first.results, ...second.results].map((result) => result.value));
		expect(values.size).toBe(BULK + 4);
		expect(values.has(betaListing.name)).toBe(false);
		expect(sent(bed)).toEqual([
			{ method: 'GET', path: '/v1beta1/projects/acme/regulatoryListings', query: { pageSize: '100' }, body: undefined },
			{ method: 'GET', path: '/v1beta1/projects/acme/regulatoryListings', query: { pageSize: '100', pageToken: first.paginationToken }, body: undefined },
		]);
	});

	describe('typed text', () => {
		it.each([
			['head', 'display name'],
			['HOLDINGS', 'business legal name, with a display name set'],
			['lovelace', "person's family name, no display name"],
			['grace', "person's given name, with a display name set"],
			['  wIdGeT co ', 'business legal name, trimmed, any case'],
		])('%j matches by %s', async (filter) => {
			const { results } = await search({ filter });
			const expected = { head: headOffice, holdings: headOffice, lovelace: ada, grace: warehouse, 'widget co': widget }[filter.trim().toLowerCase()];
			expect(results.map((result) => result.value)).toEqual([expected?.name]);
		});

		it('matches the full name of a person (given and family together)', async () => {
			const { results } = await search({ filter: 'Ada Lovelace' });
			expect(results.map((result) => result.value)).toEqual([ada.name]);
		});

		it('does not match on region, entity type or review state (only names)', async () => {
			// (Not 'US': "Warehouse" contains it.)
			for (const filter of ['NZ', 'GB', 'person', 'verified']) {
				const { results } = await search({ filter });
				expect({ filter, values: results.map((result) => result.value) }).toEqual({ filter, values: [] });
			}
		});

		it('filters each page and still follows the page token', async () => {
			const first = await search({ filter: 'bulk' });
			expect(first.results).toHaveLength(100 - 4);
			expect(first.paginationToken).toEqual(expect.any(String));
			const second = await search({ filter: 'bulk', paginationToken: first.paginationToken });
			expect(second.results).toHaveLength(BULK + 4 - 100);
			expect(second.paginationToken).toBeUndefined();
			expect(new Set([...first.results, ...second.results].map((result) => result.value))).toEqual(new Set(bulk.map((listing) => listing.name)));
			// The text is not sent to the API (it has no such filter): the same two list calls.
			expect(sent(bed).map((request) => request.query)).toEqual([{ pageSize: '100' }, { pageSize: '100', pageToken: first.paginationToken }]);
		});

		it('an old listing (page 2) is in the first answer: a filtered search reads on until it has matches', async () => {
			const { results, paginationToken } = await search({ filter: 'Bulk 000' });
			expect(results.map((result) => result.value)).toEqual([bulk[0].name]);
			expect(paginationToken).toBeUndefined();
			expect(sent(bed)).toHaveLength(2);
		});

		it('a filter matching nothing reads to the end and answers no results, no token', async () => {
			const { results, paginationToken } = await search({ filter: 'no such listing' });
			expect(results).toEqual([]);
			expect(paginationToken).toBeUndefined();
			expect(sent(bed)).toHaveLength(2);
		});
	});

	describe('project', () => {
		it("lists the node's Project over the credential's", async () => {
			for (const project of ['beta', 'projects/beta']) {
				bed.emu.clearLog();
				const { results, paginationToken } = await search({ parameters: listingParams('get', { project }), credentialId: twoProjects });
				expect(results).toEqual([{ name: 'Beta Desk · business: Beta Ltd · GB · valid, not verified', value: betaListing.name }]);
				expect(paginationToken).toBeUndefined();
				expect(sent(bed).map((request) => request.path)).toEqual(['/v1beta1/projects/beta/regulatoryListings']);
			}
		});

		it("without a node Project, the credential's (the key's) project", async () => {
			const { results } = await search({ parameters: listingParams('update', { project: '' }), credentialId: twoProjects });
			expect(results[0].value).toBe(headOffice.name);
			expect(sent(bed).map((request) => request.path)).toEqual(['/v1beta1/projects/acme/regulatoryListings']);
		});

		it('a project the credential may not touch: the API refusal comes through', async () => {
			await expect(search({ parameters: listingParams('get', { project: 'beta' }) })).rejects.toThrow(/not allowed to list regulatory listings in projects\/beta/);
			expect(sent(bed)[0].path).toBe('/v1beta1/projects/beta/regulatoryListings');
		});

		it('a malformed node Project is refused without a request', async () => {
			await expect(search({ parameters: listingParams('get', { project: 'My Project' }) })).rejects.toThrow(/^Project "My Project" is not a valid project/);
			expect(sent(bed)).toHaveLength(0);
		});
	});

	describe('the chosen value', () => {
		it.each(['get', 'delete', 'update'])('%s uses the chosen resource name as it is', async (operation) => {
			const [chosen] = bed.emu.seedListings('acme', [{ displayName: `For ${operation}`, business: { business: 'Chosen Ltd' }, address: gb, createTime: '2019-01-01T00:00:00Z' }]);
			const result = await bed.h.runNode({
				parameters: listingParams(operation, { regulatoryListing: fromList(chosen.name), ...(operation === 'update' ? { updateFields: { displayName: 'Renamed' } } : {}) }),
				credentialId: bed.credentialId,
			});
			expect(result.error).toBeUndefined();
			expect(sent(bed).map((request) => [request.method, request.path])).toEqual([[{ get: 'GET', delete: 'DELETE', update: 'PATCH' }[operation], `/v1beta1/${chosen.name}`]]);
			expect(result.items[0].json.name).toBe(chosen.name);
		});

		it("a listing of another project chosen from the list is used as it is, not re-rooted in the node's project", async () => {
			const result = await bed.h.runNode({ parameters: listingParams('get', { regulatoryListing: fromList(betaListing.name), ...selected('project', 'displayName') }), credentialId: twoProjects });
			expect(result.error).toBeUndefined();
			expect(sent(bed).map((request) => request.path)).toEqual([`/v1beta1/${betaListing.name}`]);
			expect(result.items[0].json).toEqual(expect.objectContaining({ name: betaListing.name, project: 'projects/beta', displayName: 'Beta Desk' }));
		});
	});
});
