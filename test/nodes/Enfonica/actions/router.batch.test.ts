import type { INodeParameters } from 'n8n-workflow';

import { byPhone, jsonOf, pairedOf, params, sent } from '../../../support/operations';
import { useTestBed } from '../../../support/setup';

/**
 * A batch is never half applied: lookups (by phone number, a range's size, current labels) run
 * for every item before any item's change is sent.
 */
describe('batches: every lookup before the first change', () => {
	const bed = useTestBed('acme');
	let numbers: string[];

	beforeAll(() => {
		// Two numbers, a range, and one with 50 labels.
		const fiftyLabels = Object.fromEntries(Array.from({ length: 50 }, (_, index) => [`k${index}`, 'v']));
		numbers = bed.emu
			.seed('acme', [
				{ phoneNumber: '+61255503001' },
				{ phoneNumber: '+61255503002' },
				{ phoneNumber: '+61255503100', rangeSize: 10 },
				{ phoneNumber: '+61255503003', labels: fiftyLabels },
			])
			.map((instance) => String(instance.phoneNumber?.phoneNumber));
	});
	beforeEach(() => bed.emu.clearLog());

	const run = async (parameters: INodeParameters, items: object[], continueOnFail = false) =>
		await bed.h.runNode({ parameters, credentialId: bed.credentialId, items: items as never, continueOnFail });
	const changes = () => sent(bed).filter((request) => request.method !== 'GET');
	const state = (phoneNumber: string) => bed.emu.listStored('acme', { includeDeleted: true }).find((instance) => instance.phoneNumber?.phoneNumber === phoneNumber);

	it('delete: a number not found in item 2 stops the run before items 0 and 1 are deleted', async () => {
		const result = await run(params('delete', { phoneNumberInstance: byPhone('={{ $json.number }}') }) as INodeParameters, [
			{ number: numbers[0] },
			{ number: numbers[1] },
			{ number: '+61255509999' },
		]);
		expect(result.error?.message).toBe('Phone Number Instance found no instance holding +61255509999 in projects/acme [item 2]');
		expect(changes()).toEqual([]);
		expect(state(numbers[0])?.lifecycleState).toBe('ACTIVE');
		expect(state(numbers[1])?.lifecycleState).toBe('ACTIVE');
	});

	it('split: a single number in item 1 stops the run before item 0 is split', async () => {
		const result = await run(params('splitRange', { phoneNumberInstance: byPhone('={{ $json.number }}'), size: 5 }) as INodeParameters, [
			{ number: '+61255503100' },
			{ number: numbers[0] },
		]);
		expect(result.error?.message).toMatch(/is a single number, not a range: only ranges can be split \[item 1\]$/);
		expect(changes()).toEqual([]);
		expect(state('+61255503100')?.range?.size).toBe(10);
	});

	it('update, Merge: too many labels after merging in item 1 stops the run before item 0 is patched', async () => {
		const result = await run(
			params('update', {
				phoneNumberInstance: byPhone('={{ $json.number }}'),
				labelsMode: 'merge',
				updateFields: { labels: { label: [{ key: 'extra', value: 'x' }] } },
			}) as INodeParameters,
			[{ number: numbers[1] }, { number: numbers[3] }],
		);
		expect(result.error?.message).toMatch(/^Labels .*\[item 1\]$/);
		expect(changes()).toEqual([]);
		expect(state(numbers[1])?.labels).toBeUndefined();
	});

	it('with Continue On Fail, the failed lookup becomes an error item in place and the others are applied', async () => {
		const result = await run(
			params('move', { phoneNumberInstance: byPhone('={{ $json.number }}'), destinationProject: 'acme-archive' }) as INodeParameters,
			[{ number: numbers[0] }, { number: '+61255509999' }, { number: numbers[1] }],
			true,
		);
		// The credential is not allowed on acme-archive: both moves fail with a 403, after both lookups succeeded.
		const json = jsonOf(result.items);
		expect(json.map((item) => String(item.error).slice(0, 40))).toEqual([
			'The credential is not allowed to move ph',
			'Phone Number Instance found no instance ',
			'The credential is not allowed to move ph',
		]);
		expect(pairedOf(result.items)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		const methods = sent(bed).map((request) => request.method);
		// Three lookups first, then the two moves.
		expect(methods).toEqual(['GET', 'GET', 'GET', 'POST', 'POST']);
	});
});
