import { phoneNumberInstances, regulatoryListings } from '../../../../nodes/Enfonica/api';
import { isRetryable, parseRetryAfter, retryDelayMs, retryInfoDelayMs } from '../../../../nodes/Enfonica/transport/retry';

describe('retry policy', () => {
	it('retries reads, PATCH and DELETE on 429/5xx and network errors, create, move and splitRange only on 429', () => {
		for (const call of [phoneNumberInstances.get, phoneNumberInstances.update, phoneNumberInstances.delete, regulatoryListings.search]) {
			for (const status of [429, 500, 502, 503, 504]) expect(isRetryable(call, { kind: 'status', status })).toBe(true);
			expect(isRetryable(call, { kind: 'status', status: 400 })).toBe(false);
			expect(isRetryable(call, { kind: 'network', code: 'ECONNRESET' })).toBe(true);
		}
		for (const call of [phoneNumberInstances.create, phoneNumberInstances.move, phoneNumberInstances.splitRange, regulatoryListings.create]) {
			expect(isRetryable(call, { kind: 'status', status: 429 })).toBe(true);
			for (const status of [500, 502, 503, 504]) expect(isRetryable(call, { kind: 'status', status })).toBe(false);
			expect(isRetryable(call, { kind: 'network', code: 'ETIMEDOUT' })).toBe(false);
			expect(isRetryable(call, { kind: 'malformed' })).toBe(false);
		}
	});

	it('backs off exponentially with jitter, bounded, and lets Retry-After win', () => {
		expect(retryDelayMs(1, undefined, () => 0)).toBe(125);
		expect(retryDelayMs(1, undefined, () => 1)).toBe(250);
		expect(retryDelayMs(3, undefined, () => 1)).toBe(1000);
		expect(retryDelayMs(20, undefined, () => 1)).toBe(8000);
		expect(retryDelayMs(1, 3000, () => 1)).toBe(3000);
	});

	it('reads Retry-After as seconds or an HTTP date', () => {
		expect(parseRetryAfter('2')).toBe(2000);
		expect(parseRetryAfter(['1'])).toBe(1000);
		expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
		expect(parseRetryAfter('soon')).toBeUndefined();
		expect(parseRetryAfter(undefined)).toBeUndefined();
	});

	it('reads google.rpc.RetryInfo from the error body (n8n 1.x keeps no Retry-After header)', () => {
		const body = (retryDelay: unknown) => ({ error: { code: 429, details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo' }, { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay }] } });
		expect(retryInfoDelayMs(body('1s'))).toBe(1000);
		expect(retryInfoDelayMs(body('0.5s'))).toBe(500);
		expect(retryInfoDelayMs(body('soon'))).toBeUndefined();
		expect(retryInfoDelayMs({ error: { code: 429 } })).toBeUndefined();
		expect(retryInfoDelayMs('not json')).toBeUndefined();
	});
});
