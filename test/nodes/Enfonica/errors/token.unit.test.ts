/** A failed token exchange in words (errors/token.ts): from the answer or the network code, never the request. */
import { describeTokenFailure } from '../../../../nodes/Enfonica/errors';

const URL = 'https://oauth2.test/token';

describe('describeTokenFailure', () => {
	it('says a 5xx is temporary, and how often it was tried', () => {
		expect(describeTokenFailure(URL, { response: { status: 503 } }, 3)).toBe(`The Enfonica token endpoint ${URL} had a temporary problem (HTTP 503, tried 3 times). Try again later.`);
	});

	it('quotes the OAuth error of a refusal', () => {
		const refusal = { response: { status: 400, data: { error: 'invalid_grant', error_description: 'key revoked' } } };
		expect(describeTokenFailure(URL, refusal)).toBe(`Enfonica refused the service account key at ${URL} (HTTP 400, invalid_grant: key revoked). Check that the key is current and not revoked.`);
	});

	it('puts network codes in words, and anything else as no answer', () => {
		const unreachable = (code: string) => describeTokenFailure(URL, { code });
		expect(unreachable('ECONNREFUSED')).toBe(
			`Could not reach the Enfonica token endpoint ${URL} (connection refused: nothing listens there). Check the credential's Token URL and that n8n can reach it (network, proxy, firewall).`,
		);
		expect(unreachable('ENOTFOUND')).toContain('(host not found)');
		expect(describeTokenFailure(URL, { code: 'ETIMEDOUT' }, 1, 5000)).toContain('(no answer within 5 s)');
		expect(unreachable('EPIPE')).toContain('(no answer)');
	});
});
