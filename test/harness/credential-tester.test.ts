/**
 * The harness's testCredential: the credential's Test through n8n's tester (credential-tester.ts), against a tiny fixture package shaped like ours
 * (test/harness/fixture) and its loopback API, so these checks do not move with our nodes.
 */
import { FIXTURE_API_KEY } from './fixture/fixture-api';
import { useHarnessFixture } from '../support/harnessFixture';

const fixture = useHarnessFixture();

describe('testCredential', () => {
	it('runs the credential type’s test request with preAuthentication and authenticate', async () => {
		await expect(fixture.harness.testCredential({ credentialId: fixture.credentialId })).resolves.toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		expect(fixture.api.requests.map((r) => `${r.method} ${r.path} ${r.authorization ?? ''}`)).toEqual([
			'POST /token ',
			'GET /items Bearer token-1',
		]);
		// As in n8n, the token fetched for the test is saved with the credential.
		expect(fixture.harness.credentials.get(fixture.credentialId).data.accessToken).toBe('token-1');
	});

	it('saves new credential data before testing it, as the editor does', async () => {
		const before = fixture.harness.credentials.list().length;

		const result = await fixture.harness.testCredential({ apiKey: FIXTURE_API_KEY, baseUrl: fixture.api.url });

		expect(result.status).toBe('OK');
		expect(fixture.harness.credentials.list()).toHaveLength(before + 1);
	});

	it('fails like n8n for a refused key and for an unreachable API', async () => {
		await expect(fixture.harness.testCredential({ apiKey: 'wrong', baseUrl: fixture.api.url })).resolves.toEqual({
			status: 'Error',
			message: 'Bad Request',
		});
		await expect(fixture.harness.testCredential({ apiKey: FIXTURE_API_KEY, baseUrl: 'http://127.0.0.1:1' })).resolves.toEqual({
			status: 'Error',
			message: 'ECONNREFUSED',
		});
	});
});
