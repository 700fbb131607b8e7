/**
 * Secret sweep: every error path run with a service-account key and bearer tokens that carry
 * distinctive markers. No marker may appear in an error message or description, in the error as
 * the engine recorded it (runData), in an output item, in a credential test result or in anything
 * n8n or the nodes logged.
 *
 * Secrets: the private key (three 24-character slices of its base64 body, for each key used), the
 * bearer tokens, the access tokens the emulator issued and the signed assertions exchanged for them.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Emulator } from '../emulator';
import { startEmulator } from '../emulator';
import type { Harness } from '../harness';
import { createHarness } from '../harness';
import { assertionSignatures, issuedAccessTokens, leaks, privateKeySlices, reachableStrings, safeStringify } from '../support/drills';
import { params } from '../support/operations';
import { byName } from '../support/setup';

const LIST = '/v1beta1/projects/acme/phoneNumberInstances';

describe('secret sweep: no key, token or assertion in any error, output or log', () => {
	let emu: Emulator;
	let h: Harness;
	const cred: Record<string, string> = {};
	const staticMarkers: string[] = [];
	let instanceName: string;
	let ranges = 0;
	let buys = 0;

	/** Every secret known so far, including access tokens and assertions issued during the runs. */
	const markers = () => [...staticMarkers, ...issuedAccessTokens(emu), ...assertionSignatures(emu.requests)];

	/** Adds a credential whose data includes `fields`; the API URLs and a 1 s timeout are filled in. */
	const addCredential = (name: string, fields: IDataObject) => {
		cred[name] = h.addCredential({ baseUrl: emu.baseUrl, tokenUrl: emu.tokenUrl, timeoutSeconds: 1, ...fields }).id;
		return cred[name];
	};

	/** Runs a case and checks every text it produced, and every log line it caused, for markers. */
	const sweep = async (label: string, texts: () => Promise<Record<string, string>>) => {
		const logsFrom = h.logs.length;
		const produced = await texts();
		const logs = h.logs.slice(logsFrom);
		const found = leaks(markers(), {
			...produced,
			logs: safeStringify(logs),
			'logs (every reachable string)': reachableStrings(logs).join('\n'),
		});
		expect({ label, found }).toEqual({ label, found: [] });
	};

	/** A node run: its error (message, description, as recorded and every string reachable from it), runData, output. */
	const runCase = async (label: string, credentialName: string, parameters: IDataObject, expected: RegExp, options: { continueOnFail?: boolean; items?: IDataObject[] } = {}) => {
		await sweep(label, async () => {
			const result = await h.runNode({ parameters: parameters as INodeParameters, credentialId: cred[credentialName], ...options });
			const errorText = options.continueOnFail ? String(result.items[0]?.json.error ?? '') : String(result.error?.message ?? '');
			// The path under test was really taken.
			expect({ label, errorText }).toEqual({ label, errorText: expect.stringMatching(expected) });
			return {
				message: String(result.error?.message ?? ''),
				description: String(result.error?.description ?? ''),
				'error as recorded': safeStringify(result.error),
				'error (every reachable string)': reachableStrings(result.error).join('\n'),
				runData: safeStringify(result.runData),
				'execution error': safeStringify(result.run.data.resultData.error),
				output: safeStringify(result.items),
			};
		});
	};

	/** A trigger poll: its error and anything it returned or saved. */
	const pollCase = async (label: string, credentialName: string, expected: RegExp, project = 'acme') => {
		await sweep(label, async () => {
			const result = await h.poll({ parameters: { project, events: ['lifecycleStateChanged'] }, credentialId: cred[credentialName], staticData: {}, mode: 'trigger' });
			expect({ label, error: result.error?.message }).toEqual({ label, error: expect.stringMatching(expected) });
			return {
				message: String(result.error?.message ?? ''),
				description: String((result.error as { description?: unknown } | undefined)?.description ?? ''),
				'error as recorded': safeStringify(result.error),
				'error (every reachable string)': reachableStrings(result.error).join('\n'),
				result: safeStringify(result.result),
				staticData: safeStringify(result.workflowStaticData),
			};
		});
	};

	/** The credential's Test button. */
	const testCase = async (label: string, credentialName: string, expected: RegExp) => {
		await sweep(label, async () => {
			const result = await h.testCredential({ credentialId: cred[credentialName] });
			expect({ label, result }).toEqual({ label, result: { status: 'Error', message: expect.stringMatching(expected) } });
			return { 'test result': safeStringify(result) };
		});
	};

	beforeAll(async () => {
		emu = await startEmulator();
		h = await createHarness();
		const key = emu.createServiceAccount({ projectId: 'acme', projects: ['acme'], clientEmail: 'drill-sa@acme.iam.enfonica.test' });
		staticMarkers.push(...privateKeySlices(key.private_key));
		addCredential('serviceAccount', { authentication: 'serviceAccountKey', serviceAccountKey: JSON.stringify(key) });

		const bearer = `bt-SECRETMARKER-${randomBytes(12).toString('hex')}`;
		const revokedBearer = `bt-SECRETMARKER-revoked-${randomBytes(12).toString('hex')}`;
		emu.addBearerToken(bearer, { projects: ['acme'] });
		staticMarkers.push(bearer, revokedBearer);
		addCredential('bearer', { authentication: 'bearerToken', bearerToken: bearer, projectId: 'acme' });
		addCredential('revokedBearer', { authentication: 'bearerToken', bearerToken: revokedBearer, projectId: 'acme' });

		// A well-formed key Enfonica does not know (deleted in the Console, say): the token endpoint refuses it.
		const unknownPem = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
		staticMarkers.push(...privateKeySlices(unknownPem));
		addCredential('unknownKey', { authentication: 'serviceAccountKey', serviceAccountKey: JSON.stringify({ ...key, private_key_id: 'deadbeef', private_key: unknownPem }) });

		// A key whose private_key is damaged (a line lost in copying): the marker sits inside the PEM body.
		const brokenMarker = `BROKENKEYMARKER${randomBytes(9).toString('hex')}`;
		staticMarkers.push(brokenMarker);
		const brokenPem = key.private_key.replace(/\n[A-Za-z0-9+/]{64}\n/, `\n${brokenMarker}\n`);
		addCredential('brokenKey', { authentication: 'serviceAccountKey', serviceAccountKey: JSON.stringify({ ...key, private_key: brokenPem }), projectId: 'acme' });

		// A key pasted through an editor that turned the quotes around private_key into curly quotes: not JSON.
		const curlyMarker = `CURLYKEYMARKER${randomBytes(9).toString('hex')}`;
		staticMarkers.push(curlyMarker);
		const curlyJson = JSON.stringify({ ...key, private_key: 'PLACEHOLDER' }).replace('"PLACEHOLDER"', `\u201c${curlyMarker}${key.private_key.replace(/\n/g, '\\n')}\u201d`);
		addCredential('curlyKey', { authentication: 'serviceAccountKey', serviceAccountKey: curlyJson });
		addCredential('curlyKeyWithProject', { authentication: 'serviceAccountKey', serviceAccountKey: curlyJson, projectId: 'acme' });

		// The valid key, aimed at a project it may not use (credential test: 403).
		addCredential('wrongProject', { authentication: 'serviceAccountKey', serviceAccountKey: JSON.stringify(key), projectId: 'elsewhere' });

		[{ name: instanceName }] = emu.seed('acme', [{ phoneNumber: '+61370700000', displayName: 'Swept' }]);
		// Issue an access token, so every later case runs with one cached (and swept for).
		expect((await h.runNode({ parameters: get() as INodeParameters, credentialId: cred.serviceAccount })).error).toBeUndefined();
		expect(issuedAccessTokens(emu)).toHaveLength(1);
		expect(h.credentials.get(cred.serviceAccount).data.accessToken).toBe(issuedAccessTokens(emu)[0]);
	});
	afterAll(async () => await emu.close());
	beforeEach(() => emu.clearFaults());

	const get = (name = instanceName, project = '') => params('get', { project, phoneNumberInstance: byName(name) });
	const create = (phoneNumber: string) => params('create', { phoneNumber, additionalFields: {} });
	const freshRange = () => emu.seed('acme', [{ phoneNumber: `+6137071${String(ranges++ * 10).padStart(4, '0')}`, rangeSize: 10 }])[0].name;
	const freshNumber = () => `+61255504${String(buys++).padStart(3, '0')}`;

	describe.each(['serviceAccount', 'bearer'])('with the %s credential', (credential) => {
		// With continue on fail, the retry-exhausting cases (slow: several seconds of backoff each) are run once, as a 503.
		it.each([false, true])('API errors (continue on fail: %s)', async (continueOnFail) => {
			const run = async (label: string, parameters: IDataObject, expected: RegExp) => await runCase(`${credential} ${label}`, credential, parameters, expected, { continueOnFail });
			const full = !continueOnFail;

			await run('404', get('projects/acme/phoneNumberInstances/doesnotexist'), /doesnotexist was not found/);
			await run('403', get('abc', 'other-project'), /not allowed to read phone number instances/);
			await run('409', params('create', { phoneNumber: '+61370700000', additionalFields: {} }), /reports a conflict/);
			await run('input check', create('not a number'), /Phone Number/);
			emu.injectFault({ method: 'PATCH', fault: { kind: 'status', status: 400, message: 'emulated validation failure' } });
			await run('400', params('update', { phoneNumberInstance: byName(instanceName), updateFields: { displayName: 'x' } }), /refused a value/);
			if (full) {
				emu.injectFault({ method: 'GET', times: 5, fault: { kind: 'status', status: 429, retryAfterSeconds: 0 } });
				await run('429 exhausted', get(), /limiting the request rate \(tried 5 times\)/);
			}
			// Retry-After beyond what the helper waits for: refused at once.
			emu.injectFault({ method: 'GET', fault: { kind: 'status', status: 429, retryAfterSeconds: 120 } });
			await run('429 with a long Retry-After', get(), /asked to wait 120 s/);
			emu.injectFault({ method: 'GET', times: 5, fault: { kind: 'status', status: 503 } });
			await run('503 exhausted', get(), /temporary problem \(tried 5 times\)/);
			emu.injectFault({ method: 'POST', fault: { kind: 'status', status: 500 } });
			await run('500 on create', create(freshNumber()), /was not bought: no clear answer from Enfonica \(HTTP 500\)/);
			if (full) {
				emu.injectFault({ method: 'GET', times: 5, fault: { kind: 'reset' } });
				await run('reset exhausted', params('getMany', { returnAll: true }), /connection failed/);
			}
			emu.injectFault({ method: 'POST', fault: { kind: 'reset' } });
			await run('reset on move', params('move', { phoneNumberInstance: byName(instanceName), destinationProject: 'acme-archive' }), /connection failed/);
			emu.injectFault({ method: 'POST', fault: { kind: 'hang', ms: 2000 } });
			await run('timeout on create', create(freshNumber()), /timed out/);
			if (full) {
				emu.injectFault({ method: 'GET', times: 5, fault: { kind: 'malformed' } });
				await run('malformed exhausted', get(), /could not be read/);
			}
			// Before processing: the read after it finds the range unsplit, and the error says so.
			emu.injectFault({ method: 'POST', fault: { kind: 'malformed' } });
			await run('malformed on split', params('splitRange', { phoneNumberInstance: byName(freshRange()), size: 1 }), /malformed JSON/);
		});

		it('trigger poll errors', async () => {
			await pollCase(`${credential} poll 403`, credential, /not allowed to list phone number instances in projects\/other-project/, 'other-project');
			emu.injectFault({ method: 'GET', path: LIST, times: 5, fault: { kind: 'status', status: 503 } });
			await pollCase(`${credential} poll 503`, credential, /temporary problem/);
			emu.injectFault({ method: 'GET', path: LIST, times: 5, fault: { kind: 'malformed' } });
			await pollCase(`${credential} poll malformed`, credential, /could not be read/);
			emu.injectFault({ method: 'GET', path: LIST, fault: { kind: 'status', status: 429, retryAfterSeconds: 120 } });
			await pollCase(`${credential} poll 429`, credential, /asked to wait 120 s/);
		});
	});

	it('401: an expired access token is renewed without leaking; a revoked bearer token fails cleanly', async () => {
		emu.expireAccessTokens();
		await sweep('renewed after 401', async () => {
			const result = await h.runNode({ parameters: get() as INodeParameters, credentialId: cred.serviceAccount });
			expect(result.error).toBeUndefined();
			return { output: safeStringify(result.items), runData: safeStringify(result.runData) };
		});
		expect(issuedAccessTokens(emu)).toHaveLength(2);
		await runCase('revoked bearer', 'revokedBearer', get(), /did not accept the bearer token/);
		await runCase('revoked bearer, continue on fail', 'revokedBearer', get(), /did not accept the bearer token/, { continueOnFail: true });
		await pollCase('revoked bearer poll', 'revokedBearer', /did not accept the bearer token/);
	});

	it('the token endpoint refuses the key, or fails', async () => {
		await runCase('unknown key', 'unknownKey', get(), /refused the service account key/);
		await runCase('unknown key, continue on fail', 'unknownKey', get(), /refused the service account key/, { continueOnFail: true });
		await pollCase('unknown key poll', 'unknownKey', /refused the service account key/);
		for (const [label, fault, expected] of [
			['503', { kind: 'status', status: 503 }, /HTTP 503, tried 3 times/],
			['reset', { kind: 'reset' }, /Could not reach the Enfonica token endpoint|connection to the server was closed/],
			['malformed', { kind: 'malformed' }, /without an access_token/],
		] as const) {
			// A credential without a cached token, so the exchange runs (and is swept).
			const key = JSON.parse(String(h.credentials.get(cred.serviceAccount).data.serviceAccountKey)) as IDataObject;
			addCredential(`fresh-${label}`, { authentication: 'serviceAccountKey', serviceAccountKey: JSON.stringify(key) });
			emu.injectFault({ method: 'POST', path: '/token', fault, times: label === '503' ? 3 : 1 });
			await runCase(`token endpoint ${label}`, `fresh-${label}`, get(), expected);
		}
	});

	it('a malformed key: damaged PEM, curly quotes', async () => {
		await runCase('damaged PEM', 'brokenKey', get(), /"private_key" could not be read/);
		await runCase('damaged PEM, continue on fail', 'brokenKey', get(), /"private_key" could not be read/, { continueOnFail: true });
		await runCase('curly quotes, project from the key', 'curlyKey', get(), /not valid JSON/);
		await runCase('curly quotes, project set', 'curlyKeyWithProject', get(), /not valid JSON/);
		await pollCase('damaged PEM poll', 'brokenKey', /"private_key" could not be read/);
		await pollCase('curly quotes poll', 'curlyKeyWithProject', /not valid JSON/);
	});

	it('credential test failures', async () => {
		await testCase('test: unknown key', 'unknownKey', /refused the service account key/);
		await testCase('test: damaged PEM', 'brokenKey', /could not be read/);
		await testCase('test: curly quotes', 'curlyKey', /not valid JSON/);
		await testCase('test: curly quotes, project set', 'curlyKeyWithProject', /not valid JSON/);
		await testCase('test: revoked bearer', 'revokedBearer', /bearer token may have expired/);
		await testCase('test: project not allowed', 'wrongProject', /may not list the numbers of this project/);
		emu.injectFault({ method: 'GET', path: LIST, fault: { kind: 'status', status: 503 } });
		await testCase('test: API 503', 'serviceAccount', /temporarily unavailable/);
		emu.injectFault({ method: 'GET', path: LIST, fault: { kind: 'reset' } });
		await testCase('test: API connection reset', 'bearer', /ECONNRESET/);
		emu.injectFault({ method: 'POST', path: '/token', times: 3, fault: { kind: 'status', status: 503 } });
		await testCase('test: token endpoint 503', 'unknownKey', /HTTP 503, tried 3 times/);
	});

	it('the sweep notices a marker where it looks (self-check)', async () => {
		const [{ name }] = emu.seed('acme', [{ phoneNumber: '+61370709999', displayName: staticMarkers[0] }]);
		const result = await h.runNode({ parameters: get(name) as INodeParameters, credentialId: cred.bearer });
		expect(leaks(markers(), { output: safeStringify(result.items), runData: safeStringify(result.runData) })).toEqual([
			`output contains ${staticMarkers[0].slice(0, 12)}…`,
			`runData contains ${staticMarkers[0].slice(0, 12)}…`,
		]);
		// And reachableStrings finds non-enumerable text (an Error's message) that JSON.stringify drops.
		const error = new Error(staticMarkers[1]);
		expect(leaks(markers(), { json: safeStringify({ error }), reachable: reachableStrings({ error }).join('\n') })).toEqual([`reachable contains ${staticMarkers[1].slice(0, 12)}…`]);
	});

	it('the whole file: nothing logged anywhere carries a secret', () => {
		expect(issuedAccessTokens(emu).length).toBeGreaterThanOrEqual(2);
		expect(assertionSignatures(emu.requests).length).toBeGreaterThanOrEqual(2);
		expect(h.logs.length).toBeGreaterThan(0);
		expect(leaks(markers(), { logs: safeStringify(h.logs), 'logs (every reachable string)': reachableStrings(h.logs).join('\n') })).toEqual([]);
	});
});
