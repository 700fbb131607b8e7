/**
 * The harness's own behaviour, against a tiny fixture package shaped like ours
 * (test/harness/fixture) and its loopback API, so these checks do not move with our nodes.
 */
import path from 'node:path';

import { createHarness } from '.';
import type { Harness, WorkflowJson } from '.';
import { FIXTURE_API_KEY, startFixtureApi } from './fixture/fixture-api';
import type { FixtureApiServer } from './fixture/fixture-api';

const FIXTURE_DIR = path.join(__dirname, 'fixture');
const NODE_TYPE = 'n8n-nodes-harness-fixture.fixture';

let api: FixtureApiServer;
let harness: Harness;
let credentialId: string;

beforeEach(async () => {
	api = await startFixtureApi();
	api.items.push({ id: 'b', name: 'Item B' });
	harness = await createHarness({ packageDir: FIXTURE_DIR });
	credentialId = harness.addCredential({ apiKey: FIXTURE_API_KEY, baseUrl: api.url }).id;
});

afterEach(async () => {
	await api.close();
});

const getItem = (itemId: string, extra: Partial<Parameters<Harness['runNode']>[0]> = {}) =>
	harness.runNode({ nodeType: NODE_TYPE, parameters: { itemId }, credentialId, ...extra });

describe('runNode', () => {
	it('evaluates parameter expressions per item in the engine', async () => {
		const result = await getItem('={{ $json.id }}', { items: [{ id: 'a' }, { id: 'b' }] });

		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json)).toEqual([
			{ id: 'a', name: 'Item A' },
			{ id: 'b', name: 'Item B' },
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('fills in credential defaults, so the empty expirable field triggers preAuthentication', async () => {
		expect(harness.credentials.get(credentialId).data).toMatchObject({
			authentication: 'apiKey',
			accessToken: '',
		});

		await getItem('a', { items: [{}, {}] });

		expect(api.exchanges()).toBe(1);
		expect(api.requests.filter(({ path: p }) => p === '/items/a').map((r) => r.authorization)).toEqual([
			'Bearer token-1',
			'Bearer token-1',
		]);
	});

	it('persists the fetched token, so the next run reuses it as with n8n’s database', async () => {
		await getItem('a');
		expect(harness.credentials.get(credentialId).data.accessToken).toBe('token-1');

		const second = await getItem('b');

		expect(second.items[0].json).toEqual({ id: 'b', name: 'Item B' });
		expect(api.exchanges()).toBe(1);
	});

	it('refreshes the token once after a 401 and retries the request', async () => {
		await getItem('a');
		api.revokeTokens();

		const result = await getItem('b');

		expect(result.error).toBeUndefined();
		expect(api.requests.slice(-3).map((r) => `${r.method} ${r.path} ${r.authorization ?? ''}`)).toEqual([
			'GET /items/b Bearer token-1',
			'POST /token ',
			'GET /items/b Bearer token-2',
		]);
		expect(harness.credentials.get(credentialId).data.accessToken).toBe('token-2');
	});

	it('takes a bearer token through preAuthentication without an exchange', async () => {
		const bearer = harness.addCredential({
			authentication: 'bearerToken',
			bearerToken: 'token-1',
			baseUrl: api.url,
		});
		await getItem('a'); // makes token-1 valid on the server

		const result = await harness.runNode({ nodeType: NODE_TYPE, parameters: { itemId: 'b' }, credentialId: bearer.id });

		expect(result.items[0].json).toEqual({ id: 'b', name: 'Item B' });
		expect(harness.credentials.get(bearer.id).data.accessToken).toBe('token-1');
		expect(api.exchanges()).toBe(1);
	});

	it('records the node’s error as n8n does', async () => {
		const result = await getItem('missing');

		expect(result.items).toEqual([]);
		expect(result.error?.message).toBe('The resource you are requesting could not be found');
		expect(result.runData['Node Under Test'][0].error).toBe(result.error);
	});

	it('turns the error into an output item when the node continues on fail', async () => {
		const result = await getItem('={{ $json.id }}', { items: [{ id: 'a' }, { id: 'missing' }], continueOnFail: true });

		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toEqual({ id: 'a', name: 'Item A' });
		expect(result.items[1].json.error).toBe('The resource you are requesting could not be found');
	});

	it('reports missing required parameters before running, as n8n does', async () => {
		const result = await harness.runNode({ nodeType: NODE_TYPE, parameters: {}, credentialId });

		expect(result.error?.message).toContain('Parameter "Item ID" is required');
		expect(api.requests).toEqual([]);
	});
});

describe('runWorkflow', () => {
	it('runs an exported workflow as-is, with its manual trigger and mapped credentials', async () => {
		const workflow: WorkflowJson = {
			name: 'Get an item',
			nodes: [
				{
					id: '1',
					name: 'When clicking ‘Execute workflow’',
					type: 'n8n-nodes-base.manualTrigger',
					typeVersion: 1,
					position: [0, 0],
					parameters: {},
				},
				{
					id: '2',
					name: 'Get item',
					type: NODE_TYPE,
					typeVersion: 1,
					position: [220, 0],
					parameters: { itemId: '={{ $json.id }}' },
					credentials: { fixtureApi: { id: 'exported-credential-id', name: 'Fixture account' } },
				},
			],
			connections: {
				'When clicking ‘Execute workflow’': {
					main: [[{ node: 'Get item', type: 'main', index: 0 }]],
				},
			},
		};

		const result = await harness.runWorkflow(workflow, {
			credentialIdMap: { 'exported-credential-id': credentialId },
			startItems: [{ id: 'b' }],
		});

		expect(result.error).toBeUndefined();
		expect(result.executionOrder).toEqual(['When clicking ‘Execute workflow’', 'Get item']);
		expect(result.outputOf('Get item').map((item) => item.json)).toEqual([{ id: 'b', name: 'Item B' }]);
		expect(result.run.status).toBe('success');
	});
});

describe('poll', () => {
	it('runs poll() through PollContext and carries the node’s static data between polls', async () => {
		const first = await harness.poll({ parameters: {}, credentialId });
		expect(first).toEqual({ result: null, staticData: { seen: ['a', 'b'] }, workflowStaticData: { 'node:Trigger': { seen: ['a', 'b'] } }, staticDataChanged: true });

		api.items.push({ id: 'c', name: 'Item C' });
		const second = await harness.poll({ parameters: {}, credentialId, staticData: first.staticData });

		expect(second.error).toBeUndefined();
		expect(second.result).toEqual([[{ json: { id: 'c', name: 'Item C' } }]]);
		expect(second.staticData).toEqual({ seen: ['a', 'b', 'c'] });
	});

	it('runs "Fetch Test Event" in manual mode', async () => {
		const manual = await harness.poll({ parameters: {}, credentialId, staticData: { seen: ['a'] }, mode: 'manual' });

		expect(manual.result).toEqual([[{ json: { id: 'a', name: 'Item A' } }]]);
		expect(manual).toMatchObject({ staticData: { seen: ['a'] }, staticDataChanged: false });
	});

	it('reports a failing poll as an error, as n8n would', async () => {
		const broken = harness.addCredential({ apiKey: 'wrong', baseUrl: api.url });

		const polled = await harness.poll({ parameters: {}, credentialId: broken.id, staticData: { seen: ['a'] } });

		expect(polled.result).toBeNull();
		expect(polled.error).toBeInstanceOf(Error);
		expect(polled.staticData).toEqual({ seen: ['a'] });
	});
});

describe('testCredential', () => {
	it('runs the credential type’s test request with preAuthentication and authenticate', async () => {
		await expect(harness.testCredential({ credentialId })).resolves.toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		expect(api.requests.map((r) => `${r.method} ${r.path} ${r.authorization ?? ''}`)).toEqual([
			'POST /token ',
			'GET /items Bearer token-1',
		]);
		// As in n8n, the token fetched for the test is saved with the credential.
		expect(harness.credentials.get(credentialId).data.accessToken).toBe('token-1');
	});

	it('saves new credential data before testing it, as the editor does', async () => {
		const before = harness.credentials.list().length;

		const result = await harness.testCredential({ apiKey: FIXTURE_API_KEY, baseUrl: api.url });

		expect(result.status).toBe('OK');
		expect(harness.credentials.list()).toHaveLength(before + 1);
	});

	it('fails like n8n for a refused key and for an unreachable API', async () => {
		await expect(harness.testCredential({ apiKey: 'wrong', baseUrl: api.url })).resolves.toEqual({
			status: 'Error',
			message: 'Bad Request',
		});
		await expect(harness.testCredential({ apiKey: FIXTURE_API_KEY, baseUrl: 'http://127.0.0.1:1' })).resolves.toEqual({
			status: 'Error',
			message: 'ECONNREFUSED',
		});
	});
});

describe('logs', () => {
	it('captures what the engine and the node log, and prints nothing', async () => {
		const printed = jest.spyOn(process.stdout, 'write');
		const printedErrors = jest.spyOn(process.stderr, 'write');

		await getItem('a');
		await harness.testCredential({ apiKey: 'wrong', baseUrl: api.url });

		expect(harness.logs).toContainEqual({ level: 'info', message: 'Fixture node running', meta: { items: 1 } });
		expect(harness.logs).toContainEqual(
			expect.objectContaining({ level: 'debug', message: 'Workflow execution finished successfully' }),
		);
		expect(harness.logs.some((entry) => entry.level === 'error')).toBe(true);
		expect(printed).not.toHaveBeenCalled();
		expect(printedErrors).not.toHaveBeenCalled();
		printed.mockRestore();
		printedErrors.mockRestore();
	});
});
