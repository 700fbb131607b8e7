/** The one table of failures below HTTP (errors/network.ts): which are retried, which are timeouts, their words. */
import { isTimeoutCode, networkErrorCode, networkProblemOf } from '../../../../nodes/Enfonica/errors';

const failed = (code: string, wrapped = false) => {
	const error = Object.assign(new Error(`connect ${code}`), { code });
	return wrapped ? Object.assign(new Error('Request failed'), { cause: error }) : error;
};

describe('network failures', () => {
	it('finds a transient code anywhere in the causes, and none for a name that does not resolve', () => {
		for (const code of ['ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'UND_ERR_SOCKET']) {
			expect([code, networkErrorCode(failed(code, true))]).toEqual([code, code]);
		}
		expect(networkErrorCode(failed('ENOTFOUND'))).toBeUndefined();
		expect(networkErrorCode(failed('ERR_BAD_REQUEST'))).toBeUndefined();
		expect(networkErrorCode(new Error('timeout of 7000ms exceeded'))).toBe('ETIMEDOUT');
		expect(networkErrorCode(new Error('socket hang up'))).toBe('ECONNRESET');
	});

	it('tells timeouts apart and puts codes in words', () => {
		expect(['ETIMEDOUT', 'ECONNABORTED', 'ECONNRESET', 'ENOTFOUND', undefined].map(isTimeoutCode)).toEqual([true, true, false, false, false]);
		const problem = (code: string, timeoutMs?: number) => networkProblemOf(failed(code, true), timeoutMs);
		expect(['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'toString'].map((code) => problem(code))).toEqual([
			'connection refused: nothing listens there',
			'connection closed',
			'host unreachable',
			'network unreachable',
			'host not found',
			'host not found',
			'no answer',
			'no answer',
		]);
		expect([problem('ETIMEDOUT'), problem('ECONNABORTED', 3000), networkProblemOf(new Error('timeout of 3000ms exceeded'), 3000)]).toEqual(['timed out', 'no answer within 3 s', 'no answer within 3 s']);
	});
});
