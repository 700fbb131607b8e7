import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { jsonOf, pairedOf, params, runExample, sent } from '../../../../support/operations';
import { useTestBed } from '../../../../support/setup';

/**
 * Phone Number Instance → Create or Update, and what makes buying safe to re-run: a lookup before
 * any purchase, one PATCH with only what differs, a label match that lists the project once per
 * execution, duplicates refused before anything is sent, a cap on what a run buys.
 */
describe('Create or Update', () => {
	const bed = useTestBed('acme');

	beforeEach(() => {
		bed.emu.clearFaults();
		bed.emu.clearLog();
	});

	const run = async (parameters: IDataObject, items?: IDataObject[], continueOnFail = false) =>
		await bed.h.runNode({ parameters: parameters as INodeParameters, credentialId: bed.credentialId, items, continueOnFail });
	const writes = () => sent(bed).filter((request) => request.method !== 'GET');
	const purchases = () => sent(bed).filter((request) => request.method === 'POST');
	/** The match label of an output instance, as stored (the simplified output may leave labels out). */
	const orderOf = (item: IDataObject) => bed.emu.getInstance(String(item.name))?.labels?.order;
	const holders = (project: string, phoneNumber: string) =>
		bed.emu.listStored(project).filter((instance) => instance.phoneNumber.phoneNumber === phoneNumber);
	const byNumber = (extra: IDataObject = {}) => params('createOrUpdate', { phoneNumber: '={{ $json.number }}', ...extra });
	const byLabel = (extra: IDataObject = {}) =>
		params('createOrUpdate', { matchOn: 'label', matchLabelKey: 'order', matchLabelValue: '={{ $json.order }}', phoneNumber: '={{ $json.number }}', ...extra });

	it('completes an interrupted Create batch: unchanged ×3, created ×2, each number bought once; a third run writes nothing', async () => {
		const numbers = [1, 2, 3, 4, 5].map((n) => `+6125553010${n}`);
		const items = numbers.map((number) => ({ number }));
		// The 4th purchase is refused by a 503 before Enfonica processed it: three numbers are bought.
		bed.emu.injectFault({ method: 'POST', path: '/v1beta1/projects/acme/phoneNumberInstances', nth: 4, fault: { kind: 'status', status: 503 } });
		const interrupted = await run(params('create', { phoneNumber: '={{ $json.number }}' }), items);
		expect(interrupted.error?.message).toBe('+61255530104 was not bought: no clear answer from Enfonica (HTTP 503)');
		expect(numbers.map((number) => holders('acme', number).length)).toEqual([1, 1, 1, 0, 0]);

		// Re-running plain Create fails at item 0: Enfonica refuses a second create of a held number (409).
		bed.emu.clearLog();
		const createAgain = await run(params('create', { phoneNumber: '={{ $json.number }}' }), items);
		expect((createAgain.error as { httpCode?: string } | undefined)?.httpCode).toBe('409');

		bed.emu.clearLog();
		const rerun = await run(byNumber(), items);
		expect(rerun.error).toBeUndefined();
		expect(jsonOf(rerun.items).map((item) => [item.action, item.phoneNumber])).toEqual(numbers.map((number, index) => [index < 3 ? 'unchanged' : 'created', number]));
		expect(pairedOf(rerun.items)).toEqual([0, 1, 2, 3, 4].map((item) => ({ item })));
		expect(purchases().map((request) => request.body)).toEqual([{ phoneNumber: { phoneNumber: numbers[3] } }, { phoneNumber: { phoneNumber: numbers[4] } }]);
		expect(numbers.map((number) => holders('acme', number).length)).toEqual([1, 1, 1, 1, 1]);

		bed.emu.clearLog();
		const third = await run(byNumber(), items);
		expect(jsonOf(third.items).map((item) => item.action)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged', 'unchanged']);
		expect(writes()).toEqual([]);
	});

	it('one changed field is one PATCH with that field alone in updateMask; labels are merged', async () => {
		const [held] = bed.emu.seed('acme', [{ phoneNumber: '+61255530201', displayName: 'Old', labels: { team: 'ops' }, callRecordingTrigger: 'ANSWER' }]);
		const fields = { displayName: 'New', labels: { label: [{ key: 'team', value: 'ops' }] }, callRecordingTrigger: 'ANSWER' };
		const result = await run(byNumber({ additionalFields: fields }), [{ number: '+61 2 5553 0201' }]);
		expect(result.error).toBeUndefined();
		expect(writes()).toEqual([{ method: 'PATCH', path: `/v1beta1/${held.name}`, query: { updateMask: 'displayName' }, body: { displayName: 'New' } }]);
		expect(jsonOf(result.items)).toEqual([expect.objectContaining({ action: 'updated', name: held.name, displayName: 'New' })]);
		expect(bed.emu.getInstance(held.name)?.labels).toEqual({ team: 'ops' });

		bed.emu.clearLog();
		const merged = await run(byNumber({ additionalFields: { labels: { label: [{ key: 'tier', value: 'gold' }] } } }), [{ number: '+61255530201' }]);
		expect(writes()).toEqual([{ method: 'PATCH', path: `/v1beta1/${held.name}`, query: { updateMask: 'labels' }, body: { labels: { team: 'ops', tier: 'gold' } } }]);
		expect(merged.items[0].json.action).toBe('updated');
		expect(bed.emu.getInstance(held.name)?.labels).toEqual({ team: 'ops', tier: 'gold' });
	});

	it('refuses a number held only inside a range, naming the range; nothing is bought', async () => {
		const [range] = bed.emu.seed('acme', [{ phoneNumber: '+61255530300', rangeSize: 10 }]);
		const result = await run(byNumber(), [{ number: '+61255530305' }]);
		expect(result.error?.message).toBe(
			`Phone Number +61255530305 is held inside the range +61255530300 – +61255530309 (${range.name}): it cannot be bought, and changing the range would change every number in it. Use Update on the range instead [item 0]`,
		);
		expect(writes()).toEqual([]);
	});

	it('label match: lists the project once per execution, buys what no instance carries, writes the match label', async () => {
		bed.emu.seedBulk('orders', 250, { startNumber: '+61370500000' });
		bed.emu.seed('orders', [{ phoneNumber: '+61255530401', labels: { order: 'A-1' } }]);
		const key = bed.emu.createServiceAccount({ projectId: 'orders' });
		const credentialId = bed.h.addCredential({ authentication: 'serviceAccountKey', serviceAccountKey: JSON.stringify(key), baseUrl: bed.emu.baseUrl, tokenUrl: bed.emu.tokenUrl }).id;
		const items = [
			{ order: 'A-1', number: '+61255530499' },
			{ order: 'A-2', number: '+61255530402' },
			{ order: 'A-3', number: '+61255530403' },
		];
		const parameters = byLabel({ additionalFields: { displayName: '=Order {{ $json.order }}' } }) as INodeParameters;
		const result = await bed.h.runNode({ parameters, credentialId, items });
		expect(result.error).toBeUndefined();
		const lists = sent(bed).filter((request) => request.method === 'GET');
		// 251 instances: ⌈251/100⌉ = 3 pages, once for all three items, no prefix.
		expect(lists.map((request) => request.query.prefix)).toEqual([undefined, undefined, undefined]);
		expect(jsonOf(result.items).map((item) => [item.action, item.phoneNumber, orderOf(item)])).toEqual([
			['updated', '+61255530401', 'A-1'],
			['created', '+61255530402', 'A-2'],
			['created', '+61255530403', 'A-3'],
		]);
		expect(purchases().map((request) => request.body)).toEqual([
			{ phoneNumber: { phoneNumber: '+61255530402' }, displayName: 'Order A-2', labels: { order: 'A-2' } },
			{ phoneNumber: { phoneNumber: '+61255530403' }, displayName: 'Order A-3', labels: { order: 'A-3' } },
		]);

		// Run again with other numbers offered: every order already has its number.
		bed.emu.clearLog();
		const again = await bed.h.runNode({ parameters, credentialId, items: items.map((item) => ({ ...item, number: '+61255530498' })) });
		expect(jsonOf(again.items).map((item) => [item.action, item.phoneNumber])).toEqual([
			['unchanged', '+61255530401'],
			['unchanged', '+61255530402'],
			['unchanged', '+61255530403'],
		]);
		expect(writes()).toEqual([]);
	});

	it('two held instances carrying the match label: an error naming their numbers, nothing bought or changed', async () => {
		bed.emu.seed('acme', [
			{ phoneNumber: '+61255530501', labels: { order: 'dup' } },
			{ phoneNumber: '+61255530502', labels: { order: 'dup' } },
		]);
		const result = await run(byLabel({ additionalFields: { displayName: 'X' } }), [{ order: 'dup', number: '+61255530503' }]);
		expect(result.error?.message).toMatch(/^Match Label Value matched 2 instances carrying order=dup in projects\/acme: (\+61255530501, \+61255530502|\+61255530502, \+61255530501)\. .*\[item 0\]$/);
		expect(writes()).toEqual([]);
		expect(holders('acme', '+61255530503')).toEqual([]);
	});

	describe('duplicates in one batch are refused before anything is sent, naming both items', () => {
		const refused = async (parameters: IDataObject, items: IDataObject[], message: string) => {
			const result = await run(parameters, items);
			expect(result.error?.message).toBe(message);
			expect(bed.emu.requests).toEqual([]);
		};

		it('Create: the same number in two spellings', async () => {
			await refused(
				params('create', { phoneNumber: '={{ $json.number }}', options: { defaultCountry: 'AU' } }),
				[{ number: '+61 2 5553 0601' }, { number: '+61255530602' }, { number: '02 5553 0601' }],
				'Phone Number +61255530601 is also the number of item 0: one run can buy a number only once. Remove one of the two items (nothing was sent) [item 2]',
			);
		});

		it('Create or Update on Phone Number: the same number twice', async () => {
			await refused(
				byNumber({ options: { defaultCountry: 'AU' } }),
				[{ number: '02 5553 0611' }, { number: '+61 2 5553 0611' }],
				'Phone Number +61255530611 is also the number of item 0: one run can buy a number only once. Remove one of the two items (nothing was sent) [item 1]',
			);
		});

		it('Create or Update on Label: the same match label value twice', async () => {
			await refused(
				byLabel(),
				[{ order: 'B-7', number: '+61255530621' }, { order: 'B-8', number: '+61255530622' }, { order: 'B-7', number: '+61255530623' }],
				'Match Label Value order=B-7 is also the match label of item 0: both items would match the same instance. Remove one of the two items (nothing was sent) [item 2]',
			);
		});

		it('with Continue On Fail, the later duplicate becomes an error item and the first is bought once', async () => {
			const result = await run(params('create', { phoneNumber: '={{ $json.number }}' }), [{ number: '+61255530631' }, { number: '+61255530631' }], true);
			expect(jsonOf(result.items).map((item) => item.phoneNumber ?? String(item.error).slice(0, 40))).toEqual(['+61255530631', 'Phone Number +61255530631 is also the nu']);
			expect(purchases()).toHaveLength(1);
		});
	});

	describe('Max Numbers to Buy', () => {
		it('Create: more items than the cap → nothing bought, the error says how many and the cap', async () => {
			const items = [1, 2, 3].map((n) => ({ number: `+6125553070${n}` }));
			const result = await run(params('create', { phoneNumber: '={{ $json.number }}', options: { maxNumbersToBuy: 2 } }), items);
			expect(result.error?.message).toBe('This run would buy 3 numbers, more than Max Numbers to Buy (2): nothing was bought');
			expect(bed.emu.requests).toEqual([]);
		});

		it('Create or Update counts only what would be bought, after the lookups', async () => {
			bed.emu.seed('acme', [{ phoneNumber: '+61255530711' }, { phoneNumber: '+61255530712' }]);
			const items = [1, 2, 3, 4].map((n) => ({ number: `+6125553071${n}` }));
			const over = await run(byNumber({ options: { maxNumbersToBuy: 1 } }), items);
			expect(over.error?.message).toBe('This run would buy 2 numbers, more than Max Numbers to Buy (1): nothing was bought');
			expect(writes()).toEqual([]);
			expect(sent(bed).map((request) => request.method)).toEqual(['GET', 'GET', 'GET', 'GET']);

			bed.emu.clearLog();
			const within = await run(byNumber({ options: { maxNumbersToBuy: 2 } }), items);
			expect(within.error).toBeUndefined();
			expect(jsonOf(within.items).map((item) => item.action)).toEqual(['unchanged', 'unchanged', 'created', 'created']);
			expect(purchases()).toHaveLength(2);
		});
	});

	it('runs examples/provisionPerOrder.json twice: one purchase per order, the second run outputs the same numbers and buys nothing', async () => {
		bed.emu.addInventoryNumbers(Array.from({ length: 8 }, (_, index) => `+612555308${String(index).padStart(2, '0')}`));
		const first = await runExample(bed, 'provisionPerOrder');
		expect(first.error).toBeUndefined();
		const bought = jsonOf(first.items);
		expect(bought.map((item) => [item.action, orderOf(item), item.displayName])).toEqual([
			['created', 'A-1001', 'Order A-1001'],
			['created', 'A-1002', 'Order A-1002'],
			['created', 'A-1003', 'Order A-1003'],
		]);
		expect(purchases()).toHaveLength(3);

		bed.emu.clearLog();
		const second = await runExample(bed, 'provisionPerOrder');
		expect(second.error).toBeUndefined();
		expect(jsonOf(second.items).map((item) => [item.action, item.name])).toEqual(bought.map((item) => ['unchanged', item.name]));
		expect(writes()).toEqual([]);
		for (const order of ['A-1001', 'A-1002', 'A-1003']) {
			expect(bed.emu.listStored('acme').filter((instance) => instance.labels?.order === order)).toHaveLength(1);
		}
	});
});
