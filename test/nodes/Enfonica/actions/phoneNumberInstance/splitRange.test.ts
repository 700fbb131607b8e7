import { byName, useTestBed } from '../../../../support/setup';
import { jsonOf, pairedOf, params, runExample, selected, sent } from '../../../../support/operations';

describe('Split Range', () => {
	const bed = useTestBed('acme');
	let start = 2000; // clear of the example workflow's +61 2 5550 1100 range

	const seedRange = (size: number) => bed.emu.seed('acme', [{ phoneNumber: `+6125550${start}`, rangeSize: size }])[0].name;
	const split = async (name: string, extra: Record<string, unknown>) =>
		await bed.h.runNode({ parameters: params('splitRange', { phoneNumberInstance: byName(name), ...extra }), credentialId: bed.credentialId });

	beforeEach(() => {
		bed.emu.clearLog();
		start += 100;
	});

	it('fetches the range, then splits it; one item {first, second} by default', async () => {
		const name = seedRange(100);
		const result = await split(name, { size: 20, ...selected('range') });
		expect(result.error).toBeUndefined();
		expect(sent(bed)).toEqual([
			{ method: 'GET', path: `/v1beta1/${name}`, query: {}, body: undefined },
			{ method: 'POST', path: `/v1beta1/${name}:splitRange`, query: {}, body: { size: 20 } },
		]);
		expect(result.items).toHaveLength(1);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		const { first, second } = result.items[0].json as { first: { range: unknown; name: string }; second: { range: unknown } };
		expect(first.range).toEqual({ start: `+6125550${start}`, end: `+6125550${start + 19}`, size: 20 });
		expect(second.range).toEqual({ start: `+6125550${start + 20}`, end: `+6125550${start + 99}`, size: 80 });
		expect(first.name).toBe(name);
	});

	it('outputs two items, both paired with the input item', async () => {
		const name = seedRange(10);
		const result = await split(name, { size: 9, output: 'twoItems', outputFormat: 'raw' });
		expect(result.items).toHaveLength(2);
		expect(pairedOf(result.items)).toEqual([{ item: 0 }, { item: 0 }]);
		expect(jsonOf(result.items).map((json) => (json.range as { size: number }).size)).toEqual([9, 1]);
	});

	it('refuses a single number after the lookup, without sending the split', async () => {
		const [{ name }] = bed.emu.seed('acme', [{ phoneNumber: '+61255501999' }]);
		const result = await split(name, { size: 1 });
		expect(result.error?.message).toBe(`Phone Number Instance ${name} (+61255501999) is a single number, not a range: only ranges can be split [item 0]`);
		expect(sent(bed).map((request) => request.method)).toEqual(['GET']);
	});

	it.each([10, 11])('refuses size %s on a range of 10, showing the range', async (size) => {
		const name = seedRange(10);
		const result = await split(name, { size });
		expect(result.error?.message).toBe(`Size ${size} is not between 1 and 9: the range +6125550${start} – +6125550${start + 9} (10 numbers) must keep at least one number on each side [item 0]`);
		expect(sent(bed).map((request) => request.method)).toEqual(['GET']);
	});

	it('runs examples/splitRange.json', async () => {
		bed.emu.seed('acme', [{ phoneNumber: '+61255501100', rangeSize: 100 }]);
		const result = await runExample(bed, 'splitRange');
		expect(result.error).toBeUndefined();
		expect(sent(bed).at(-1)).toEqual(expect.objectContaining({ method: 'POST', body: { size: 20 } }));
		expect(jsonOf(result.items).map((json) => json.range)).toEqual([
			{ start: '+61255501100', end: '+61255501119', size: 20 },
			{ start: '+61255501120', end: '+61255501199', size: 80 },
		]);
	});
});
