import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { TestBed } from '../../../../support/setup';
import { byName, startTestBed } from '../../../../support/setup';
import { jsonOf, params, selected, sent } from '../../../../support/operations';

const listing = (operation: string, extra: IDataObject = {}): INodeParameters => ({ resource: 'regulatoryListing', operation, ...extra }) as INodeParameters;

const SYDNEY = { addressLines: ['Level 1', '123 Example Street'], locality: 'Sydney', administrativeArea: 'NSW', postalCode: '2000', regionCode: 'AU' };

describe('Regulatory Listing', () => {
	let bed: TestBed;

	beforeAll(async () => {
		bed = await startTestBed('acme');
	});
	afterAll(async () => await bed.close());
	beforeEach(() => bed.emu.clearLog());

	describe('Create', () => {
		it('creates a business listing: the body as the API takes it, the listing simplified', async () => {
			const result = await bed.h.runNode({
				parameters: listing('create', {
					entityType: 'business',
					businessName: '  Acme Pty Ltd ',
					addressLines: 'Level 1\n123 Example Street\n',
					locality: 'Sydney',
					administrativeArea: 'NSW',
					postalCode: '2000',
					regionCode: 'au',
					additionalFields: { displayName: 'Acme HQ' },
				}),
				credentialId: bed.credentialId,
			});
			expect(result.error).toBeUndefined();
			expect(sent(bed)).toEqual([
				{
					method: 'POST',
					path: '/v1beta1/projects/acme/regulatoryListings',
					query: {},
					body: { business: { business: 'Acme Pty Ltd' }, address: SYDNEY, displayName: 'Acme HQ' },
				},
			]);
			const [created] = jsonOf(result.items);
			expect(created).toEqual({
				name: expect.stringMatching(/^projects\/acme\/regulatoryListings\/[a-z0-9]+$/),
				id: expect.any(String),
				displayName: 'Acme HQ',
				entityType: 'business',
				givenName: '',
				familyName: '',
				businessName: 'Acme Pty Ltd',
				regionCode: 'AU',
				valid: true,
				verified: false,
			});
			expect(bed.emu.getListing(created.name as string)).toBeDefined();
		});

		it('creates a person listing in a region without extra rules, leaving empty fields out', async () => {
			const result = await bed.h.runNode({
				parameters: listing('create', { entityType: 'person', givenName: 'Jane', familyName: 'Citizen', addressLines: '1 High Street', regionCode: 'GB' }),
				credentialId: bed.credentialId,
			});
			expect(result.error).toBeUndefined();
			expect(sent(bed)[0].body).toEqual({ person: { givenName: 'Jane', familyName: 'Citizen' }, address: { addressLines: ['1 High Street'], regionCode: 'GB' } });
			expect(result.items[0].json).toEqual(expect.objectContaining({ entityType: 'person', givenName: 'Jane', familyName: 'Citizen', businessName: '', displayName: '' }));
		});
	});

	describe('Get, Update, Delete', () => {
		let name: string;
		beforeEach(() => {
			[{ name }] = bed.emu.seedListings('acme', [{ displayName: 'Front desk', business: { business: 'Acme Pty Ltd' }, address: SYDNEY, valid: true, verified: true }]);
			bed.emu.clearLog();
		});

		it('gets a listing by bare ID within the project, and raw with Output Raw', async () => {
			const id = name.split('/').pop() as string;
			const result = await bed.h.runNode({ parameters: listing('get', { regulatoryListing: byName(id) }), credentialId: bed.credentialId });
			expect(sent(bed)).toEqual([{ method: 'GET', path: `/v1beta1/${name}`, query: {}, body: undefined }]);
			expect(result.items[0].json).toEqual(expect.objectContaining({ name, displayName: 'Front desk', valid: true, verified: true, entityType: 'business' }));
			const raw = await bed.h.runNode({ parameters: listing('get', { regulatoryListing: byName(name), outputFormat: 'raw' }), credentialId: bed.credentialId });
			expect(raw.items[0].json).toEqual(bed.emu.getListing(name));
		});

		it('updates the display name with one PATCH and updateMask=displayName', async () => {
			const result = await bed.h.runNode({ parameters: listing('update', { regulatoryListing: byName(name), updateFields: { displayName: 'Reception' } }), credentialId: bed.credentialId });
			expect(result.error).toBeUndefined();
			expect(sent(bed)).toEqual([{ method: 'PATCH', path: `/v1beta1/${name}`, query: { updateMask: 'displayName' }, body: { displayName: 'Reception' } }]);
			expect(result.items[0].json).toEqual(expect.objectContaining({ name, displayName: 'Reception' }));
			expect(bed.emu.getListing(name)?.displayName).toBe('Reception');
		});

		it('clears the display name when the field is added but left empty', async () => {
			await bed.h.runNode({ parameters: listing('update', { regulatoryListing: byName(name), updateFields: { displayName: '' } }), credentialId: bed.credentialId });
			expect(sent(bed)[0]).toEqual(expect.objectContaining({ query: { updateMask: 'displayName' }, body: { displayName: '' } }));
			expect(bed.emu.getListing(name)?.displayName ?? '').toBe('');
		});

		it('deletes a listing and outputs what was deleted', async () => {
			const result = await bed.h.runNode({ parameters: listing('delete', { regulatoryListing: byName(name) }), credentialId: bed.credentialId });
			expect(result.error).toBeUndefined();
			expect(sent(bed)).toEqual([{ method: 'DELETE', path: `/v1beta1/${name}`, query: {}, body: undefined }]);
			expect(jsonOf(result.items)).toEqual([{ name, deleted: true }]);
			expect(bed.emu.getListing(name)).toBeUndefined();
		});

		it('reports a delete whose answer was lost, and whose retry found the listing gone, as done', async () => {
			bed.emu.injectFault({ method: 'DELETE', path: `/v1beta1/${name}`, fault: { kind: 'status', status: 503 }, applyAfterProcessing: true });
			const result = await bed.h.runNode({ parameters: listing('delete', { regulatoryListing: byName(name) }), credentialId: bed.credentialId });
			expect(result.error).toBeUndefined();
			expect(sent(bed).map(({ method }) => method)).toEqual(['DELETE', 'DELETE']);
			expect(jsonOf(result.items)).toEqual([{ name, deleted: true }]);
		});

		it('keeps a plain 404 (the listing never existed) an error', async () => {
			const missing = name.replace(/[^/]+$/, 'nosuchlisting');
			const result = await bed.h.runNode({ parameters: listing('delete', { regulatoryListing: byName(missing) }), credentialId: bed.credentialId });
			expect(result.error?.message).toMatch(/was not found$/);
		});

		it('refuses to delete a listing an active number uses, saying why and how to fix it', async () => {
			const [{ name: instance }] = bed.emu.seed('acme', [{ phoneNumber: '+61255501777' }]);
			bed.emu.setRegulatoryListing(instance, name);
			const result = await bed.h.runNode({ parameters: listing('delete', { regulatoryListing: byName(name) }), credentialId: bed.credentialId });
			expect(result.error?.message).toBe(`The regulatory listing ${name} is still used by a phone number and cannot be deleted`);
			expect(result.error?.description).toContain(instance);
			expect(result.error?.description).toMatch(/Move those numbers to another listing .* or delete them, then delete the listing/);
			expect(bed.emu.getListing(name)).toBeDefined();
		});
	});

	describe('Get Many and Search', () => {
		beforeAll(() => {
			bed.emu.seedListings('acme', [
				{ displayName: 'AU valid verified', business: { business: 'A' }, address: SYDNEY, valid: true, verified: true, createTime: '2026-01-03T00:00:00Z' },
				{ displayName: 'AU valid only', person: { givenName: 'B', familyName: 'C' }, address: SYDNEY, valid: true, verified: false, createTime: '2026-01-02T00:00:00Z' },
				{ displayName: 'AU not valid', business: { business: 'D' }, address: SYDNEY, valid: false, createTime: '2026-01-01T00:00:00Z' },
				{ displayName: 'NZ valid', business: { business: 'E' }, address: { addressLines: ['1 Queen St'], locality: 'Auckland', administrativeArea: 'Auckland', postalCode: '1010', regionCode: 'NZ' }, valid: true },
			]);
		});

		it('lists the project\'s listings up to Limit, newest first', async () => {
			const result = await bed.h.runNode({ parameters: listing('getMany', { limit: 2 }), credentialId: bed.credentialId });
			expect(result.error).toBeUndefined();
			expect(sent(bed)).toEqual([{ method: 'GET', path: '/v1beta1/projects/acme/regulatoryListings', query: { pageSize: '2' }, body: undefined }]);
			expect(result.items).toHaveLength(2);
			const all = await bed.h.runNode({ parameters: listing('getMany', { returnAll: true }), credentialId: bed.credentialId });
			expect(all.items.length).toBe(bed.emu.listStoredListings('acme').length);
		});

		it('searches the listings usable for a region and number type', async () => {
			const local = await bed.h.runNode({ parameters: listing('search', { regionCode: 'AU', numberType: 'LOCAL', returnAll: true }), credentialId: bed.credentialId });
			expect(sent(bed)[0]).toEqual(expect.objectContaining({ path: '/v1beta1/projects/acme/regulatoryListings:search', query: { regionCode: 'AU', numberType: 'LOCAL', pageSize: '100' } }));
			const names = (items: { json: IDataObject }[]) => items.map((item) => item.json.displayName);
			expect(names(local.items)).toEqual(expect.arrayContaining(['AU valid verified', 'AU valid only']));
			expect(names(local.items)).not.toContain('AU not valid');
			expect(names(local.items)).not.toContain('NZ valid');
			// Mobiles in AU need a verified listing.
			const mobile = await bed.h.runNode({ parameters: listing('search', { regionCode: 'AU', numberType: 'MOBILE', returnAll: true }), credentialId: bed.credentialId });
			expect(names(mobile.items)).toContain('AU valid verified');
			expect(names(mobile.items)).not.toContain('AU valid only');
		});
	});

	describe('Phone Number Instance → Move with a listing', () => {
		it('sends the destination\'s listing, given by ID, and outputs the association', async () => {
			const [{ name: instance }] = bed.emu.seed('acme', [{ phoneNumber: '+61255501888' }]);
			const [{ name: target }] = bed.emu.seedListings('beta', [{ business: { business: 'Beta Pty Ltd' }, address: SYDNEY }]);
			const key = bed.emu.createServiceAccount({ projectId: 'acme', projects: ['acme', 'beta'] });
			const bothProjects = bed.h.addCredential({ authentication: 'serviceAccountKey', serviceAccountKey: JSON.stringify(key), baseUrl: bed.emu.baseUrl, tokenUrl: bed.emu.tokenUrl }).id;
			bed.emu.clearLog();
			const id = target.split('/').pop();
			const result = await bed.h.runNode({
				parameters: params('move', { phoneNumberInstance: byName(instance), destinationProject: 'beta', options: { regulatoryListing: id }, ...selected('project', 'regulatoryListing') }),
				credentialId: bothProjects,
			});
			expect(result.error).toBeUndefined();
			expect(sent(bed)).toEqual([{ method: 'POST', path: `/v1beta1/${instance}:move`, query: {}, body: { destinationParent: 'projects/beta', regulatoryListing: target } }]);
			expect(result.items[0].json).toEqual(expect.objectContaining({ project: 'projects/beta', regulatoryListing: target }));
		});

		it('outputs regulatoryListing null for an instance without one', async () => {
			const [{ name: instance }] = bed.emu.seed('acme', [{ phoneNumber: '+61255501889' }]);
			const result = await bed.h.runNode({ parameters: params('get', { phoneNumberInstance: byName(instance) }), credentialId: bed.credentialId });
			expect(result.items[0].json.regulatoryListing).toBeNull();
		});
	});
});
