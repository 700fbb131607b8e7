import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { apiRequests, byName, startTestBed, tokenRequests, useTestBed } from '../../../support/setup';
import { jsonOf, pairedOf, params } from '../../../support/operations';

/** Options → Concurrency: parallel items, sequential output, bounded requests, shared backoff on 429. */
describe('Options → Concurrency', () => {
	const bed = useTestBed('acme');
	/** 50 single numbers, in list order. */
	let names: string[];
	let rangeStart = 2000;

	const byId = { phoneNumberInstance: byName('={{ $json.name }}') };
	const withConcurrency = (parameters: IDataObject, concurrency: number) => ({ ...parameters, options: { concurrency } });
	const run = async (parameters: IDataObject, concurrency: number, items: IDataObject[], continueOnFail = false) =>
		await bed.h.runNode({ parameters: withConcurrency(parameters, concurrency), credentialId: bed.credentialId, items, continueOnFail });
	const itemsFor = (list: string[]) => list.map((name) => ({ name }));
	/** Slows the answer to the first request for `name` so that its item finishes after later items. */
	const slow = (name: string, ms = 150, method = 'GET') => bed.emu.injectFault({ method, path: `/v1beta1/${name}`, fault: { kind: 'hang', ms } });
	const seedRanges = (count: number, size: number) =>
		Array.from({ length: count }, () => {
			rangeStart += 100;
			return bed.emu.seed('acme', [{ phoneNumber: `+6125550${rangeStart}`, rangeSize: size }])[0].name;
		});

	beforeAll(() => {
		bed.emu.seedBulk('acme', 50, { displayNamePrefix: 'Line' });
		names = bed.emu.listStored('acme').map((instance) => instance.name);
	});
	beforeEach(() => {
		bed.emu.latencyMs = 0;
		bed.emu.clearFaults();
		bed.emu.clearLog();
		bed.emu.resetMaxInFlight();
	});

	describe('output order and pairing are those of a sequential run', () => {
		it('get: 50 items, item 1 answered after later ones', async () => {
			const items = itemsFor(names);
			const sequential = await run(params('get', byId), 1, items);
			slow(names[1]);
			const parallel = await run(params('get', byId), 5, items);
			expect(parallel.error).toBeUndefined();
			// Item 1 really finished after later items: its answer came after item 2's.
			const log = apiRequests(bed.emu).slice(50);
			const endOf = (name: string) => log.find((entry) => entry.path === `/v1beta1/${name}`)?.endedAt ?? 0;
			expect(endOf(names[1])).toBeGreaterThan(endOf(names[2]));
			expect(jsonOf(parallel.items)).toEqual(jsonOf(sequential.items));
			expect(pairedOf(parallel.items)).toEqual(names.map((_, item) => ({ item })));
			expect(jsonOf(parallel.items).map((json) => json.name)).toEqual(names);
		});

		it('update: each item changes its own instance, outputs in input order', async () => {
			const list = names.slice(0, 12);
			const items = list.map((name, index) => ({ name, label: `Desk ${index}` }));
			const parameters = params('update', { ...byId, updateFields: { displayName: '={{ $json.label }}' } });
			const sequential = await run(parameters, 1, items);
			slow(list[1], 150, 'PATCH');
			const parallel = await run(parameters, 4, items);
			expect(parallel.error).toBeUndefined();
			expect(jsonOf(parallel.items)).toEqual(jsonOf(sequential.items));
			expect(pairedOf(parallel.items)).toEqual(pairedOf(sequential.items));
			expect(list.map((name) => bed.emu.getInstance(name)?.displayName)).toEqual(items.map((item) => item.label));
		});

		it('getMany: the outputs of each item stay grouped, in input order', async () => {
			const items = [3, 1, 4, 1, 5, 9, 2, 6].map((limit) => ({ limit }));
			const parameters = params('getMany', { limit: '={{ $json.limit }}' });
			const sequential = await run(parameters, 1, items);
			bed.emu.injectFault({ method: 'GET', path: '/v1beta1/projects/acme/phoneNumberInstances', nth: 2, fault: { kind: 'hang', ms: 150 } });
			const parallel = await run(parameters, 3, items);
			expect(parallel.error).toBeUndefined();
			expect(parallel.items).toHaveLength(31);
			expect(jsonOf(parallel.items)).toEqual(jsonOf(sequential.items));
			expect(pairedOf(parallel.items)).toEqual(items.flatMap(({ limit }, item) => Array.from({ length: limit }, () => ({ item }))));
		});

		it('split as two items: both halves paired with their input item, in input order', async () => {
			const ranges = seedRanges(6, 10);
			slow(ranges[1]);
			const result = await run(params('splitRange', { ...byId, size: '={{ $json.size }}', output: 'twoItems', outputFormat: 'raw' }), 3, ranges.map((name, index) => ({ name, size: index + 1 })));
			expect(result.error).toBeUndefined();
			expect(pairedOf(result.items)).toEqual(ranges.flatMap((_, item) => [{ item }, { item }]));
			expect(jsonOf(result.items).map((json) => (json.range as { size: number }).size)).toEqual(ranges.flatMap((_, index) => [index + 1, 9 - index]));
			expect(jsonOf(result.items).filter((_, index) => index % 2 === 0).map((json) => json.name)).toEqual(ranges);
		});
	});

	describe('requests in flight', () => {
		it('never more than Concurrency, and as many with latency: 50 gets at 5 → 5', async () => {
			bed.emu.latencyMs = 30;
			const result = await run(params('get', byId), 5, itemsFor(names));
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(50);
			expect(bed.emu.maxInFlight).toBe(5);
		});

		it('counts every request of an item: by phone number with merged labels is list + get + patch per item', async () => {
			bed.emu.latencyMs = 10;
			const list = bed.emu.listStored('acme').filter((instance) => !instance.range).slice(0, 9);
			const parameters = params('update', {
				phoneNumberInstance: { __rl: true, mode: 'phoneNumber', value: '={{ $json.number }}' },
				labelsMode: 'merge',
				updateFields: { labels: { label: [{ key: 'batch', value: 'b1' }] } },
			});
			const result = await run(parameters, 3, list.map((instance) => ({ number: instance.phoneNumber.phoneNumber })));
			expect(result.error).toBeUndefined();
			expect(apiRequests(bed.emu).map((entry) => entry.method).sort()).toEqual([...Array(9).fill('GET'), ...Array(9).fill('GET'), ...Array(9).fill('PATCH')].sort());
			expect(bed.emu.maxInFlight).toBe(3);
			expect(jsonOf(result.items).map((json) => json.phoneNumber)).toEqual(list.map((instance) => instance.phoneNumber.phoneNumber));
		});

		it('Concurrency 1 (the default) is one request at a time, each after the previous one ended', async () => {
			bed.emu.latencyMs = 5;
			const result = await bed.h.runNode({ parameters: params('get', byId) as INodeParameters, credentialId: bed.credentialId, items: itemsFor(names.slice(0, 10)) });
			expect(result.error).toBeUndefined();
			expect(bed.emu.maxInFlight).toBe(1);
			const log = apiRequests(bed.emu);
			expect(log.map((entry) => entry.path)).toEqual(names.slice(0, 10).map((name) => `/v1beta1/${name}`));
			for (let index = 1; index < log.length; index++) expect(log[index].startedAt).toBeGreaterThanOrEqual(log[index - 1].endedAt);
		});
	});

	describe('failures', () => {
		const mixed = () => [{ name: names[0] }, { name: 'not valid!' }, { name: 'missing-1' }, { name: names[1] }, { name: 'missing-2' }, { name: names[2] }, { name: names[3] }];

		it('with Continue On Fail, error items sit at their item position, as in a sequential run', async () => {
			const sequential = await run(params('get', byId), 1, mixed(), true);
			slow(names[1]);
			const parallel = await run(params('get', byId), 4, mixed(), true);
			expect(parallel.error).toBeUndefined();
			expect(pairedOf(parallel.items)).toEqual(mixed().map((_, item) => ({ item })));
			expect(jsonOf(parallel.items)).toEqual(jsonOf(sequential.items));
			const json = jsonOf(parallel.items);
			expect(json[1].error).toMatch(/^Phone Number Instance "not valid!" is not a valid instance.*\[item 1\]$/);
			expect(json[2].error).toMatch(/^projects\/acme\/phoneNumberInstances\/missing-\d+ was not found$/);
			expect(json[4].errorDescription).toContain('projects/acme/phoneNumberInstances/missing-2 was not found');
		});

		it('without Continue On Fail, the lowest failing item names the error even when a later one failed first', async () => {
			const items = [...itemsFor(names.slice(0, 3)), { name: 'missing-3' }, { name: names[3] }, { name: 'missing-5' }, ...itemsFor(names.slice(4, 20))];
			// Item 3 answers (404) after item 5 has failed.
			bed.emu.injectFault({ method: 'GET', path: '/v1beta1/projects/acme/phoneNumberInstances/missing-3', fault: { kind: 'hang', ms: 150 } });
			const result = await run(params('get', byId), 4, items);
			expect(result.items).toHaveLength(0);
			expect(result.error?.message).toMatch(/missing-3 was not found$/);
			expect(result.error?.description).toContain('missing-3 was not found');
			expect((result.error as unknown as { context: { itemIndex: number } }).context.itemIndex).toBe(3);
			// Items 0–5 ran; once item 5 had failed no item started, so besides item 3 (still waiting)
			// at most the two other workers' items went on: nothing after item 7.
			const ids = items.map(({ name }) => name.split('/').pop());
			const ran = apiRequests(bed.emu).map((entry) => ids.indexOf(entry.path.split('/').pop())).sort((x, y) => x - y);
			expect(ran.slice(0, 6)).toEqual([0, 1, 2, 3, 4, 5]);
			expect(Math.max(...ran)).toBeLessThanOrEqual(7);
		});

		it('without Continue On Fail, a bad item stops the run before any request, whatever the Concurrency', async () => {
			const items = [...itemsFor(names.slice(0, 7)), { name: 'not valid!' }, ...itemsFor(names.slice(7, 10))];
			const result = await run(params('get', byId), 5, items);
			expect(result.error?.message).toMatch(/^Phone Number Instance "not valid!" .*\[item 7\]$/);
			expect(apiRequests(bed.emu)).toHaveLength(0);
		});

		it.each([0, 21, 2.5, 'many'])('refuses Concurrency %p before any request', async (concurrency) => {
			const result = await bed.h.runNode({ parameters: { ...params('get', byId), options: { concurrency } }, credentialId: bed.credentialId, items: itemsFor(names.slice(0, 2)) });
			expect(result.error?.message).toMatch(/^Concurrency must be a whole number from 1 to 20 \(got .*\) \[item 0\]$/);
			expect(apiRequests(bed.emu)).toHaveLength(0);
		});
	});

	describe('a 429 slows every worker down', () => {
		const instancePath = /^\/v1beta1\/projects\/acme\/phoneNumberInstances\//;

		it('workers busy when the 429 comes wait for Retry-After too: no request starts in that second, and all items succeed', async () => {
			bed.emu.latencyMs = 30;
			const list = names.slice(0, 20);
			// Item 0 runs alone; then items 1–5 start together and item 1 gets the 429 while
			// the other four workers are still waiting for their answers.
			bed.emu.injectFault({ method: 'GET', path: `/v1beta1/${list[1]}`, fault: { kind: 'status', status: 429, retryAfterSeconds: 1 } });
			for (const name of list.slice(2, 6)) slow(name, 200);
			const result = await run(params('get', byId), 5, itemsFor(list));
			expect(result.error).toBeUndefined();
			expect(jsonOf(result.items).map((json) => json.name)).toEqual(list);
			const log = apiRequests(bed.emu);
			const [limited, ...others] = log.filter((entry) => entry.status === 429);
			expect(others).toEqual([]);
			const answeredAt = limited.endedAt;
			const busy = log.filter((entry) => list.slice(2, 6).some((name) => entry.path === `/v1beta1/${name}`));
			expect(busy).toHaveLength(4);
			expect(busy.every((entry) => entry.startedAt < answeredAt && entry.endedAt < answeredAt + 1000)).toBe(true);
			expect(log.filter((entry) => entry.startedAt >= answeredAt && entry.startedAt < answeredAt + 1000)).toEqual([]);
			expect(log).toHaveLength(21);
			expect(log.filter((entry) => entry.path === `/v1beta1/${list[1]}`).map((entry) => entry.status)).toEqual([429, 200]);
		});

		it('at full speed, only requests already on their way when the 429 is answered start in the Retry-After second', async () => {
			bed.emu.latencyMs = 30;
			bed.emu.injectFault({ method: 'GET', path: instancePath, nth: 8, fault: { kind: 'status', status: 429, retryAfterSeconds: 1 } });
			const list = names.slice(0, 30);
			const result = await run(params('get', byId), 5, itemsFor(list));
			expect(result.error).toBeUndefined();
			expect(jsonOf(result.items).map((json) => json.name)).toEqual(list);
			const log = apiRequests(bed.emu);
			const answeredAt = log.filter((entry) => entry.status === 429)[0].endedAt;
			// Without the shared gate the four other workers would send about 100 requests in that second;
			// with it, at most one each: a request it had already handed to n8n before the 429 was read.
			expect(log.filter((entry) => entry.startedAt >= answeredAt && entry.startedAt < answeredAt + 1000).length).toBeLessThanOrEqual(4);
			expect(log).toHaveLength(31);
			expect(bed.emu.maxInFlight).toBeLessThanOrEqual(5);
		});

		it('creates are still sent once each, the one refused with 429 once more', async () => {
			const numbers = Array.from({ length: 8 }, (_, index) => `+612555017${String(index).padStart(2, '0')}`);
			bed.emu.injectFault({ method: 'POST', path: '/v1beta1/projects/acme/phoneNumberInstances', nth: 3, fault: { kind: 'status', status: 429, retryAfterSeconds: 0.2 } });
			const result = await run(params('create', { phoneNumber: '={{ $json.number }}' }), 4, numbers.map((number) => ({ number })));
			expect(result.error).toBeUndefined();
			expect(jsonOf(result.items).map((json) => json.phoneNumber)).toEqual(numbers);
			const posts = apiRequests(bed.emu).filter((entry) => entry.method === 'POST');
			expect(posts).toHaveLength(9);
			const sentNumbers = posts.filter((entry) => entry.status === 200).map((entry) => (entry.body as { phoneNumber: { phoneNumber: string } }).phoneNumber.phoneNumber);
			expect(sentNumbers.sort()).toEqual([...numbers].sort());
		});
	});

	it('a fresh credential fetches its access token once even when items start together', async () => {
		const fresh = await startTestBed('fresh');
		try {
			fresh.emu.seedBulk('fresh', 10);
			const list = fresh.emu.listStored('fresh').map((instance) => instance.name);
			const result = await fresh.h.runNode({ parameters: withConcurrency(params('get', byId), 5), credentialId: fresh.credentialId, items: itemsFor(list) });
			expect(result.error).toBeUndefined();
			expect(tokenRequests(fresh.emu)).toHaveLength(1);
			expect(fresh.emu.maxInFlight).toBeLessThanOrEqual(5);
		} finally {
			await fresh.close();
		}
	});
});
