import { byName, useTestBed } from '../../../support/setup';
import { jsonOf, pairedOf, params, sent } from '../../../support/operations';

describe('items, Continue On Fail and paired items', () => {
	const bed = useTestBed('acme');
	let single: string;

	beforeAll(() => {
		[{ name: single }] = bed.emu.seed('acme', [{ phoneNumber: '+61255501100' }]);
	});
	beforeEach(() => bed.emu.clearLog());

	const getById = { phoneNumberInstance: { __rl: true, mode: 'name', value: '={{ $json.id }}' } };

	it('one request per item, outputs paired in order', async () => {
		const id = single.split('/').pop();
		const result = await bed.h.runNode({ parameters: params('get', getById), credentialId: bed.credentialId, items: [{ id }, { id }, { id }] });
		expect(sent(bed)).toHaveLength(3);
		expect(pairedOf(result.items)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	it('bad input and API errors become { error } items paired with their input; the others still run', async () => {
		const id = single.split('/').pop();
		const result = await bed.h.runNode({
			parameters: params('get', getById),
			credentialId: bed.credentialId,
			items: [{ id }, { id: 'not valid!' }, { id: 'missing' }, { id }],
			continueOnFail: true,
		});
		expect(result.error).toBeUndefined();
		expect(pairedOf(result.items)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		const json = jsonOf(result.items);
		expect(json[0].name).toBe(single);
		expect(json[1].error).toBe('Phone Number Instance "not valid!" is not a valid instance: use "projects/<project>/phoneNumberInstances/<id>" or the instance ID [item 1]');
		expect(json[2].error).toBe('projects/acme/phoneNumberInstances/missing was not found');
		expect(json[2].errorDescription).toContain('Enfonica answered HTTP 404 NOT_FOUND');
		expect(json[2].errorDescription).toContain('projects/acme/phoneNumberInstances/missing was not found');
		expect(json[3].name).toBe(single);
		// The invalid item sent nothing; the three others one GET each.
		expect(sent(bed).map((request) => request.path)).toEqual([`/v1beta1/${single}`, '/v1beta1/projects/acme/phoneNumberInstances/missing', `/v1beta1/${single}`]);
	});

	it('with Continue On Fail, a bad create item is set aside and the good ones are bought', async () => {
		const result = await bed.h.runNode({
			parameters: params('create', { phoneNumber: '={{ $json.number }}' }),
			credentialId: bed.credentialId,
			items: [{ number: '+61255501801' }, { number: 'nope' }, { number: '+61255501802' }],
			continueOnFail: true,
		});
		expect(jsonOf(result.items).map((json) => json.phoneNumber ?? json.error)).toEqual(['+61255501801', expect.stringMatching(/^Phone Number "nope".*\[item 1\]$/), '+61255501802']);
		expect(pairedOf(result.items)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(sent(bed).map((request) => (request.body as { phoneNumber: { phoneNumber: string } }).phoneNumber.phoneNumber)).toEqual(['+61255501801', '+61255501802']);
	});

	it('without Continue On Fail, an API failure stops the node with its item number', async () => {
		const id = single.split('/').pop();
		const result = await bed.h.runNode({ parameters: params('get', getById), credentialId: bed.credentialId, items: [{ id }, { id: 'missing' }, { id }] });
		expect(result.error?.message).toBe('projects/acme/phoneNumberInstances/missing was not found');
		expect((result.error as unknown as { context: { itemIndex: number } }).context.itemIndex).toBe(1);
		expect(result.items).toHaveLength(0);
		// Item 2 never ran.
		expect(sent(bed)).toHaveLength(2);
	});

	it('getMany and split as two items pair every output with its input item under Continue On Fail', async () => {
		const [{ name: range }] = bed.emu.seed('acme', [{ phoneNumber: '+61255502000', rangeSize: 10 }]);
		const result = await bed.h.runNode({
			parameters: params('splitRange', { phoneNumberInstance: byName('={{ $json.name }}'), size: '={{ $json.size }}', output: 'twoItems', outputFormat: 'raw' }),
			credentialId: bed.credentialId,
			items: [{ name: range, size: 20 }, { name: range, size: 0 }, { name: range, size: 4 }],
			continueOnFail: true,
		});
		expect(pairedOf(result.items)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 2 }]);
		const json = jsonOf(result.items);
		expect(json[0].error).toMatch(/^Size 20 is not between 1 and 9: the range \+61255502000 – \+61255502009 \(10 numbers\)/);
		expect(json[1].error).toMatch(/^Size must be a whole number of at least 1 \(got 0\) \[item 1\]$/);
		expect(json.slice(2).map((item) => (item.range as { size: number }).size)).toEqual([4, 6]);
	});
});
