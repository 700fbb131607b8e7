/**
 * The transport's retry loop (transport/index.ts with transport/retry.ts and transport/gate.ts),
 * from the sources, against a fake `httpRequestWithAuthentication` that answers from a script,
 * with jest's fake timers: every backoff and Retry-After wait is checked to the millisecond
 * without waiting for real. The engine tests check the same loop against the emulator.
 */
import type { IExecuteFunctions, IHttpRequestOptions, INode } from 'n8n-workflow';

import type { EnfonicaCall } from '../../../../nodes/Enfonica/api';
import { phoneNumberInstances } from '../../../../nodes/Enfonica/api';
import { enfonicaApiRequest } from '../../../../nodes/Enfonica/transport';
import type { CallArgs } from '../../../../nodes/Enfonica/transport';
import { attemptsOf } from '../../../../nodes/Enfonica/errors';
import { MAX_ATTEMPTS } from '../../../../nodes/Enfonica/transport/retry';

type Answer = { status: number; headers?: Record<string, string>; body?: unknown } | { networkCode: string };

const node: INode = { id: '1', name: 'Enfonica', type: 'n8n-nodes-enfonica.enfonica', typeVersion: 1, position: [0, 0], parameters: {} };
const INSTANCE = 'projects/p/phoneNumberInstances/abc';
/** A catalogue call with its arguments. */
type Request = CallArgs & { call: EnfonicaCall };
const GET: Request = { call: phoneNumberInstances.get, name: INSTANCE };
const CREATE: Request = { call: phoneNumberInstances.create, parent: 'projects/p', body: { phoneNumber: '+61255501100' } };
const googleError = (status: number, code: string) => ({ error: { code: status, message: `${code} from the script`, status: code } });

/** A node context whose HTTP helper answers from `answers` in turn, as n8n 2.x does (statuses ≥ 400 thrown). */
function fakeContext(answers: Answer[]) {
	const sent: Array<{ credentialType: string; options: IHttpRequestOptions }> = [];
	/** When each request was sent, in (fake) ms since the start. */
	const sentAt: number[] = [];
	const startedAt = Date.now();
	const httpRequestWithAuthentication = async (credentialType: string, options: IHttpRequestOptions) => {
		sent.push({ credentialType, options });
		sentAt.push(Date.now() - startedAt);
		const answer = answers.shift();
		if (!answer) throw new Error('the script has no more answers');
		if ('networkCode' in answer) throw Object.assign(new Error(`connect ${answer.networkCode}`), { code: answer.networkCode });
		const response = { status: answer.status, headers: answer.headers ?? {}, data: answer.body };
		if (answer.status >= 400) throw Object.assign(new Error(`Request failed with status code ${answer.status}`), { response });
		return { statusCode: answer.status, headers: response.headers, body: answer.body };
	};
	const context = {
		helpers: { httpRequestWithAuthentication },
		getNode: () => node,
		getCredentials: async () => ({ authentication: 'bearerToken', baseUrl: 'https://numbering.test/', timeoutSeconds: 7 }),
	} as unknown as IExecuteFunctions;
	return { context, sent, sentAt };
}

/** Starts a request; its outcome (value or error) is kept so no rejection goes unhandled while timers are advanced. */
function start(context: IExecuteFunctions, { call, ...args }: Request) {
	return enfonicaApiRequest(context, call, args).then(
		(value) => ({ value, error: undefined }),
		(error: Error & { description?: string; httpCode?: string }) => ({ value: undefined, error }),
	);
}

beforeEach(() => {
	jest.useFakeTimers();
	// Full jitter at its top: the backoff is 250, 500, 1000, 2000 ms.
	jest.spyOn(Math, 'random').mockReturnValue(1);
});

afterEach(() => {
	jest.useRealTimers();
	jest.restoreAllMocks();
});

describe('enfonicaApiRequest', () => {
	it('sends through the credential to the base URL, with the deadline, and returns the body', async () => {
		const { context, sent } = fakeContext([{ status: 200, body: { name: INSTANCE } }]);
		const outcome = await start(context, { ...GET, qs: { view: 'FULL' } });
		expect(outcome.value).toEqual({ name: INSTANCE });
		expect(sent).toEqual([
			{
				credentialType: 'enfonicaApi',
				options: expect.objectContaining({ method: 'GET', url: `https://numbering.test/v1beta1/${INSTANCE}`, qs: { view: 'FULL' }, json: true, timeout: 7000, returnFullResponse: true }),
			},
		]);
	});

	it('retries a GET after a 503 once the backoff has passed, not before', async () => {
		const { context, sent } = fakeContext([{ status: 503, body: googleError(503, 'UNAVAILABLE') }, { status: 200, body: { name: INSTANCE } }]);
		const outcome = start(context, GET);
		await jest.advanceTimersByTimeAsync(249);
		expect(sent).toHaveLength(1);
		await jest.advanceTimersByTimeAsync(1);
		expect(sent).toHaveLength(2);
		expect((await outcome).value).toEqual({ name: INSTANCE });
	});

	it(`gives up after ${MAX_ATTEMPTS} attempts, backing off 250, 500, 1000 and 2000 ms, and says how often it tried`, async () => {
		const { context, sentAt } = fakeContext(Array.from({ length: MAX_ATTEMPTS }, () => ({ status: 503, body: googleError(503, 'UNAVAILABLE') })));
		const outcome = start(context, GET);
		await jest.advanceTimersByTimeAsync(60_000);
		expect(sentAt).toEqual([0, 250, 750, 1750, 3750]);
		const { error } = await outcome;
		expect(error?.httpCode).toBe('503');
		expect(attemptsOf(error)).toBe(MAX_ATTEMPTS);
		expect(`${error?.message} ${error?.description}`).toContain('temporary problem (tried 5 times)');
	});

	it('retries network failures of a GET', async () => {
		const { context, sent } = fakeContext([{ networkCode: 'ECONNRESET' }, { networkCode: 'ETIMEDOUT' }, { status: 200, body: {} }]);
		const outcome = start(context, GET);
		await jest.advanceTimersByTimeAsync(750);
		expect(sent).toHaveLength(3);
		expect((await outcome).value).toEqual({});
	});

	it('never sends a create again once it may have reached Enfonica: a 5xx or no answer', async () => {
		for (const answer of [{ status: 500, body: googleError(500, 'INTERNAL') }, { networkCode: 'ECONNRESET' }] as Answer[]) {
			const { context, sent } = fakeContext([answer, { status: 200, body: {} }]);
			const outcome = start(context, CREATE);
			await jest.advanceTimersByTimeAsync(60_000);
			expect(sent).toHaveLength(1);
			const { error } = await outcome;
			expect(attemptsOf(error)).toBe(1);
			expect(`${error?.message} ${error?.description}`).toMatch(/the number may have been bought\. It was not retried automatically/);
		}
	});

	it('waits a 429’s Retry-After (longer than the backoff) before sending again, a create too', async () => {
		const { context, sent } = fakeContext([{ status: 429, headers: { 'retry-after': '2' }, body: googleError(429, 'RESOURCE_EXHAUSTED') }, { status: 200, body: { name: INSTANCE } }]);
		const outcome = start(context, CREATE);
		await jest.advanceTimersByTimeAsync(1999);
		expect(sent).toHaveLength(1);
		await jest.advanceTimersByTimeAsync(1);
		expect(sent).toHaveLength(2);
		expect((await outcome).value).toEqual({ name: INSTANCE });
	});

	it('does not wait for a Retry-After beyond a minute: it fails at once', async () => {
		const { context, sent } = fakeContext([{ status: 429, headers: { 'retry-after': '61' }, body: googleError(429, 'RESOURCE_EXHAUSTED') }]);
		const { error } = await start(context, GET);
		expect(sent).toHaveLength(1);
		expect(error?.httpCode).toBe('429');
		expect(attemptsOf(error)).toBe(1);
	});

	it('does not retry what Enfonica refused (401, 403, 404, 400)', async () => {
		for (const status of [400, 401, 403, 404]) {
			const { context, sent } = fakeContext([{ status, body: googleError(status, 'REFUSED') }, { status: 200, body: {} }]);
			const outcome = start(context, GET);
			await jest.advanceTimersByTimeAsync(10_000);
			expect(sent).toHaveLength(1);
			const { error } = await outcome;
			expect(error?.httpCode).toBe(String(status));
			expect(attemptsOf(error)).toBe(1);
		}
	});

	it('treats a 200 with a body that is not JSON as no answer, and retries a GET', async () => {
		const { context, sent } = fakeContext([{ status: 200, body: '<html>proxy</html>' }, { status: 200, body: { name: INSTANCE } }]);
		const outcome = start(context, GET);
		await jest.advanceTimersByTimeAsync(250);
		expect(sent).toHaveLength(2);
		expect((await outcome).value).toEqual({ name: INSTANCE });
	});
});
