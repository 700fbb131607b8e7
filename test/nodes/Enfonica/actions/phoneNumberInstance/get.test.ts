import { byName, useTestBed } from '../../../../support/setup';
import { jsonOf, params, runExample, selected, sent } from '../../../../support/operations';

describe('Get', () => {
	const bed = useTestBed('acme');
	let single: string;
	let range: string;

	beforeAll(() => {
		[{ name: single }, { name: range }] = bed.emu.seed('acme', [
			{ phoneNumber: '+61255501100', displayName: 'Reception', labels: { team: 'front' }, incomingCallHandlerUris: ['sip:desk@example.com:5060'], callRecordingTrigger: 'BRIDGE' },
			{ phoneNumber: '+61255501200', rangeSize: 100 },
		]);
	});
	beforeEach(() => bed.emu.clearLog());

	it('fetches by full resource name; Simplified (the default) is 10 flat fields', async () => {
		const result = await bed.h.runNode({ parameters: params('get', { phoneNumberInstance: byName(single) }), credentialId: bed.credentialId });
		expect(result.error).toBeUndefined();
		expect(sent(bed)).toEqual([{ method: 'GET', path: `/v1beta1/${single}`, query: {}, body: undefined }]);
		expect(jsonOf(result.items)).toEqual([
			{
				name: single,
				id: single.split('/').pop(),
				phoneNumber: '+61255501100',
				nationalFormat: '(02) 5550 1100',
				country: 'AU',
				displayName: 'Reception',
				lifecycleState: 'ACTIVE',
				compliant: true,
				regulatoryListing: null,
				createTime: expect.any(String),
			},
		]);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
	});

	it('returns the API object as is with Output Raw', async () => {
		const result = await bed.h.runNode({ parameters: params('get', { phoneNumberInstance: byName(range), outputFormat: 'raw' }), credentialId: bed.credentialId });
		expect(result.items[0].json).toEqual(bed.emu.getInstance(range));
		expect(result.items[0].json).not.toHaveProperty('nationalFormat');
	});

	it('summarises a range under Selected Fields', async () => {
		const result = await bed.h.runNode({ parameters: params('get', { phoneNumberInstance: byName(range), ...selected('range') }), credentialId: bed.credentialId });
		expect(result.items[0].json).toEqual({ name: range, range: { start: '+61255501200', end: '+61255501299', size: 100 } });
	});

	it('uses the project of the node over the credential, and expressions per item', async () => {
		const id = single.split('/').pop();
		const result = await bed.h.runNode({
			parameters: params('get', { project: '={{ $json.project }}', phoneNumberInstance: { __rl: true, mode: 'name', value: '={{ $json.id }}' } }),
			credentialId: bed.credentialId,
			items: [{ project: 'projects/acme', id }],
		});
		expect(result.error).toBeUndefined();
		expect(sent(bed).map((request) => request.path)).toEqual([`/v1beta1/${single}`]);
	});

	it('runs examples/get.json', async () => {
		const result = await runExample(bed, 'get');
		expect(result.error).toBeUndefined();
		expect(jsonOf(result.items)).toEqual([expect.objectContaining({ name: single, phoneNumber: '+61255501100' })]);
		expect(sent(bed)).toEqual([
			{ method: 'GET', path: '/v1beta1/projects/acme/phoneNumberInstances', query: { prefix: '+61255501100', pageSize: '100' }, body: undefined },
			{ method: 'GET', path: `/v1beta1/${single}`, query: {}, body: undefined },
		]);
	});
});
