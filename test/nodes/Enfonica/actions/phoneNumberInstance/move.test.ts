import type { TestBed } from '../../../../support/setup';
import { apiRequests, byName, startTestBed } from '../../../../support/setup';
import { jsonOf, params, runExample, selected, sent, SYDNEY } from '../../../../support/operations';

describe('Move', () => {
	let bed: TestBed;
	let bothProjects: string;

	beforeAll(async () => {
		bed = await startTestBed('acme');
		const key = bed.emu.createServiceAccount({ projectId: 'acme', projects: ['acme', 'acme-archive'] });
		bothProjects = bed.h.addCredential({ authentication: 'serviceAccountKey', serviceAccountKey: JSON.stringify(key), baseUrl: bed.emu.baseUrl, tokenUrl: bed.emu.tokenUrl }).id;
	});
	afterAll(async () => await bed.close());
	beforeEach(() => bed.emu.clearLog());

	it('POSTs :move with the destination project and outputs the moved instance', async () => {
		const [{ name }] = bed.emu.seed('acme', [{ phoneNumber: '+61255501600' }]);
		const result = await bed.h.runNode({ parameters: params('move', { phoneNumberInstance: byName(name), destinationProject: 'acme-archive', ...selected('project', 'phoneNumber') }), credentialId: bothProjects });
		expect(result.error).toBeUndefined();
		expect(sent(bed)).toEqual([{ method: 'POST', path: `/v1beta1/${name}:move`, query: {}, body: { destinationParent: 'projects/acme-archive' } }]);
		expect(jsonOf(result.items)).toEqual([expect.objectContaining({ project: 'projects/acme-archive', phoneNumber: '+61255501600' })]);
	});

	it('needs the permission on both projects: a 403 says so', async () => {
		const [{ name }] = bed.emu.seed('acme', [{ phoneNumber: '+61255501601' }]);
		const result = await bed.h.runNode({ parameters: params('move', { phoneNumberInstance: byName(name), destinationProject: 'acme-archive', ...selected('project', 'phoneNumber') }), credentialId: bed.credentialId });
		expect(result.error?.message).toBe('The credential is not allowed to move phone number instances in projects/acme-archive');
		expect(result.error?.description).toMatch(/both the source and the destination project.*HTTP 403 PERMISSION_DENIED/);
	});

	it('shows a notice on what may stop working', () => {
		const type = bed.h.nodeTypes.getByNameAndVersion('n8n-nodes-enfonica.enfonica');
		const notice = type.description.properties.find((property) => property.type === 'notice' && property.displayOptions?.show?.operation?.includes('move'));
		expect(notice?.displayName).toMatch(/flows, SIP domains, handler signing keys/);
		expect(notice?.displayName).toMatch(/the requests the number's handlers receive are signed with the destination project's signing key/);
	});

	it('to a project that does not exist: the description points at the destination project', async () => {
		const key = bed.emu.createServiceAccount({ projectId: 'acme', projects: '*' });
		const anywhere = bed.h.addCredential({ authentication: 'serviceAccountKey', serviceAccountKey: JSON.stringify(key), baseUrl: bed.emu.baseUrl, tokenUrl: bed.emu.tokenUrl }).id;
		bed.emu.removeProject('no-such-project');
		const [{ name }] = bed.emu.seed('acme', [{ phoneNumber: '+61255501602' }]);
		const result = await bed.h.runNode({ parameters: params('move', { phoneNumberInstance: byName(name), destinationProject: 'no-such-project' }), credentialId: anywhere });
		expect(result.error?.message).toBe('projects/no-such-project was not found');
		expect(result.error?.description).toMatch(/^Check the Destination Project \(projects\/no-such-project\): it must be an existing Enfonica project/);
		expect(result.error?.description).not.toMatch(/Check the project and the instance/);
		expect(bed.emu.getInstance(name)?.name).toBe(name);
	});

	describe('with a destination listing', () => {
		const moveWithListing = async (phoneNumber: string) => {
			const [{ name }] = bed.emu.seed('acme', [{ phoneNumber }]);
			const [listing] = bed.emu.seedListings('acme-archive', [{ displayName: 'Archive office', business: { business: 'Acme Pty Ltd' }, address: { addressLines: ['1 George St'], locality: 'Sydney', administrativeArea: 'NSW', postalCode: '2000', regionCode: 'AU' } }]);
			const result = await bed.h.runNode({
				parameters: params('move', { phoneNumberInstance: byName(name), destinationProject: 'acme-archive', options: { regulatoryListing: listing.name }, ...selected('project', 'regulatoryListing') }),
				credentialId: bothProjects,
			});
			return { result, listing: listing.name, hints: result.runData['Node Under Test']?.[0]?.hints ?? [] };
		};

		afterEach(() => {
			bed.emu.moveIgnoresListing = false;
		});

		it('taken: the item says so and no hint is shown', async () => {
			const { result, listing, hints } = await moveWithListing('+61255501603');
			expect(result.error).toBeUndefined();
			expect(result.items[0].json).toMatchObject({ regulatoryListing: listing, requestedRegulatoryListing: listing, regulatoryListingTaken: true });
			expect(hints).toEqual([]);
		});

		it('dropped by the server: the move succeeds, the item and an execution hint say the listing was not taken', async () => {
			bed.emu.moveIgnoresListing = true;
			const { result, listing, hints } = await moveWithListing('+61255501604');
			expect(result.error).toBeUndefined();
			expect(result.items[0].json).toMatchObject({ project: 'projects/acme-archive', regulatoryListing: null, requestedRegulatoryListing: listing, regulatoryListingTaken: false });
			expect(hints).toEqual([expect.objectContaining({ type: 'warning', message: expect.stringMatching(new RegExp(`^\\[item 0\\] The number was moved, but Enfonica did not associate the regulatory listing ${listing}`)) })]);
			expect(apiRequests(bed.emu).filter((request) => request.path.endsWith(':move'))).toHaveLength(1);
		});
	});

	it('runs examples/move.json', async () => {
		const [{ name }] = bed.emu.seed('acme', [{ phoneNumber: '+61255501100' }]);
		const result = await runExample(bed, 'move', bothProjects);
		expect(result.error).toBeUndefined();
		expect(sent(bed).at(-1)).toEqual({ method: 'POST', path: `/v1beta1/${name}:move`, query: {}, body: { destinationParent: 'projects/acme-archive' } });
		expect(result.items[0].json.name).toMatch(/^projects\/acme-archive\/phoneNumberInstances\//);
	});
});

describe('Move, with the listing given by ID', () => {
	let bed: TestBed;

	beforeAll(async () => {
		bed = await startTestBed('acme');
	});
	afterAll(async () => await bed.close());
	beforeEach(() => bed.emu.clearLog());

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
