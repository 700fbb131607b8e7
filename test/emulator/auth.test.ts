/** Raw-HTTP tests of the token endpoint (JWT-bearer grant), access tokens, bearer tokens, 401 and 403. */
import { startEmulator, type Emulator, type ServiceAccountKey } from '.';
import { apiClient, collectionPath, exchangeKey, postToken, serviceAccountAssertion, type AssertionOptions } from './testSupport';

const GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

let emu: Emulator;
/** Allowed on auth-a and auth-b with every permission. */
let full: ServiceAccountKey;
/** Allowed on auth-a only, with get and list only. */
let limited: ServiceAccountKey;
/** Signs forged assertions. */
let stranger: ServiceAccountKey;

beforeAll(async () => {
	emu = await startEmulator();
	full = emu.createServiceAccount({ projectId: 'auth-a', projects: ['auth-a', 'auth-b'] });
	limited = emu.createServiceAccount({
		projectId: 'auth-a',
		permissions: ['numbering.phoneNumberInstances.get', 'numbering.phoneNumberInstances.list'],
		clientEmail: 'reader@auth-a.iam.enfonica.test',
	});
	stranger = emu.createServiceAccount({ projectId: 'elsewhere' });
	emu.seed('auth-a', [{ id: 'existing', phoneNumber: '+61255570001' }]);
});

afterAll(() => emu.close());

async function accessToken(key: ServiceAccountKey): Promise<string> {
	const result = await exchangeKey(key);
	expect(result.status).toBe(200);
	return result.json.access_token;
}

describe('service account keys', () => {
	it('look like the Console download and name this emulator as token_uri', () => {
		expect(full).toMatchObject({ type: 'service_account', project_id: 'auth-a', token_uri: emu.tokenUrl });
		expect(full.private_key).toMatch(/^-----BEGIN PRIVATE KEY-----\n[\s\S]+\n-----END PRIVATE KEY-----\n$/);
		expect(full.private_key_id).toMatch(/^[0-9a-f]{40}$/);
		expect(full.client_email).toMatch(/@auth-a\./);
		expect(full.client_id).toMatch(/^\d{21}$/);
		expect(limited.client_email).toBe('reader@auth-a.iam.enfonica.test');
		expect(emu.tokenUrl).toBe(`${emu.baseUrl}/token`);
	});

	it('refuse unknown permission names', () => {
		expect(() => emu.addBearerToken('typo', { permissions: ['numbering.phoneNumberInstances.lists'] })).toThrow(/Unknown permission/);
	});
});

describe('token endpoint', () => {
	it('exchanges a valid assertion for a Bearer access token that works on the API', async () => {
		emu.clearLog();
		const result = await exchangeKey(full);
		expect(result.status).toBe(200);
		expect(result.headers.get('cache-control')).toBe('no-store');
		expect(result.json).toEqual({ access_token: expect.any(String), token_type: 'Bearer', expires_in: 3600 });
		const token: string = result.json.access_token;
		const list = await apiClient(emu.baseUrl, token)('GET', collectionPath('auth-a'));
		expect(list.status).toBe(200);
		expect(list.json.phoneNumberInstances).toHaveLength(1);

		const [tokenEntry, apiEntry] = emu.requests;
		expect(tokenEntry).toMatchObject({ method: 'POST', path: '/token', status: 200, principal: full.client_email });
		expect((tokenEntry.body as Record<string, string>).grant_type).toBe(GRANT);
		expect(apiEntry).toMatchObject({ method: 'GET', status: 200, principal: full.client_email });
		const log = JSON.stringify(emu.requests);
		expect(log).not.toContain(token);
		expect(log).not.toContain(full.private_key.split('\n')[1]);
	});

	it('accepts an assertion without kid (a key file without private_key_id), finding the key by its iss', async () => {
		const exchange = await exchangeKey(full, { header: { kid: undefined } });
		expect(exchange.status).toBe(200);
		expect(emu.requests.at(-1)).toMatchObject({ path: '/token', status: 200, principal: full.client_email });
	});

	it('accepts several scopes and a little clock skew', async () => {
		expect((await exchangeKey(full, { scope: `openid https://api.enfonica.com/auth/numbering` })).status).toBe(200);
		expect((await exchangeKey(full, { nowSeconds: Math.floor(Date.now() / 1000) + 30 })).status).toBe(200);
	});

	const now = () => Math.floor(Date.now() / 1000);
	it.each<[string, () => AssertionOptions, string]>([
		['an unknown kid', () => ({ header: { kid: 'f'.repeat(40) } }), 'kid'],
		['no kid and an unknown iss', () => ({ header: { kid: undefined }, claims: { iss: 'nobody@elsewhere.test' } }), 'iss'],
		['no kid and a signature by another key', () => ({ header: { kid: undefined }, signingKeyPem: stranger.private_key }), 'Signature'],
		['a signature by another key', () => ({ signingKeyPem: stranger.private_key }), 'Signature'],
		['another iss', () => ({ claims: { iss: stranger.client_email } }), 'iss'],
		['the production token URL as aud', () => ({ audience: 'https://oauth2.api.enfonica.com/token' }), 'aud'],
		['the API base URL as aud', () => ({ audience: emu.baseUrl }), 'aud'],
		['no aud', () => ({ claims: { aud: undefined } }), 'aud'],
		['an expired exp', () => ({ nowSeconds: now() - 4000 }), 'expired'],
		['a lifetime over an hour', () => ({ lifetimeSeconds: 3601 }), '3600'],
		['an iat in the future', () => ({ nowSeconds: now() + 300 }), 'future'],
		['a non-numeric exp', () => ({ claims: { exp: 'soon' } }), 'exp'],
		['no scope', () => ({ claims: { scope: undefined } }), 'scope'],
		['another scope', () => ({ scope: 'https://api.enfonica.com/auth/messaging' }), 'scope'],
		['alg HS256', () => ({ header: { alg: 'HS256' } }), 'alg'],
		['no typ', () => ({ header: { typ: undefined } }), 'typ'],
	])('answers invalid_grant for %s', async (_, options, described) => {
		const result = await exchangeKey(full, options());
		expect(result.status).toBe(400);
		expect(result.json.error).toBe('invalid_grant');
		expect(result.json.error_description).toContain(described);
		expect(result.json).not.toHaveProperty('access_token');
	});

	it('answers unsupported_grant_type and invalid_request for malformed requests', async () => {
		const assertion = serviceAccountAssertion(full);
		const wrongGrant = await postToken(emu.tokenUrl, { grant_type: 'client_credentials', assertion });
		expect(wrongGrant.json.error).toBe('unsupported_grant_type');
		const forms: Array<Record<string, string>> = [{ assertion }, { grant_type: GRANT }, { grant_type: GRANT, assertion: 'not-a-jwt' }, { grant_type: GRANT, assertion: 'a.b.c' }];
		for (const form of forms) {
			const result = await postToken(emu.tokenUrl, form);
			expect(result.status).toBe(400);
			expect(result.json.error).toBe('invalid_request');
		}
		const json = await fetch(emu.tokenUrl, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ grant_type: GRANT, assertion }),
		});
		expect(json.status).toBe(400);
		expect(((await json.json()) as { error: string }).error).toBe('invalid_request');
		expect((await fetch(emu.tokenUrl)).status).toBe(404);
	});
});

describe('access token expiry', () => {
	it('stops every issued token on expireAccessTokens(), but not bearer tokens', async () => {
		const token = await accessToken(full);
		emu.addBearerToken('long-lived', { label: 'support-token' });
		const withToken = apiClient(emu.baseUrl, token);
		expect((await withToken('GET', collectionPath('auth-a'))).status).toBe(200);
		emu.expireAccessTokens();
		const expired = await withToken('GET', collectionPath('auth-a'));
		expect(expired.status).toBe(401);
		expect(expired.json.error.status).toBe('UNAUTHENTICATED');
		expect(expired.json.error.message).toContain('Request had invalid authentication credentials');
		expect(expired.headers.get('www-authenticate')).toContain('invalid_token');
		expect(emu.requests[emu.requests.length - 1].principal).toBe(full.client_email);
		expect((await apiClient(emu.baseUrl, 'long-lived')('GET', collectionPath('auth-a'))).status).toBe(200);
		expect((await apiClient(emu.baseUrl, await accessToken(full))('GET', collectionPath('auth-a'))).status).toBe(200);
	});

	it('expires tokens after accessTokenTtlSeconds', async () => {
		emu.accessTokenTtlSeconds = 0.3;
		try {
			const result = await exchangeKey(full);
			expect(result.json.expires_in).toBe(1);
			const withToken = apiClient(emu.baseUrl, result.json.access_token);
			expect((await withToken('GET', collectionPath('auth-a'))).status).toBe(200);
			await new Promise((resolve) => setTimeout(resolve, 350));
			expect((await withToken('GET', collectionPath('auth-a'))).status).toBe(401);
		} finally {
			emu.accessTokenTtlSeconds = 3600;
		}
	});
});

describe('401 and 403', () => {
	it('answers 401 for missing, unknown or non-Bearer credentials', async () => {
		const missing = await apiClient(emu.baseUrl)('GET', collectionPath('auth-a'));
		expect(missing.status).toBe(401);
		expect(missing.json.error).toMatchObject({ code: 401, status: 'UNAUTHENTICATED' });
		expect(missing.json.error.message).toContain('missing required authentication credential');
		expect(emu.requests[emu.requests.length - 1].principal).toBeUndefined();
		for (const authorization of ['Bearer nope', 'Basic dXNlcjpwYXNz', 'Bearer', 'nope']) {
			const result = await apiClient(emu.baseUrl)('GET', collectionPath('auth-a'), undefined, { headers: { Authorization: authorization } });
			expect(result.status).toBe(401);
		}
	});

	it('checks authentication before query, body and instance', async () => {
		const anonymous = apiClient(emu.baseUrl);
		expect((await anonymous('POST', collectionPath('auth-a'), { bogus: true })).status).toBe(401);
		expect((await anonymous('GET', `${collectionPath('auth-a')}/missing`)).status).toBe(401);
		expect((await anonymous('GET', `${collectionPath('auth-a')}?pageSize=-5`)).status).toBe(401);
	});

	it('answers 403 outside the allowed projects, before validating or looking up', async () => {
		const api = apiClient(emu.baseUrl, await accessToken(limited));
		expect((await api('GET', collectionPath('auth-a'))).status).toBe(200);
		const otherProject = await api('GET', collectionPath('auth-b'));
		expect(otherProject.status).toBe(403);
		expect(otherProject.json.error).toMatchObject({
			code: 403,
			status: 'PERMISSION_DENIED',
			message: "Permission 'numbering.phoneNumberInstances.list' denied on resource 'projects/auth-b' (or it may not exist).",
		});
		expect((await api('GET', `${collectionPath('auth-b')}/missing`)).status).toBe(403);
		expect((await api('GET', `${collectionPath('auth-b')}?pageSize=-5`)).status).toBe(403);
	});

	it('answers 403 naming the one permission a principal lacks', async () => {
		const api = apiClient(emu.baseUrl, await accessToken(limited));
		expect((await api('GET', `${collectionPath('auth-a')}/existing`)).status).toBe(200);
		const cases: Array<[string, string, unknown, string]> = [
			['DELETE', `${collectionPath('auth-a')}/existing`, undefined, 'delete'],
			['PATCH', `${collectionPath('auth-a')}/existing`, { displayName: 'x' }, 'update'],
			['POST', collectionPath('auth-a'), { bogus: 1 }, 'create'],
			['POST', `${collectionPath('auth-a')}/existing:splitRange`, { size: 1 }, 'splitRange'],
			['POST', `${collectionPath('auth-a')}/existing:move`, { destinationParent: 'projects/auth-b' }, 'move'],
		];
		for (const [method, path, body, permission] of cases) {
			const result = await api(method, path, body);
			expect(result.status).toBe(403);
			expect(result.json.error.message).toBe(`Permission 'numbering.phoneNumberInstances.${permission}' denied on resource 'projects/auth-a' (or it may not exist).`);
		}
		expect(emu.getInstance('projects/auth-a/phoneNumberInstances/existing')?.lifecycleState).toBe('ACTIVE');
	});

	it('lets a fully allowed key use every method in its projects and nothing beyond', async () => {
		const api = apiClient(emu.baseUrl, await accessToken(full));
		const created = await api('POST', collectionPath('auth-b'), { phoneNumber: { phoneNumber: '+61255570100' } });
		expect(created.status).toBe(200);
		expect((await api('PATCH', `/v1beta1/${created.json.name}?updateMask=displayName`, { displayName: 'ok' })).status).toBe(200);
		expect((await api('POST', `/v1beta1/${created.json.name}:move`, { destinationParent: 'projects/auth-a' })).status).toBe(200);
		expect((await api('GET', collectionPath('auth-c'))).status).toBe(403);
	});

	it('labels bearer-token requests without revealing the token', async () => {
		emu.addBearerToken('s3cr3t-bearer', { projects: ['auth-a'], label: 'ops-bearer' });
		const api = apiClient(emu.baseUrl, 's3cr3t-bearer');
		expect((await api('GET', collectionPath('auth-a'))).status).toBe(200);
		expect((await api('GET', collectionPath('auth-b'))).status).toBe(403);
		const entries = emu.requests.slice(-2);
		expect(entries.map((e) => e.principal)).toEqual(['ops-bearer', 'ops-bearer']);
		expect(JSON.stringify(emu.requests)).not.toContain('s3cr3t-bearer');
	});
});
