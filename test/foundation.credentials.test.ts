import { generateKeyPairSync } from 'node:crypto';

import type { TestBed } from './support/setup';
import { apiRequests, byName, startTestBed, tokenRequests } from './support/setup';

const getParameters = (name: string) => ({ resource: 'phoneNumberInstance', operation: 'get', project: '', phoneNumberInstance: byName(name) });

describe('Enfonica API credential, in the engine', () => {
	let bed: TestBed;
	let instanceName: string;

	beforeAll(async () => {
		bed = await startTestBed('acme');
		[{ name: instanceName }] = bed.emu.seed('acme', [{ phoneNumber: '+61255501100', displayName: 'Reception' }]) as Array<{ name: string }>;
	});
	afterAll(async () => await bed.close());
	beforeEach(() => bed.emu.clearLog());

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
		it.each([
			['connection closed', { kind: 'reset' } as const, /Could not reach the Enfonica token endpoint .*\/token \(connection closed\)/],
			['503', { kind: 'status', status: 503 } as const, /token endpoint .* had a temporary problem \(HTTP 503\)/],
		])('says what went wrong when the token endpoint fails (%s)', async (_label, fault, expected) => {
			const credential = bed.h.addCredential({ authentication: 'serviceAccountKey', serviceAccountKey: JSON.stringify(bed.key), baseUrl: bed.emu.baseUrl, tokenUrl: bed.emu.tokenUrl });
			bed.emu.injectFault({ path: '/token', fault });
			const run = await bed.h.runNode({ parameters: getParameters(instanceName), credentialId: credential.id });
			expect(run.error?.message).toMatch(expected);
			expect(apiRequests(bed.emu)).toHaveLength(0);
		});
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
			['no private_key_id', JSON.stringify({ type: 'service_account', client_email: 'a@b', private_key: secretPem }), /no "private_key_id"/],
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
