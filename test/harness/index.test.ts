/**
 * Proves the harness on the real package: dist/ loaded by n8n's loader, run by n8n-core's
 * engine, with the credential's own preAuthentication (a signed JWT exchanged for a token)
 * and authenticate, against a tiny Enfonica stand-in on loopback.
 */
import { createVerify, generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { createHarness } from '.';
import type { Harness } from '.';

/** Token exchange (checks the assertion's signature) and Get of a phone number instance. */
async function startEnfonicaStub(publicKey: string) {
	const seen: string[] = [];
	let exchanges = 0;
	const server: Server = createServer((request, response) => {
		let body = '';
		request.on('data', (chunk: Buffer) => (body += chunk.toString()));
		request.on('end', () => {
			const send = (status: number, json: unknown) => {
				response.writeHead(status, { 'content-type': 'application/json' });
				response.end(JSON.stringify(json));
			};
			seen.push(`${request.method} ${request.url} ${request.headers.authorization ?? ''}`.trim());
			if (request.url === '/token') {
				const assertion = new URLSearchParams(body).get('assertion') ?? '';
				const [header, claims, signature] = assertion.split('.');
				const valid = createVerify('RSA-SHA256')
					.update(`${header}.${claims}`)
					.verify(publicKey, Buffer.from(signature ?? '', 'base64url'));
				if (!valid) return send(400, { error: 'invalid_grant' });
				exchanges += 1;
				return send(200, { access_token: `access-${exchanges}`, token_type: 'Bearer', expires_in: 3600 });
			}
			if (!/^Bearer access-\d+$/.test(request.headers.authorization ?? '')) {
				return send(401, { error: { code: 401, message: 'Request had invalid authentication credentials.' } });
			}
			const path = new URL(request.url ?? '/', 'http://stub').pathname;
			if (path.endsWith('/phoneNumberInstances')) return send(200, { phoneNumberInstances: [] });
			return send(200, {
				name: path.replace('/v1beta1/', ''),
				phoneNumber: { phoneNumber: '+61255501234' },
				displayName: 'Reception',
				lifecycleState: 'ACTIVE',
			});
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		seen,
		exchanges: () => exchanges,
		close: async () => await new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

describe('harness on n8n-nodes-enfonica', () => {
	let harness: Harness;

	beforeAll(async () => {
		harness = await createHarness();
	});

	it('loads the package with n8n’s loader', () => {
		expect(Object.keys(harness.nodeTypes.getKnownTypes())).toContain('n8n-nodes-enfonica.enfonica');
		expect(harness.credentialTypes.recognizes('enfonicaApi')).toBe(true);
	});

	it('runs a start node alone', async () => {
		const result = await harness.runWorkflow(
			{
				nodes: [
					{
						id: '1',
						name: 'When clicking ‘Execute workflow’',
						type: 'n8n-nodes-base.manualTrigger',
						typeVersion: 1,
						position: [0, 0],
						parameters: {},
					},
				],
				connections: {},
			},
			{ startItems: [{ hello: 'world' }] },
		);

		expect(result.error).toBeUndefined();
		expect(result.outputOf('When clicking ‘Execute workflow’').map((item) => item.json)).toEqual([{ hello: 'world' }]);
	});

	describe('Phone Number Instance › Get', () => {
		const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
		let stub: Awaited<ReturnType<typeof startEnfonicaStub>>;
		let credentialId: string;

		beforeAll(async () => {
			stub = await startEnfonicaStub(publicKey.export({ type: 'spki', format: 'pem' }).toString());
			credentialId = harness.addCredential({
				authentication: 'serviceAccountKey',
				serviceAccountKey: JSON.stringify({
					type: 'service_account',
					project_id: 'acme',
					private_key_id: 'key-1',
					private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
					client_email: 'n8n@acme.iam.enfonica.com',
				}),
				baseUrl: stub.url,
				tokenUrl: `${stub.url}/token`,
			}).id;
		});

		afterAll(async () => {
			await stub.close();
		});

		it('evaluates `={{ $json.id }}` and calls Enfonica with the credential’s own token', async () => {
			const result = await harness.runNode({
				parameters: {
					resource: 'phoneNumberInstance',
					operation: 'get',
					phoneNumberInstance: { __rl: true, mode: 'name', value: '={{ $json.id }}' },
				},
				credentialId,
				items: [{ id: 'reception' }, { id: 'sales' }],
			});

			expect(result.error).toBeUndefined();
			expect(result.items.map((item) => item.json.name)).toEqual([
				'projects/acme/phoneNumberInstances/reception',
				'projects/acme/phoneNumberInstances/sales',
			]);
			expect(stub.seen).toEqual([
				'POST /token',
				// The credential's first use: it checks that the API Base URL answers, sending nothing of the credential.
				'GET /',
				'GET /v1beta1/projects/acme/phoneNumberInstances/reception Bearer access-1',
				'GET /v1beta1/projects/acme/phoneNumberInstances/sales Bearer access-1',
			]);
			expect(harness.credentials.get(credentialId).data.accessToken).toBe('access-1');
		});

		it('reuses the stored token in the next run', async () => {
			const result = await harness.runNode({
				parameters: {
					resource: 'phoneNumberInstance',
					operation: 'get',
					phoneNumberInstance: { __rl: true, mode: 'name', value: 'reception' },
				},
				credentialId,
			});

			expect(result.items).toHaveLength(1);
			expect(stub.exchanges()).toBe(1);
		});

		it('passes the credential test', async () => {
			await expect(harness.testCredential({ credentialId })).resolves.toEqual({
				status: 'OK',
				message: 'Connection successful!',
			});
			expect(stub.seen.at(-1)).toBe('GET /v1beta1/projects/acme/phoneNumberInstances?pageSize=1 Bearer access-1');
		});
	});
});
