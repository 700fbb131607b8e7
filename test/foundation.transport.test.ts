import type { TestBed } from './support/setup';
import { apiRequests, byName, startTestBed } from './support/setup';

const getParameters = (name: string, project = '') => ({ resource: 'phoneNumberInstance', operation: 'get', project, phoneNumberInstance: byName(name) });

describe('request helper: errors and retries, in the engine', () => {
	let bed: TestBed;
	let instanceName: string;
	let instancePath: string;

	beforeAll(async () => {
		// A 1 s timeout keeps the timeout drills short; the default is 10 s.
		bed = await startTestBed('acme', { timeoutSeconds: 1 });
		[{ name: instanceName }] = bed.emu.seed('acme', [{ phoneNumber: '+61255501100' }]) as Array<{ name: string }>;
		instancePath = `/v1beta1/${instanceName}`;
		// Fetch the access token up front so request counts below are API calls only.
		await bed.h.runNode({ parameters: getParameters(instanceName), credentialId: bed.credentialId });
	});
	afterAll(async () => await bed.close());
	beforeEach(() => {
		bed.emu.clearFaults();
		bed.emu.clearLog();
	});

	const run = async (parameters = getParameters(instanceName), credentialId = bed.credentialId) =>
		await bed.h.runNode({ parameters, credentialId });

	describe('each error status maps to a message and a fix', () => {
		it('404 names the missing resource', async () => {
			const result = await run(getParameters('doesnotexist'));
			expect(result.error?.message).toMatch(/^Enfonica API error 404 NOT_FOUND: /);
			expect(result.error?.description).toContain('projects/acme/phoneNumberInstances/doesnotexist was not found');
			expect(apiRequests(bed.emu)).toHaveLength(1);
		});

		it('403 names the missing permission and the project', async () => {
			const result = await run(getParameters('abc', 'other-project'));
			expect(result.error?.message).toMatch(/^Enfonica API error 403 PERMISSION_DENIED: /);
			expect(result.error?.description).toContain('numbering.phoneNumberInstances.get');
			expect(result.error?.description).toContain('projects/other-project');
		});

		it('401 says to check the key or token, after one renewal attempt', async () => {
			bed.emu.addBearerToken('bt-revoked-later', { projects: ['acme'] });
			const credential = bed.h.addCredential({ authentication: 'bearerToken', bearerToken: 'bt-not-registered', projectId: 'acme', baseUrl: bed.emu.baseUrl });
			const result = await run(getParameters(instanceName), credential.id);
			expect(result.error?.message).toMatch(/401/);
			expect(result.error?.description).toMatch(/service account key .* or the bearer token/);
			expect(JSON.stringify(result.error)).not.toContain('bt-not-registered');
			// n8n renews the token once on 401 and retries once, then gives up.
			expect(apiRequests(bed.emu).map((request) => request.status)).toEqual([401, 401]);
		});

		it.each([
			[400, 'INVALID_ARGUMENT', /rejected a value/],
			[409, 'ALREADY_EXISTS', /conflict/],
		])('%s %s', async (status, name, description) => {
			bed.emu.injectFault({ method: 'GET', path: instancePath, fault: { kind: 'status', status, message: 'emulated failure' } });
			const result = await run();
			expect(result.error?.message).toBe(`Enfonica API error ${status} ${name}: emulated failure`);
			expect(result.error?.description).toMatch(description);
			expect(apiRequests(bed.emu)).toHaveLength(1);
		});
	});

	describe('GET is retried on transient failures', () => {
		it.each([
			['503', { kind: 'status', status: 503 } as const],
			['500', { kind: 'status', status: 500 } as const],
			['connection reset', { kind: 'reset' } as const],
			['malformed body', { kind: 'malformed' } as const],
		])('%s twice, then success', async (_label, fault) => {
			bed.emu.injectFault({ method: 'GET', path: instancePath, times: 2, fault });
			const result = await run();
			expect(result.error).toBeUndefined();
			expect(result.items[0].json.name).toBe(instanceName);
			expect(apiRequests(bed.emu).map((request) => request.status)).toHaveLength(3);
		});

		it('honours Retry-After on 429', async () => {
			bed.emu.injectFault({ method: 'GET', path: instancePath, fault: { kind: 'status', status: 429, retryAfterSeconds: 1 } });
			const result = await run();
			expect(result.error).toBeUndefined();
			const [refused, retried] = apiRequests(bed.emu);
			expect(refused.status).toBe(429);
			expect(retried.startedAt - refused.endedAt).toBeGreaterThanOrEqual(950);
		});

		it('retries a timed-out GET', async () => {
			bed.emu.injectFault({ method: 'GET', path: instancePath, fault: { kind: 'hang', ms: 3000 } });
			const result = await run();
			expect(result.error).toBeUndefined();
			expect(apiRequests(bed.emu).length).toBeGreaterThanOrEqual(2);
		});

		it('gives up after 5 attempts with a clear error', async () => {
			bed.emu.injectFault({ method: 'GET', path: instancePath, times: 10, fault: { kind: 'status', status: 503 } });
			const result = await run();
			expect(result.error?.message).toMatch(/^Enfonica API error 503 UNAVAILABLE/);
			expect(result.error?.description).toMatch(/tried 5 times/);
			expect(apiRequests(bed.emu)).toHaveLength(5);
		});
	});

	describe('create (POST) is never sent twice unless Enfonica refused it with 429', () => {
		const createParameters = { resource: 'phoneNumberInstance', operation: 'create', project: '', phoneNumber: '+61255502200', additionalFields: {} };
		const creates = () => apiRequests(bed.emu).filter((request) => request.method === 'POST');

		it.each([
			['503', { kind: 'status', status: 503 } as const, /may have been bought/],
			['500', { kind: 'status', status: 500 } as const, /may have been bought/],
			['connection reset', { kind: 'reset' } as const, /may have been bought/],
			['timeout', { kind: 'hang', ms: 3000 } as const, /may have been bought/],
		])('%s: sent exactly once, error says it may have happened and how to check', async (_label, fault, description) => {
			bed.emu.injectFault({ method: 'POST', fault, times: 5 });
			const result = await bed.h.runNode({ parameters: createParameters, credentialId: bed.credentialId });
			expect(result.error).toBeDefined();
			expect(result.error?.description).toMatch(description);
			expect(result.error?.description).toMatch(/Get Many .*Prefix/);
			expect(creates()).toHaveLength(1);
		});

		it('429 is retried (the request was refused unprocessed) and the number is bought once', async () => {
			bed.emu.injectFault({ method: 'POST', fault: { kind: 'status', status: 429, retryAfterSeconds: 0 } });
			const result = await bed.h.runNode({ parameters: { ...createParameters, phoneNumber: '+61255502201' }, credentialId: bed.credentialId });
			expect(result.error).toBeUndefined();
			expect(creates().map((request) => request.status)).toEqual([429, 200]);
			expect(bed.emu.listStored('acme').filter((instance) => instance.phoneNumber?.phoneNumber === '+61255502201')).toHaveLength(1);
		});
	});
});
