import type { TestBed } from '../../../support/setup';
import { apiRequests, byName, startTestBed } from '../../../support/setup';

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
			expect(result.error?.message).toBe('projects/acme/phoneNumberInstances/doesnotexist was not found');
			expect(result.error?.description).toMatch(/Check the project and the instance.*Enfonica answered HTTP 404 NOT_FOUND: /);
			expect(apiRequests(bed.emu)).toHaveLength(1);
		});

		it('403 names the missing permission and the project', async () => {
			const result = await run(getParameters('abc', 'other-project'));
			expect(result.error?.message).toBe('The credential is not allowed to read phone number instances in projects/other-project');
			expect(result.error?.description).toContain('Enfonica answered HTTP 403 PERMISSION_DENIED: ');
			expect(result.error?.description).toContain('numbering.phoneNumberInstances.get');
			expect(result.error?.description).toContain('projects/other-project');
		});

		it('401 says to check the key or token, after one renewal attempt', async () => {
			bed.emu.addBearerToken('bt-revoked-later', { projects: ['acme'] });
			const credential = bed.h.addCredential({ authentication: 'bearerToken', bearerToken: 'bt-not-registered', projectId: 'acme', baseUrl: bed.emu.baseUrl });
			const result = await run(getParameters(instanceName), credential.id);
			expect(result.error?.message).toBe('Enfonica did not accept the bearer token');
			expect(result.error?.description).toMatch(/expire \(they last two years\)\. Ask Enfonica support for a new token, or switch the credential to a Service Account Key/);
			expect(result.error?.description).toContain('HTTP 401 UNAUTHENTICATED');
			expect(JSON.stringify(result.error)).not.toContain('bt-not-registered');
			// n8n renews the token once on 401 and retries once, then gives up.
			expect(apiRequests(bed.emu).map((request) => request.status)).toEqual([401, 401]);
		});

		it.each([
			[400, 'INVALID_ARGUMENT', 'Enfonica refused a value in the request'],
			[409, 'ALREADY_EXISTS', 'Enfonica reports a conflict'],
		])('%s %s', async (status, name, message) => {
			bed.emu.injectFault({ method: 'GET', path: instancePath, fault: { kind: 'status', status, message: 'emulated failure' } });
			const result = await run();
			expect(result.error?.message).toBe(message);
			expect(result.error?.description).toMatch(new RegExp(`Enfonica answered HTTP ${status} ${name}: emulated failure$`));
			expect(apiRequests(bed.emu)).toHaveLength(1);
		});
	});

	describe('answers that are not Enfonica\'s usual shape', () => {
		it.each([
			['an array', '[]'],
			['a JSON string', '"ok"'],
			['plain text', 'OK'],
		])('a 200 whose body is %s is an unreadable answer, not an empty item', async (_label, body) => {
			bed.emu.injectFault({ method: 'GET', path: instancePath, times: 5, fault: { kind: 'answer', status: 200, body } });
			const result = await run();
			expect(result.items).toHaveLength(0);
			expect(result.error?.message).toBe('Enfonica\'s answer to the get could not be read after 5 attempts');
			expect(result.error?.description).toMatch(/something other than a JSON object\. Check the API Base URL/);
		});

		it.each([
			['plain text', 502, 'Bad Gateway: upstream closed', 'text/plain', 'Bad Gateway: upstream closed'],
			['an HTML page', 403, '<html><head><title>403</title></head><body><h1>Forbidden by proxy</h1></body></html>', 'text/html', '403 Forbidden by proxy'],
			['{ "message": … }', 400, '{"message":"pageSize too large"}', 'application/json', 'pageSize too large'],
		])('an error answered as %s reaches the user with its status and text', async (_label, status, body, contentType, text) => {
			bed.emu.injectFault({ method: 'GET', path: instancePath, times: 5, fault: { kind: 'answer', status, body, contentType } });
			const result = await run();
			expect(result.error?.description).toContain(`Enfonica answered HTTP ${status}: ${text}`);
			expect(JSON.stringify(result.error)).not.toMatch(/undefined|no message/);
		});
	});

	describe('a 429 asking for a longer wait than the node waits', () => {
		it('fails at once and says how long Enfonica asked to wait', async () => {
			bed.emu.injectFault({ method: 'GET', path: instancePath, fault: { kind: 'status', status: 429, retryAfterSeconds: 120 } });
			const result = await run();
			expect(result.error?.message).toBe('Enfonica is limiting the request rate and asked to wait 120 s');
			expect(result.error?.description).toMatch(/longer than the node waits on its own \(60 s\)\. Run the workflow again after 120 s/);
			expect(apiRequests(bed.emu)).toHaveLength(1);
		});
	});

	describe('the credential\'s API Base URL', () => {
		it.each([
			['numbering.api.enfonica.com', /API Base URL "numbering\.api\.enfonica\.com" must start with https:\/\//],
			['localhost:1234', /API Base URL "localhost:1234" must start with https:\/\//],
			['https://', /API Base URL "https:\/\/" is not a valid URL/],
		])('typed as %s: refused before anything is sent, naming the field and the fix', async (baseUrl, message) => {
			const credential = bed.h.addCredential({ authentication: 'serviceAccountKey', serviceAccountKey: JSON.stringify(bed.key), baseUrl, tokenUrl: bed.emu.tokenUrl });
			const result = await run(getParameters(instanceName), credential.id);
			expect(result.error?.message).toMatch(message);
			expect(result.error?.description).toMatch(/Open the Enfonica API credential, correct the field/);
			expect(bed.emu.requests).toHaveLength(0);
		});

		it('ending in /v1beta1 (or /v1beta1/) is read without it', async () => {
			for (const suffix of ['/v1beta1', '/v1beta1/']) {
				const credential = bed.h.addCredential({ authentication: 'serviceAccountKey', serviceAccountKey: JSON.stringify(bed.key), baseUrl: `${bed.emu.baseUrl}${suffix}`, tokenUrl: bed.emu.tokenUrl });
				const result = await run(getParameters(instanceName), credential.id);
				expect(result.error).toBeUndefined();
			}
			expect(apiRequests(bed.emu).map((request) => request.path)).toEqual([instancePath, instancePath]);
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
			expect(result.error?.message).toBe('Enfonica had a temporary problem (tried 5 times)');
			expect(result.error?.description).toMatch(/HTTP 503 UNAVAILABLE/);
			expect(apiRequests(bed.emu)).toHaveLength(5);
		});
	});

	describe('create (POST) is never sent twice unless Enfonica refused it with 429', () => {
		const createParameters = { resource: 'phoneNumberInstance', operation: 'create', project: '', phoneNumber: '+61255502200', additionalFields: {} };
		const creates = () => apiRequests(bed.emu).filter((request) => request.method === 'POST');

		// A read after the unclear answer tells it was not bought (test/nodes/Enfonica/actions/phoneNumberInstance/create.test.ts has the other outcomes).
		it.each([
			['503', { kind: 'status', status: 503 } as const, 'HTTP 503'],
			['500', { kind: 'status', status: 500 } as const, 'HTTP 500'],
			['connection reset', { kind: 'reset' } as const, 'connection failed'],
			['timeout', { kind: 'hang', ms: 3000 } as const, 'timed out'],
		])('%s: sent exactly once, and a read after it says the number was not bought', async (_label, fault, cause) => {
			bed.emu.injectFault({ method: 'POST', fault, times: 5 });
			const result = await bed.h.runNode({ parameters: createParameters, credentialId: bed.credentialId });
			expect(result.error?.message).toBe(`+61255502200 was not bought: no clear answer from Enfonica (${cause})`);
			expect(result.error?.description).toMatch(/nothing was bought\. Running the workflow again is safe/);
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
