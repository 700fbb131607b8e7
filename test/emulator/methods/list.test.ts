/** Raw-HTTP tests of list: pageSize, pageToken, prefix, includeDeleted and ordering. */
import { startEmulator, type Emulator, type PhoneNumberInstanceJson } from '..';
import { apiClient, collectionPath, resourcePath, type ApiClient } from '../testSupport';

let emu: Emulator;
let api: ApiClient;

const SYDNEY = Array.from({ length: 12 }, (_, i) => `+612555200${String(i).padStart(2, '0')}`);
const MELBOURNE = Array.from({ length: 5 }, (_, i) => `+6135552000${i}`);
const RANGE_START = '+61255530000'; // 50 numbers: …30000 to …30049
const MOBILE = '+61491570158';
const FREECALL = '+611800160403';
const DELETED = '+61255520100';

beforeAll(async () => {
	emu = await startEmulator();
	emu.addBearerToken('list-token');
	api = apiClient(emu.baseUrl, 'list-token');
	emu.seed('p-list', [
		{ phoneNumber: DELETED, lifecycleState: 'DELETED' },
		...SYDNEY.slice(0, 6).map((phoneNumber) => ({ phoneNumber })),
		{ phoneNumber: RANGE_START, rangeSize: 50 },
		...MELBOURNE.map((phoneNumber) => ({ phoneNumber })),
		{ phoneNumber: MOBILE },
		...SYDNEY.slice(6).map((phoneNumber) => ({ phoneNumber })),
		{ phoneNumber: FREECALL },
	]);
});

afterAll(() => emu.close());

type Page = { phoneNumberInstances?: PhoneNumberInstanceJson[]; nextPageToken?: string };

async function listPage(project: string, query: string): Promise<{ status: number; json: any }> {
	return api('GET', `${collectionPath(project)}${query ? `?${query}` : ''}`);
}

/** Follows nextPageToken to the end; returns the numbers in order and the page sizes. */
async function listAll(project: string, query: string): Promise<{ numbers: string[]; pageSizes: number[] }> {
	const numbers: string[] = [];
	const pageSizes: number[] = [];
	let token: string | undefined;
	do {
		const params = [query, token ? `pageToken=${encodeURIComponent(token)}` : ''].filter(Boolean).join('&');
		const result = await listPage(project, params);
		expect(result.status).toBe(200);
		const page = result.json as Page;
		const items = page.phoneNumberInstances ?? [];
		pageSizes.push(items.length);
		numbers.push(...items.map((i) => i.phoneNumber.phoneNumber));
		token = page.nextPageToken;
		if (token !== undefined) expect(token).not.toBe('');
	} while (token);
	return { numbers, pageSizes };
}

const liveInListOrder = (): string[] => emu.listStored('p-list').map((i) => i.phoneNumber.phoneNumber);

describe('ordering and page size', () => {
	it('sorts by createTime descending', async () => {
		const page = (await listPage('p-list', 'pageSize=100')).json as Page;
		const times = (page.phoneNumberInstances ?? []).map((i) => Date.parse(i.createTime ?? ''));
		expect(times).toEqual([...times].sort((a, b) => b - a));
		expect(page.phoneNumberInstances?.[0].phoneNumber.phoneNumber).toBe(FREECALL);
		expect(page.phoneNumberInstances).toHaveLength(20);
		expect(page).not.toHaveProperty('nextPageToken');
	});

	it('defaults to 10 per page (also for pageSize=0) and pages through everything once', async () => {
		const all = await listAll('p-list', '');
		expect(all.pageSizes).toEqual([10, 10]);
		expect(all.numbers).toEqual(liveInListOrder());
		expect((await listAll('p-list', 'pageSize=0')).pageSizes).toEqual([10, 10]);
	});

	it('honours a custom pageSize, also in snake_case', async () => {
		const all = await listAll('p-list', 'pageSize=7');
		expect(all.pageSizes).toEqual([7, 7, 6]);
		expect(all.numbers).toEqual(liveInListOrder());
		expect((await listPage('p-list', 'page_size=3')).json.phoneNumberInstances).toHaveLength(3);
	});

	it('caps pageSize at 100', async () => {
		emu.seedBulk('p-cap', 150);
		const all = await listAll('p-cap', 'pageSize=1000');
		expect(all.pageSizes).toEqual([100, 50]);
		expect(new Set(all.numbers).size).toBe(150);
	});

	it.each(['-1', 'abc', '1.5', '99999999999'])('rejects pageSize=%s', async (value) => {
		const result = await listPage('p-list', `pageSize=${value}`);
		expect(result.status).toBe(400);
		expect(result.json.error.status).toBe('INVALID_ARGUMENT');
		expect(result.json.error.message).toContain('pageSize');
	});

	it('rejects a repeated or unknown parameter', async () => {
		expect((await listPage('p-list', 'pageSize=1&pageSize=2')).status).toBe(400);
		const unknown = await listPage('p-list', 'filter=x');
		expect(unknown.status).toBe(400);
		expect(unknown.json.error.message).toContain('Unknown name "filter"');
	});

	it('breaks createTime ties by id', async () => {
		const createTime = '2024-02-02T02:02:02.000Z';
		emu.seed('p-ties', [
			{ id: 'bbb', phoneNumber: '+61255540001', createTime },
			{ id: 'ccc', phoneNumber: '+61255540002', createTime },
			{ id: 'old', phoneNumber: '+61255540003', createTime: '2023-01-01T00:00:00.000Z' },
			{ id: 'aaa', phoneNumber: '+61255540004', createTime },
		]);
		const all = await listAll('p-ties', 'pageSize=1');
		expect(all.numbers).toEqual(['+61255540004', '+61255540001', '+61255540002', '+61255540003']);
	});

	it('returns an empty object for an empty project', async () => {
		const result = await listPage('p-nothing-here', '');
		expect(result.status).toBe(200);
		expect(result.json).toEqual({});
	});
});

describe('pageToken', () => {
	it.each(['garbage', 'eyJzIjoiIn0.AAAA', ''.padEnd(40, 'A')])('rejects the invalid token %s', async (token) => {
		const result = await listPage('p-list', `pageToken=${token}`);
		expect(result.status).toBe(400);
		expect(result.json.error.status).toBe('INVALID_ARGUMENT');
	});

	it('rejects a tampered token', async () => {
		const token: string = (await listPage('p-list', 'pageSize=2')).json.nextPageToken;
		const [payload, signature] = token.split('.');
		const forged = Buffer.from(Buffer.from(payload, 'base64url').toString().replace('"t":', '"t":1')).toString('base64url');
		expect((await listPage('p-list', `pageToken=${forged}.${signature}`)).status).toBe(400);
	});

	it.each([
		['another project', 'p-cap', ''],
		['another prefix', 'p-list', 'prefix=%2B612'],
		['another includeDeleted', 'p-list', 'includeDeleted=true'],
	])('rejects a token used with %s', async (_, project, query) => {
		const token: string = (await listPage('p-list', 'pageSize=2')).json.nextPageToken;
		const result = await listPage(project, [query, `pageToken=${encodeURIComponent(token)}`].filter(Boolean).join('&'));
		expect(result.status).toBe(400);
		expect(result.json.error.message).toContain('page token');
	});

	it('allows a different pageSize and the same token twice', async () => {
		const token: string = (await listPage('p-list', 'pageSize=2')).json.nextPageToken;
		const a = await listPage('p-list', `pageSize=3&pageToken=${encodeURIComponent(token)}`);
		const b = await listPage('p-list', `pageSize=3&pageToken=${encodeURIComponent(token)}`);
		expect(a.json.phoneNumberInstances).toHaveLength(3);
		expect(b.json).toEqual(a.json);
		expect(a.json.phoneNumberInstances.map((i: PhoneNumberInstanceJson) => i.phoneNumber.phoneNumber)).toEqual(liveInListOrder().slice(2, 5));
	});

	it('keeps its place when items are added and removed between pages', async () => {
		const seeded = emu.seed('p-stable', Array.from({ length: 10 }, (_, i) => ({ phoneNumber: `+6125555000${i}` })));
		const order = [...seeded].reverse().map((i) => i.phoneNumber.phoneNumber);
		const first = await listPage('p-stable', 'pageSize=4');
		expect(first.json.phoneNumberInstances.map((i: PhoneNumberInstanceJson) => i.phoneNumber.phoneNumber)).toEqual(order.slice(0, 4));

		await api('POST', collectionPath('p-stable'), { phoneNumber: { phoneNumber: '+61255550100' } }); // newest: belongs before page 1
		const removed = emu.listStored('p-stable').find((i) => i.phoneNumber.phoneNumber === order[5]);
		await api('DELETE', resourcePath(removed?.name ?? ''));
		const lastOnPage = emu.listStored('p-stable').find((i) => i.phoneNumber.phoneNumber === order[3]);
		await api('DELETE', resourcePath(lastOnPage?.name ?? '')); // the cursor item itself

		const rest = await listPage('p-stable', `pageSize=100&pageToken=${encodeURIComponent(first.json.nextPageToken)}`);
		expect(rest.json.phoneNumberInstances.map((i: PhoneNumberInstanceJson) => i.phoneNumber.phoneNumber)).toEqual([order[4], ...order.slice(6)]);
	});
});

describe('prefix', () => {
	const numbersFor = async (query: string) => (await listAll('p-list', `pageSize=100&${query}`)).numbers.sort();
	const sydney = [...SYDNEY, RANGE_START].sort();

	it('filters by a percent-encoded E.164 prefix, ranges included', async () => {
		expect(await numbersFor('prefix=%2B612')).toEqual(sydney);
		expect(await numbersFor('prefix=%2B6135552')).toEqual([...MELBOURNE].sort());
		expect(await numbersFor('prefix=%2B611800')).toEqual([FREECALL]);
		expect(await numbersFor('prefix=%2B61255520001')).toEqual([SYDNEY[1]]);
	});

	it('matches a range when any of its numbers matches', async () => {
		expect(await numbersFor('prefix=%2B6125553004')).toEqual([RANGE_START]); // …30040-49 are in the range
		expect(await numbersFor('prefix=%2B61255530049')).toEqual([RANGE_START]);
		expect(await numbersFor('prefix=%2B6125553005')).toEqual([]); // …30050 is past the end
		expect(await numbersFor('prefix=%2B61255530050')).toEqual([]);
	});

	it('reads a national 0NSN prefix in each number’s own country', async () => {
		expect(await numbersFor('prefix=02')).toEqual(sydney);
		expect(await numbersFor('prefix=03')).toEqual([...MELBOURNE].sort());
		expect(await numbersFor('prefix=04')).toEqual([MOBILE]);
		expect(await numbersFor('prefix=0255530004')).toEqual([RANGE_START]);
		// 1800 numbers have no trunk 0 in their national form.
		expect(await numbersFor('prefix=0')).toEqual([...SYDNEY, RANGE_START, ...MELBOURNE, MOBILE].sort());
	});

	it('pages through a filtered list', async () => {
		const all = await listAll('p-list', 'pageSize=5&prefix=%2B612');
		expect(all.pageSizes).toEqual([5, 5, 3]);
		expect([...all.numbers].sort()).toEqual(sydney);
	});

	it('treats an empty prefix as no filter', async () => {
		expect(await numbersFor('prefix=')).toHaveLength(20);
	});

	it('rejects a raw + (which arrives as a space) with a hint to percent-encode', async () => {
		const result = await listPage('p-list', 'prefix=+612');
		expect(result.status).toBe(400);
		expect(result.json.error.status).toBe('INVALID_ARGUMENT');
		expect(result.json.error.message).toContain('%2B');
		expect(emu.requests[emu.requests.length - 1].query.prefix).toBe(' 612');
	});

	it.each(['abc', '18', '2', '%2B', '%2B0612', '%2B61-2', '0x2'])('rejects prefix=%s', async (value) => {
		const result = await listPage('p-list', `prefix=${value}`);
		expect(result.status).toBe(400);
		expect(result.json.error.message).toContain('prefix');
	});
});

describe('includeDeleted', () => {
	it('shows deleted instances only when true', async () => {
		expect(await listAll('p-list', 'pageSize=100&includeDeleted=false').then((r) => r.numbers)).not.toContain(DELETED);
		const withDeleted = (await listAll('p-list', 'pageSize=100&includeDeleted=true')).numbers;
		expect(withDeleted).toContain(DELETED);
		expect(withDeleted).toHaveLength(21);
		expect((await listAll('p-list', 'includeDeleted=true&prefix=%2B6125552010')).numbers).toEqual([DELETED]);
		expect((await listAll('p-list', 'prefix=%2B6125552010')).numbers).toEqual([]);
	});

	it('also accepts include_deleted and rejects values other than true/false', async () => {
		expect((await listAll('p-list', 'pageSize=100&include_deleted=true')).numbers).toContain(DELETED);
		const bad = await listPage('p-list', 'includeDeleted=yes');
		expect(bad.status).toBe(400);
		expect(bad.json.error.message).toContain('includeDeleted');
	});
});
