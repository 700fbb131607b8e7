/** Raw-HTTP tests of injected faults, latency, in-flight counting and the request log. */
import { startEmulator, type Emulator } from '.';
import { apiClient, collectionPath, postToken, resourcePath, type ApiClient } from './testSupport';

let emu: Emulator;
let api: ApiClient;
let numberCounter = 0;

beforeAll(async () => {
	emu = await startEmulator();
	emu.addBearerToken('fault-token', { label: 'fault-tests' });
	api = apiClient(emu.baseUrl, 'fault-token');
});

afterAll(() => emu.close());

afterEach(() => {
	emu.clearFaults();
	emu.latencyMs = 0;
});

const LIST = collectionPath('p-faults');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const nextNumber = () => `+6125558${String(++numberCounter).padStart(4, '0')}`;
const held = (number: string) => emu.listStored('p-faults', { includeDeleted: true }).some((i) => i.phoneNumber.phoneNumber === number);
const create = (number: string, init?: RequestInit) =>
	fetch(`${emu.baseUrl}${LIST}`, {
		method: 'POST',
		headers: { Authorization: 'Bearer fault-token', 'Content-Type': 'application/json' },
		body: JSON.stringify({ phoneNumber: { phoneNumber: number } }),
		...init,
	});
const lastEntry = () => emu.requests[emu.requests.length - 1];

describe('status faults', () => {
	it('fail the next matching request once with a Google error, by default', async () => {
		emu.injectFault({ fault: { kind: 'status', status: 503 } });
		const failed = await api('GET', LIST);
		expect(failed.status).toBe(503);
		expect(failed.json).toEqual({ error: { code: 503, message: expect.any(String), status: 'UNAVAILABLE' } });
		expect(lastEntry()).toMatchObject({ status: 503, fault: 'status:503' });
		expect((await api('GET', LIST)).status).toBe(200);
		expect(lastEntry().fault).toBeUndefined();
	});

	it('carry Retry-After and RetryInfo for 429', async () => {
		emu.injectFault({ fault: { kind: 'status', status: 429, retryAfterSeconds: 7, message: 'Quota exceeded for numbering reads.' } });
		const result = await api('GET', LIST);
		expect(result.status).toBe(429);
		expect(result.headers.get('retry-after')).toBe('7');
		expect(result.json.error).toMatchObject({ code: 429, status: 'RESOURCE_EXHAUSTED', message: 'Quota exceeded for numbering reads.' });
		expect(result.json.error.details).toEqual([{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '7s' }]);
	});

	it.each([
		[500, 'INTERNAL'],
		[504, 'DEADLINE_EXCEEDED'],
		[502, 'UNAVAILABLE'],
		[409, 'ALREADY_EXISTS'],
		[401, 'UNAUTHENTICATED'],
	])('map %d to %s', async (status, name) => {
		emu.injectFault({ fault: { kind: 'status', status } });
		const result = await api('GET', LIST);
		expect(result.status).toBe(status);
		expect(result.json.error.status).toBe(name);
	});

	it('take an explicit status name', async () => {
		emu.injectFault({ fault: { kind: 'status', status: 409, statusName: 'ABORTED' } });
		expect((await api('GET', LIST)).json.error).toMatchObject({ code: 409, status: 'ABORTED' });
	});

	it('honour nth and times', async () => {
		emu.injectFault({ path: LIST, nth: 2, times: 2, fault: { kind: 'status', status: 500 } });
		const statuses: number[] = [];
		for (let i = 0; i < 5; i++) statuses.push((await api('GET', LIST)).status);
		expect(statuses).toEqual([200, 500, 500, 200, 200]);
	});

	it('count only requests matching method and path (string or RegExp)', async () => {
		emu.injectFault({ method: 'post', path: /:splitRange$/, fault: { kind: 'status', status: 503 } });
		const [range] = emu.seed('p-faults', [{ phoneNumber: nextNumber(), rangeSize: 4 }]);
		numberCounter += 4;
		expect((await api('GET', LIST)).status).toBe(200);
		expect((await api('POST', `${resourcePath(range.name)}:move`, { destinationParent: 'projects/p-faults-2' })).status).toBe(200);
		const moved = `projects/p-faults-2/phoneNumberInstances/${range.name.split('/').pop()}`;
		expect((await api('POST', `${resourcePath(moved)}:splitRange`, { size: 1 })).status).toBe(503);
		expect(emu.getInstance(moved)?.range?.size).toBe(4);
		expect((await api('POST', `${resourcePath(moved)}:splitRange`, { size: 1 })).status).toBe(200);
	});

	it('apply in order; a due rule that loses to an earlier one still spends that slot', async () => {
		emu.injectFault({ fault: { kind: 'status', status: 500 } });
		emu.injectFault({ times: 2, fault: { kind: 'status', status: 503 } });
		const statuses: number[] = [];
		for (let i = 0; i < 3; i++) statuses.push((await api('GET', LIST)).status);
		expect(statuses).toEqual([500, 503, 200]);
	});

	it('leave state untouched unless applyAfterProcessing', async () => {
		const lost = nextNumber();
		emu.injectFault({ method: 'POST', fault: { kind: 'status', status: 503 } });
		expect((await create(lost)).status).toBe(503);
		expect(held(lost)).toBe(false);

		const done = nextNumber();
		emu.injectFault({ method: 'POST', applyAfterProcessing: true, fault: { kind: 'status', status: 500 } });
		expect((await create(done)).status).toBe(500);
		expect(held(done)).toBe(true);
		// The classic trap: a blind retry of a create whose response was lost.
		expect((await create(done)).status).toBe(409);
	});

	it('are removed by clearFaults()', async () => {
		emu.injectFault({ times: 5, fault: { kind: 'status', status: 500 } });
		emu.clearFaults();
		expect((await api('GET', LIST)).status).toBe(200);
	});

	it('also hit the token endpoint', async () => {
		emu.injectFault({ path: '/token', fault: { kind: 'status', status: 503 } });
		const form = { grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion: 'x' };
		const faulted = await postToken(emu.tokenUrl, form);
		expect(faulted.status).toBe(503);
		expect(faulted.json.error.status).toBe('UNAVAILABLE');
		expect((await postToken(emu.tokenUrl, form)).json.error).toBe('invalid_request');
	});
});

describe('connection faults', () => {
	it('reset: the client sees ECONNRESET and nothing changes', async () => {
		const number = nextNumber();
		emu.injectFault({ method: 'POST', fault: { kind: 'reset' } });
		const error = await create(number).then(
			() => undefined,
			(e: Error & { cause?: { code?: string } }) => e,
		);
		expect(error?.cause?.code).toBe('ECONNRESET');
		expect(held(number)).toBe(false);
		expect(lastEntry()).toMatchObject({ fault: 'reset', status: 0 });
		expect(lastEntry().endedAt).toBeGreaterThanOrEqual(lastEntry().startedAt);
		expect((await create(number)).status).toBe(200);
	});

	it('reset after processing: created, but the client never hears', async () => {
		const number = nextNumber();
		emu.injectFault({ method: 'POST', applyAfterProcessing: true, fault: { kind: 'reset' } });
		await expect(create(number)).rejects.toThrow();
		expect(held(number)).toBe(true);
	});

	it('malformed: a 200 JSON response that does not parse', async () => {
		emu.seed('p-faults', [{ phoneNumber: nextNumber(), displayName: 'Visible' }]);
		emu.injectFault({ fault: { kind: 'malformed' } });
		const response = await fetch(`${emu.baseUrl}${LIST}`, { headers: { Authorization: 'Bearer fault-token' } });
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toMatch(/^application\/json/);
		await expect(response.json()).rejects.toThrow();
		expect(lastEntry()).toMatchObject({ status: 200, fault: 'malformed' });

		const real = (await api('GET', LIST)).text;
		emu.injectFault({ fault: { kind: 'malformed' }, applyAfterProcessing: true });
		const truncated = (await api('GET', LIST)).text;
		expect(truncated.length).toBeGreaterThan(0);
		expect(real.startsWith(truncated)).toBe(true);
		expect(truncated.length).toBeLessThan(real.length);
	});

	it('malformed create changes nothing', async () => {
		const number = nextNumber();
		emu.injectFault({ method: 'POST', fault: { kind: 'malformed' } });
		expect((await create(number)).status).toBe(200);
		expect(held(number)).toBe(false);
	});

	it('hang: never answers; the client times out; nothing changes', async () => {
		const number = nextNumber();
		emu.injectFault({ method: 'POST', fault: { kind: 'hang' } });
		const started = Date.now();
		await expect(create(number, { signal: AbortSignal.timeout(150) })).rejects.toThrow(/abort|timeout/i);
		expect(Date.now() - started).toBeGreaterThanOrEqual(140);
		await sleep(30);
		expect(emu.inFlight).toBe(0);
		expect(lastEntry()).toMatchObject({ fault: 'hang', status: 0 });
		expect(held(number)).toBe(false);
	});

	it('hang after processing: the create happened although the client timed out', async () => {
		const number = nextNumber();
		emu.injectFault({ method: 'POST', applyAfterProcessing: true, fault: { kind: 'hang' } });
		await expect(create(number, { signal: AbortSignal.timeout(100) })).rejects.toThrow();
		expect(held(number)).toBe(true);
	});

	it('hang with ms: a slow answer, or nothing if the client gave up first', async () => {
		const patient = nextNumber();
		emu.injectFault({ method: 'POST', fault: { kind: 'hang', ms: 200 } });
		const started = Date.now();
		const response = await create(patient);
		expect(response.status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(195);
		expect(held(patient)).toBe(true);
		expect(lastEntry()).toMatchObject({ fault: 'hang:200ms', status: 200 });

		const impatient = nextNumber();
		emu.injectFault({ method: 'POST', fault: { kind: 'hang', ms: 200 } });
		await expect(create(impatient, { signal: AbortSignal.timeout(50) })).rejects.toThrow();
		await sleep(250);
		expect(held(impatient)).toBe(false);
	});

	it('close() ends hung requests promptly', async () => {
		const doomed = await startEmulator();
		doomed.addBearerToken('t');
		doomed.injectFault({ fault: { kind: 'hang' } });
		const pending = fetch(`${doomed.baseUrl}${LIST}`, { headers: { Authorization: 'Bearer t' } });
		const outcome = pending.then(
			() => 'answered',
			() => 'failed',
		);
		await sleep(50);
		const started = Date.now();
		await doomed.close();
		expect(Date.now() - started).toBeLessThan(500);
		expect(await outcome).toBe('failed');
	});
});

describe('latency and concurrency', () => {
	it('delays every response by latencyMs and counts requests in flight', async () => {
		emu.latencyMs = 150;
		emu.resetMaxInFlight();
		const started = Date.now();
		const requests = Array.from({ length: 5 }, () => api('GET', LIST));
		// Wait until all five are inside the emulator (a shared machine may take a while to send them).
		while (emu.inFlight < 5 && Date.now() - started < 140) await sleep(5);
		expect(emu.inFlight).toBe(5);
		const results = await Promise.all(requests);
		expect(results.every((r) => r.status === 200)).toBe(true);
		expect(Date.now() - started).toBeGreaterThanOrEqual(145);
		expect(emu.maxInFlight).toBe(5);
		expect(emu.inFlight).toBe(0);
		emu.resetMaxInFlight();
		expect(emu.maxInFlight).toBe(0);
	});

	it('delays the token endpoint too, without counting it as an API request', async () => {
		emu.latencyMs = 100;
		emu.resetMaxInFlight();
		const started = Date.now();
		await postToken(emu.tokenUrl, { grant_type: 'x' });
		expect(Date.now() - started).toBeGreaterThanOrEqual(95);
		expect(emu.maxInFlight).toBe(0);
	});
});

describe('request log', () => {
	it('records decoded requests in arrival order with principal, status and timing', async () => {
		emu.clearLog();
		expect(emu.requests).toHaveLength(0);
		const [instance] = emu.seed('p-faults', [{ phoneNumber: nextNumber() }]);
		await api('GET', `${LIST}?prefix=%2B612&pageSize=5`);
		await api('PATCH', `${resourcePath(instance.name)}?updateMask=displayName`, { displayName: 'Logged' });
		await api('POST', `${resourcePath(instance.name)}%3AsplitRange`, { size: 1 });
		await apiClient(emu.baseUrl)('GET', LIST);
		await postToken(emu.tokenUrl, { grant_type: 'password' });

		const entries = emu.requests;
		expect(entries.map((e) => [e.method, e.status])).toEqual([
			['GET', 200],
			['PATCH', 200],
			['POST', 400],
			['GET', 401],
			['POST', 400],
		]);
		expect(entries[0]).toMatchObject({ path: LIST, query: { prefix: '+612', pageSize: '5' }, body: undefined, principal: 'fault-tests' });
		expect(entries[1]).toMatchObject({ path: resourcePath(instance.name), query: { updateMask: 'displayName' }, body: { displayName: 'Logged' } });
		expect(entries[2].path).toBe(`${resourcePath(instance.name)}:splitRange`);
		expect(entries[2].body).toEqual({ size: 1 });
		expect(entries[3].principal).toBeUndefined();
		expect(entries[4]).toMatchObject({ path: '/token', body: { grant_type: 'password' } });
		for (const entry of entries) {
			expect(entry.startedAt).toBeGreaterThan(0);
			expect(entry.endedAt).toBeGreaterThanOrEqual(entry.startedAt);
			expect(entry.fault).toBeUndefined();
		}
		expect(JSON.stringify(entries)).not.toContain('fault-token');
	});
});
