/**
 * The harness's runNode: one node run through n8n-core's engine (run-node.ts), against a tiny fixture package shaped like ours
 * (test/harness/fixture) and its loopback API, so these checks do not move with our nodes.
 */
import { NODE_TYPE, useHarnessFixture } from '../support/harnessFixture';

const fixture = useHarnessFixture();

describe('runNode', () => {
	it('evaluates parameter expressions per item in the engine', async () => {
		const result = await fixture.getItem('={{ $json.id }}', { items: [{ id: 'a' }, { id: 'b' }] });

		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json)).toEqual([
			{ id: 'a', name: 'Item A' },
			{ id: 'b', name: 'Item B' },
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('fills in credential defaults, so the empty expirable field triggers preAuthentication', async () => {
		expect(fixture.harness.credentials.get(fixture.credentialId).data).toMatchObject({
			authentication: 'apiKey',
			accessToken: '',
		});

		await fixture.getItem('a', { items: [{}, {}] });

		expect(fixture.api.exchanges()).toBe(1);
		expect(fixture.api.requests.filter(({ path: p }) => p === '/items/a').map((r) => r.authorization)).toEqual([
			'Bearer token-1',
			'Bearer token-1',
		]);
	});

	it('persists the fetched token, so the next run reuses it as with n8n’s database', async () => {
		await fixture.getItem('a');
		expect(fixture.harness.credentials.get(fixture.credentialId).data.accessToken).toBe('token-1');

		const second = await fixture.getItem('b');

		expect(second.items[0].json).toEqual({ id: 'b', name: 'Item B' });
		expect(fixture.api.exchanges()).toBe(1);
	});

	it('refreshes the token once after a 401 and retries the request', async () => {
		await fixture.getItem('a');
		fixture.api.revokeTokens();

		const result = await fixture.getItem('b');

		expect(result.error).toBeUndefined();
		expect(fixture.api.requests.slice(-3).map((r) => `${r.method} ${r.path} ${r.authorization ?? ''}`)).toEqual([
			'GET /items/b Bearer token-1',
			'POST /token ',
			'GET /items/b Bearer token-2',
		]);
		expect(fixture.harness.credentials.get(fixture.credentialId).data.accessToken).toBe('token-2');
	});

	it('takes a bearer token through preAuthentication without an exchange', async () => {
		const bearer = fixture.harness.addCredential({
			authentication: 'bearerToken',
			bearerToken: 'token-1',
			baseUrl: fixture.api.url,
		});
		await fixture.getItem('a'); // makes token-1 valid on the server

		const result = await fixture.harness.runNode({ nodeType: NODE_TYPE, parameters: { itemId: 'b' }, credentialId: bearer.id });

		expect(result.items[0].json).toEqual({ id: 'b', name: 'Item B' });
		expect(fixture.harness.credentials.get(bearer.id).data.accessToken).toBe('token-1');
		expect(fixture.api.exchanges()).toBe(1);
	});

	it('records the node’s error as n8n does', async () => {
		const result = await fixture.getItem('missing');

		expect(result.items).toEqual([]);
		expect(result.error?.message).toBe('The resource you are requesting could not be found');
		expect(result.runData['Node Under Test'][0].error).toBe(result.error);
	});

	it('turns the error into an output item when the node continues on fail', async () => {
		const result = await fixture.getItem('={{ $json.id }}', { items: [{ id: 'a' }, { id: 'missing' }], continueOnFail: true });

		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toEqual({ id: 'a', name: 'Item A' });
		expect(result.items[1].json.error).toBe('The resource you are requesting could not be found');
	});

	it('reports missing required parameters before running, as n8n does', async () => {
		const result = await fixture.harness.runNode({ nodeType: NODE_TYPE, parameters: {}, credentialId: fixture.credentialId });

		expect(result.error?.message).toContain('Parameter "Item ID" is required');
		expect(fixture.api.requests).toEqual([]);
	});
});
