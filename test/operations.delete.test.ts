import type { TestBed } from './support/setup';
import { byName, startTestBed } from './support/setup';
import { jsonOf, params, runExample, sent } from './support/operations';

describe('Delete', () => {
	let bed: TestBed;

	beforeAll(async () => {
		bed = await startTestBed('acme');
	});
	afterAll(async () => await bed.close());
	beforeEach(() => bed.emu.clearLog());

	it('sends one DELETE and outputs the deleted instance', async () => {
		const [{ name }] = bed.emu.seed('acme', [{ phoneNumber: '+61255501500', displayName: 'Old line' }]);
		const result = await bed.h.runNode({ parameters: params('delete', { phoneNumberInstance: byName(name) }), credentialId: bed.credentialId });
		expect(result.error).toBeUndefined();
		expect(sent(bed)).toEqual([{ method: 'DELETE', path: `/v1beta1/${name}`, query: {}, body: undefined }]);
		expect(jsonOf(result.items)).toEqual([expect.objectContaining({ name, displayName: 'Old line', lifecycleState: 'DELETED', deleteTime: expect.any(String) })]);
		expect(bed.emu.getInstance(name)?.lifecycleState).toBe('DELETED');
	});

	it('runs examples/delete.json (number looked up, then deleted)', async () => {
		const [{ name }] = bed.emu.seed('acme', [{ phoneNumber: '+61255501100' }]);
		const result = await runExample(bed, 'delete');
		expect(result.error).toBeUndefined();
		expect(sent(bed).map(({ method, path }) => `${method} ${path}`)).toEqual([
			'GET /v1beta1/projects/acme/phoneNumberInstances',
			`DELETE /v1beta1/${name}`,
		]);
		expect(jsonOf(result.items)).toEqual([expect.objectContaining({ name, lifecycleState: 'DELETED' })]);
	});
});
