import type { TestBed } from './support/setup';
import { byName, startTestBed } from './support/setup';
import { jsonOf, params, runExample, selected, sent } from './support/operations';

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
		expect(result.error?.message).toMatch(/403/);
		expect(result.error?.description).toMatch(/both the source and the destination project/);
	});

	it('shows a notice on what may stop working', () => {
		const type = bed.h.nodeTypes.getByNameAndVersion('n8n-nodes-enfonica.enfonica');
		const notice = type.description.properties.find((property) => property.type === 'notice' && property.displayOptions?.show?.operation?.includes('move'));
		expect(notice?.displayName).toMatch(/flows, SIP domains, handler signing keys/);
	});

	it('runs examples/move.json', async () => {
		const [{ name }] = bed.emu.seed('acme', [{ phoneNumber: '+61255501100' }]);
		const result = await runExample(bed, 'move', bothProjects);
		expect(result.error).toBeUndefined();
		expect(sent(bed).at(-1)).toEqual({ method: 'POST', path: `/v1beta1/${name}:move`, query: {}, body: { destinationParent: 'projects/acme-archive' } });
		expect(result.items[0].json.name).toMatch(/^projects\/acme-archive\/phoneNumberInstances\//);
	});
});
