import { generateKeyPairSync } from 'node:crypto';

import { closedPort, silentServer } from '../support/network';
import { apiRequests, byName, tokenRequests, useTestBed } from '../support/setup';

const getParameters = (name: string) => ({ resource: 'phoneNumberInstance', operation: 'get', project: '', phoneNumberInstance: byName(name) });

describe('Enfonica API credential, in the engine', () => {
	const bed = useTestBed('acme');
	let instanceName: string;

	beforeAll(() => {
		[{ name: instanceName }] = bed.emu.seed('acme', [{ phoneNumber: '+61255501100', displayName: 'Reception' }]) as Array<{ name: string }>;
	});
	beforeEach(() => {
		bed.emu.clearFaults();
		bed.emu.clearLog();
	});

	describe('Test button', () => {
		it('passes for a valid service account key and lists one instance of the key\'s project', async () => {
			const result = await bed.h.testCredential({ credentialId: bed.credentialId });
			expect(result).toMatchObject({ status: 'OK' });
			const [list] = apiRequests(bed.emu);
			expect(list).toMatchObject({ method: 'GET', path: '/v1beta1/projects/acme/phoneNumberInstances', status: 200 });
			expect(list.query.pageSize).toBe('1');
		});

		it('fails for a key the token endpoint does not know, without echoing the key', async () => {
			const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
			const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
			const forged = { ...bed.key, private_key: pem };
			const result = await bed.h.testCredential({
				authentication: 'serviceAccountKey',
				serviceAccountKey: JSON.stringify(forged),
				baseUrl: bed.emu.baseUrl,
				tokenUrl: bed.emu.tokenUrl,
			});
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(/refused the service account key|invalid_grant/i);
			expect(result.message).not.toContain('PRIVATE KEY');
			expect(apiRequests(bed.emu)).toHaveLength(0);
		});

		it('passes for a valid bearer token and fails for a wrong one', async () => {
			bed.emu.addBearerToken('bt-good-token-123', { projects: ['acme'] });
			const good = await bed.h.testCredential({ authentication: 'bearerToken', bearerToken: 'bt-good-token-123', projectId: 'acme', baseUrl: bed.emu.baseUrl });
			expect(good).toMatchObject({ status: 'OK' });
			const bad = await bed.h.testCredential({ authentication: 'bearerToken', bearerToken: 'bt-wrong-token', projectId: 'acme', baseUrl: bed.emu.baseUrl });
			expect(bad.status).toBe('Error');
			expect(bad.message).not.toContain('bt-wrong-token');
			// n8n renews on 401 and retries once; for a bearer token that resends the same token.
			expect(apiRequests(bed.emu).map((request) => request.status)).toEqual([200, 401, 401]);
		});

		it('fails for a bearer token without the project', async () => {
			bed.emu.addBearerToken('bt-other-project', { projects: ['elsewhere'] });
			const result = await bed.h.testCredential({ authentication: 'bearerToken', bearerToken: 'bt-other-project', projectId: 'acme', baseUrl: bed.emu.baseUrl });
			expect(result.status).toBe('Error');
		});
	});

	describe('Test button: what is wrong and what to change', () => {
		const keyCredential = (extra: Record<string, unknown> = {}) => ({ authentication: 'serviceAccountKey', serviceAccountKey: JSON.stringify(bed.key), baseUrl: bed.emu.baseUrl, tokenUrl: bed.emu.tokenUrl, ...extra });

		it('a project that does not exist', async () => {
			const key = bed.emu.createServiceAccount({ projectId: 'acme', projects: '*' });
			bed.emu.removeProject('ghost-project');
			const result = await bed.h.testCredential({ ...keyCredential(), serviceAccountKey: JSON.stringify(key), projectId: 'ghost-project' });
			expect(result).toEqual({ status: 'Error', message: expect.stringMatching(/^Enfonica knows no such project.*Check Project ID/) });
			expect(apiRequests(bed.emu).map((request) => [request.path, request.status])).toEqual([['/v1beta1/projects/ghost-project/phoneNumberInstances', 404]]);
		});

		it('a key without project_id and no Project ID: said before anything is sent', async () => {
			const { project_id: _projectId, ...withoutProject } = bed.key;
			const result = await bed.h.testCredential(keyCredential({ serviceAccountKey: JSON.stringify(withoutProject) }));
			expect(result).toEqual({ status: 'Error', message: 'Project ID is empty and the service account key has no project_id. Set Project ID to your Enfonica project (e.g. my-project).' });
			expect(apiRequests(bed.emu)).toHaveLength(0);
		});

		it('a bearer token and no Project ID: said before anything is sent', async () => {
			bed.emu.addBearerToken('bt-no-project', { projects: ['acme'] });
			const result = await bed.h.testCredential({ authentication: 'bearerToken', bearerToken: 'bt-no-project', baseUrl: bed.emu.baseUrl });
			expect(result.message).toMatch(/^Project ID is empty: a bearer token does not name a project/);
			// Only the check that the API Base URL answers (a new credential), which carries nothing of the credential.
			expect(bed.emu.requests.map((request) => [request.method, request.path, request.principal])).toEqual([['GET', '/', undefined]]);
		});

		it('a key of another project', async () => {
			const result = await bed.h.testCredential(keyCredential({ projectId: 'someone-else' }));
			expect(result).toEqual({ status: 'Error', message: expect.stringMatching(/^The key or token may not list the numbers of this project: it belongs to another project.*Set Project ID/) });
		});

		it('a refused bearer token: says they expire and what to do', async () => {
			const result = await bed.h.testCredential({ authentication: 'bearerToken', bearerToken: 'bt-expired', projectId: 'acme', baseUrl: bed.emu.baseUrl });
			expect(result.message).toMatch(/bearer token may have expired \(Enfonica support issues them for two years\): ask Enfonica support for a new one, or use a Service Account Key/);
			expect(result.message).not.toContain('bt-expired');
		});

		it('a service account key pasted into Bearer Token: refused, nothing sent', async () => {
			const result = await bed.h.testCredential({ authentication: 'bearerToken', bearerToken: JSON.stringify(bed.key), projectId: 'acme', baseUrl: bed.emu.baseUrl });
			expect(result.message).toMatch(/Bearer Token holds a service account key \(JSON\).*it was not sent\. Choose Service Account Key/);
			expect(result.message).not.toContain('PRIVATE KEY');
			expect(bed.emu.requests).toHaveLength(0);
		});

		it('an API Base URL without https://: names the field and the fix, nothing sent', async () => {
			const result = await bed.h.testCredential(keyCredential({ baseUrl: bed.emu.baseUrl.replace(/^http:\/\//, '') }));
			expect(result.message).toMatch(/^The credential's API Base URL "127\.0\.0\.1:\d+" must start with https:\/\//);
			expect(apiRequests(bed.emu)).toHaveLength(0);
		});

		it('an API Base URL ending in /v1beta1 passes', async () => {
			const result = await bed.h.testCredential(keyCredential({ baseUrl: `${bed.emu.baseUrl}/v1beta1/` }));
			expect(result).toMatchObject({ status: 'OK' });
			expect(apiRequests(bed.emu).map((request) => request.path)).toEqual(['/v1beta1/projects/acme/phoneNumberInstances']);
		});

		describe('an API Base URL where no server answers: says so and what to change', () => {
			const bearer = (baseUrl: string, extra: Record<string, unknown> = {}) => {
				bed.emu.addBearerToken('bt-reachability', { projects: ['acme'] });
				return { authentication: 'bearerToken', bearerToken: 'bt-reachability', projectId: 'acme', baseUrl, ...extra };
			};
			const modes = [
				['Service Account Key', (baseUrl: string, extra?: Record<string, unknown>) => keyCredential({ baseUrl, ...extra })],
				['Bearer Token', bearer],
			] as const;
			const fix = /\. Check the credential's API Base URL \(e\.g\. https:\/\/numbering\.api\.enfonica\.com\) and that n8n can reach it/;

			it.each(modes)('connection refused (%s)', async (_mode, credential) => {
				const baseUrl = `http://127.0.0.1:${await closedPort()}`;
				const result = await bed.h.testCredential(credential(baseUrl));
				expect(result.status).toBe('Error');
				expect(result.message).toMatch(new RegExp(`^Could not reach the API Base URL ${baseUrl.replace(/\./g, '\\.')} \\(connection refused: nothing listens there\\)`));
				expect(result.message).toMatch(fix);
			});

			it.each(modes)('unknown host (%s)', async (_mode, credential) => {
				const result = await bed.h.testCredential(credential('https://enfonica-api.invalid'));
				expect(result.message).toMatch(/^Could not reach the API Base URL https:\/\/enfonica-api\.invalid \(host not found\)/);
				expect(result.message).toMatch(fix);
			});

			it.each(modes)('a host that accepts connections and never answers: after the Request Timeout (%s)', async (_mode, credential) => {
				const silent = await silentServer();
				try {
					const started = Date.now();
					const result = await bed.h.testCredential(credential(silent.url, { timeoutSeconds: 2 }));
					expect(result.message).toMatch(/^Could not reach the API Base URL http:\/\/127\.0\.0\.1:\d+ \(no answer within 2 s\)/);
					expect(Date.now() - started).toBeLessThan(15_000);
				} finally {
					await silent.close();
				}
			});

			it('an unreachable Token URL: the token exchange says so', async () => {
				const tokenUrl = `http://127.0.0.1:${await closedPort()}/token`;
				const result = await bed.h.testCredential(keyCredential({ tokenUrl }));
				expect(result.message).toMatch(/^Could not reach the Enfonica token endpoint http:\/\/127\.0\.0\.1:\d+\/token \(connection refused: nothing listens there\)\. Check the credential's Token URL/);
			});

			it('a credential that already holds a token: n8n skips preAuthentication and shows its bare code (a known limit)', async () => {
				const { id } = bed.h.addCredential(keyCredential());
				expect(await bed.h.testCredential({ credentialId: id })).toMatchObject({ status: 'OK' });
				// Saved from the editor with a new API Base URL: n8n keeps the stored token.
				bed.h.credentials.update(id, { ...bed.h.credentials.get(id).data, baseUrl: `http://127.0.0.1:${await closedPort()}` });
				expect(await bed.h.testCredential({ credentialId: id })).toEqual({ status: 'Error', message: 'ECONNREFUSED' });
			});
		});

		it('a server that never answers: the Test gives up after the credential\'s Request Timeout, not n8n\'s 300 s', async () => {
			bed.emu.injectFault({ path: '/v1beta1/projects/acme/phoneNumberInstances', fault: { kind: 'hang' } });
			const started = Date.now();
			const result = await bed.h.testCredential(keyCredential({ timeoutSeconds: 2 }));
			expect(result.status).toBe('Error');
			expect(Date.now() - started).toBeLessThan(15_000);
		});
	});

	describe('bearer tokens', () => {
		it('a service account key pasted into Bearer Token is never sent, in a workflow run either', async () => {
			const credential = bed.h.addCredential({ authentication: 'bearerToken', bearerToken: JSON.stringify(bed.key), projectId: 'acme', baseUrl: bed.emu.baseUrl });
			const run = await bed.h.runNode({ parameters: getParameters(instanceName), credentialId: credential.id });
			expect(run.error?.message).toMatch(/Bearer Token holds a service account key \(JSON\).*Choose Service Account Key/);
			expect(JSON.stringify({ error: run.error, logs: bed.h.logs })).not.toContain('PRIVATE KEY');
			expect(bed.emu.requests).toHaveLength(0);
		});
	});

	describe('token exchange', () => {
		it('fetches a token once, reuses it across runs, and renews it once after it expires', async () => {
			// A fresh credential: it holds no access token yet.
			const { h, emu } = bed;
			const { id: credentialId } = h.addCredential({
				authentication: 'serviceAccountKey',
				serviceAccountKey: JSON.stringify(bed.key),
				baseUrl: emu.baseUrl,
				tokenUrl: emu.tokenUrl,
			});

			const first = await h.runNode({ parameters: getParameters(instanceName), credentialId });
			expect(first.error).toBeUndefined();
			expect(first.items[0].json).toMatchObject({ name: instanceName, phoneNumber: '+61255501100', displayName: 'Reception' });
			expect(tokenRequests(emu)).toHaveLength(1);
			expect(tokenRequests(emu)[0].status).toBe(200);

			await h.runNode({ parameters: getParameters(instanceName), credentialId });
			expect(tokenRequests(emu)).toHaveLength(1);

			emu.expireAccessTokens();
			const renewed = await h.runNode({ parameters: getParameters(instanceName), credentialId });
			expect(renewed.error).toBeUndefined();
			expect(tokenRequests(emu)).toHaveLength(2);
			expect(apiRequests(emu).map((request) => request.status)).toEqual([200, 200, 401, 200]);

			await h.runNode({ parameters: getParameters(instanceName), credentialId });
			expect(tokenRequests(emu)).toHaveLength(2);
			// The API Base URL was checked once, at the first use: a renewal follows a 401, so the API answered.
			expect(emu.requests.filter((request) => request.path === '/')).toHaveLength(1);
		});

		it('signs an assertion the emulator verifies: kid, iss, aud and scope', async () => {
			const credential = bed.h.addCredential({
				authentication: 'serviceAccountKey',
				serviceAccountKey: JSON.stringify(bed.key),
				baseUrl: bed.emu.baseUrl,
				tokenUrl: bed.emu.tokenUrl,
			});
			await bed.h.runNode({ parameters: getParameters(instanceName), credentialId: credential.id });
			const [exchange] = tokenRequests(bed.emu);
			const assertion = String((exchange.body as Record<string, string>).assertion);
			const [header, claims] = assertion.split('.').slice(0, 2).map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()));
			expect(header).toEqual({ alg: 'RS256', typ: 'JWT', kid: bed.key.private_key_id });
			expect(claims).toMatchObject({ iss: bed.key.client_email, aud: bed.emu.tokenUrl, scope: 'https://api.enfonica.com/auth/numbering' });
			expect(claims.exp - claims.iat).toBe(3600);
			expect((exchange.body as Record<string, string>).grant_type).toBe('urn:ietf:params:oauth:grant-type:jwt-bearer');
		});
		it('accepts a key file without private_key_id: the assertion has no kid, and the emulator finds the key by its issuer', async () => {
			const { private_key_id: _kid, ...withoutKid } = bed.key;
			const credential = bed.h.addCredential({ authentication: 'serviceAccountKey', serviceAccountKey: JSON.stringify(withoutKid), baseUrl: bed.emu.baseUrl, tokenUrl: bed.emu.tokenUrl });
			const run = await bed.h.runNode({ parameters: getParameters(instanceName), credentialId: credential.id });
			expect(run.error).toBeUndefined();
			const [exchange] = tokenRequests(bed.emu);
			const header = JSON.parse(Buffer.from(String((exchange.body as Record<string, string>).assertion).split('.')[0], 'base64url').toString());
			expect(header).toEqual({ alg: 'RS256', typ: 'JWT' });
			expect(exchange.status).toBe(200);
		});

		it('retries the token endpoint\'s 503 (as Enfonica\'s .NET library does), then goes on', async () => {
			const credential = bed.h.addCredential({ authentication: 'serviceAccountKey', serviceAccountKey: JSON.stringify(bed.key), baseUrl: bed.emu.baseUrl, tokenUrl: bed.emu.tokenUrl });
			bed.emu.injectFault({ path: '/token', fault: { kind: 'status', status: 503 }, times: 2 });
			const run = await bed.h.runNode({ parameters: getParameters(instanceName), credentialId: credential.id });
			expect(run.error).toBeUndefined();
			expect(tokenRequests(bed.emu).map((request) => request.status)).toEqual([503, 503, 200]);
			expect(apiRequests(bed.emu)).toHaveLength(1);
		});

		it.each([
			['connection closed', { kind: 'reset' } as const, /Could not reach the Enfonica token endpoint .*\/token \(connection closed\)/],
			['503 three times', { kind: 'status', status: 503 } as const, /token endpoint .* had a temporary problem \(HTTP 503, tried 3 times\)/],
		])('says what went wrong when the token endpoint fails (%s)', async (_label, fault, expected) => {
			const credential = bed.h.addCredential({ authentication: 'serviceAccountKey', serviceAccountKey: JSON.stringify(bed.key), baseUrl: bed.emu.baseUrl, tokenUrl: bed.emu.tokenUrl });
			bed.emu.injectFault({ path: '/token', fault, times: 5 });
			const run = await bed.h.runNode({ parameters: getParameters(instanceName), credentialId: credential.id });
			expect(run.error?.message).toMatch(expected);
			expect(JSON.stringify(run.error)).not.toMatch(/PRIVATE KEY|assertion=/);
			expect(apiRequests(bed.emu)).toHaveLength(0);
		});
	});

	describe('Request Timeout', () => {
		it('defaults to 60 s, the deadline of Enfonica\'s Node library, and says so', () => {
			const property = bed.h.credentialTypes.getByName('enfonicaApi').properties.find((field) => field.name === 'timeoutSeconds');
			expect(property?.default).toBe(60);
			expect(property?.description).toMatch(/60 s, the deadline of Enfonica's Node\.js client library/);
		});

		it('a purchase that takes 12 s succeeds with the default', async () => {
			bed.emu.injectFault({ method: 'POST', fault: { kind: 'hang', ms: 12_000 } });
			const run = await bed.h.runNode({ parameters: { resource: 'phoneNumberInstance', operation: 'create', project: '', phoneNumber: '+61255502290', additionalFields: {} }, credentialId: bed.credentialId });
			expect(run.error).toBeUndefined();
			expect(run.items[0].json.phoneNumber).toBe('+61255502290');
		}, 30_000);
	});

	describe('both auth types run the Get operation from dist through the engine', () => {
		it('with a bearer token', async () => {
			bed.emu.addBearerToken('bt-run-token', { projects: ['acme'] });
			const credential = bed.h.addCredential({ authentication: 'bearerToken', bearerToken: 'bt-run-token', projectId: 'projects/acme', baseUrl: bed.emu.baseUrl });
			const id = instanceName.split('/').pop() as string;
			const run = await bed.h.runNode({ parameters: getParameters(id), credentialId: credential.id });
			expect(run.error).toBeUndefined();
			expect(run.items[0].json).toMatchObject({ name: instanceName, lifecycleState: 'ACTIVE', nationalFormat: '(02) 5550 1100', country: 'AU' });
			expect(tokenRequests(bed.emu)).toHaveLength(0);
		});

		it('evaluates expressions in parameters (input item → instance ID)', async () => {
			const id = instanceName.split('/').pop() as string;
			const run = await bed.h.runNode({
				parameters: { ...getParameters(''), phoneNumberInstance: { __rl: true, mode: 'name', value: '={{ $json.instanceId }}' } },
				credentialId: bed.credentialId,
				items: [{ instanceId: id }],
			});
			expect(run.error).toBeUndefined();
			expect(run.items[0].json.name).toBe(instanceName);
			expect(run.items[0].pairedItem).toEqual({ item: 0 });
		});
	});

	describe('malformed service account keys', () => {
		const secretPem = '-----BEGIN PRIVATE KEY-----\nMIIEvSECRETSECRETSECRET\n-----END PRIVATE KEY-----\n';
		const cases: Array<[string, string, RegExp]> = [
			['not JSON', '{"type": "service_account", "private_key": "' + 'SECRET-MATERIAL', /not valid JSON/],
			['wrong type', JSON.stringify({ type: 'user', client_email: 'a@b', private_key_id: 'k', private_key: secretPem }), /"type": "service_account"/],
			['no client_email', JSON.stringify({ type: 'service_account', private_key_id: 'k', private_key: secretPem }), /no "client_email"/],
			['private key not PEM', JSON.stringify({ type: 'service_account', client_email: 'a@b', private_key_id: 'k', private_key: 'SECRET-MATERIAL' }), /not a PEM private key/],
			['PEM that does not parse', JSON.stringify({ type: 'service_account', client_email: 'a@b', private_key_id: 'k', private_key: secretPem }), /could not be read/],
		];
		it.each(cases)('%s: a clear error naming the problem, no key material, no request', async (_label, serviceAccountKey, expected) => {
			const credential = bed.h.addCredential({ authentication: 'serviceAccountKey', serviceAccountKey, projectId: 'acme', baseUrl: bed.emu.baseUrl, tokenUrl: bed.emu.tokenUrl });
			const run = await bed.h.runNode({ parameters: getParameters(instanceName), credentialId: credential.id });
			expect(run.error?.message).toMatch(expected);
			const text = JSON.stringify({ message: run.error?.message, description: run.error?.description, logs: bed.h.logs });
			expect(text).not.toContain('SECRET');
			expect(bed.emu.requests).toHaveLength(0);
		});
	});
});
