/** When a failed call may be sent again: the policy promised in the README. */
import type { EnfonicaCall } from '../api';

export const MAX_ATTEMPTS = 5;
const BASE_DELAY_MS = 250;
const MAX_DELAY_MS = 8_000;
/** A server asking us to wait longer than this is treated as a failure rather than stalling the workflow. */
export const MAX_RETRY_AFTER_MS = 60_000;

const RETRYABLE_STATUSES = new Set([429, 500, 502, 503, 504]);

export type Failure =
	| { kind: 'status'; status: number; retryAfterMs?: number }
	| { kind: 'network'; code: string }
	| { kind: 'malformed' };

/**
 * As the call's retry policy says (see api/call.ts): reads and repeatable changes after any
 * transient failure; a change that must not happen twice (a create buys a number) only after a
 * 429, which Enfonica sends before doing anything.
 */
export function isRetryable(call: EnfonicaCall, failure: Failure): boolean {
	if (call.retry === 'onlyOn429') return failure.kind === 'status' && failure.status === 429;
	if (failure.kind === 'status') return RETRYABLE_STATUSES.has(failure.status);
	return true;
}

/** Exponential backoff with full jitter; a Retry-After from the server wins when it is longer. */
export function retryDelayMs(attempt: number, retryAfterMs?: number, random: () => number = Math.random): number {
	const exponential = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (attempt - 1));
	const jittered = exponential / 2 + random() * (exponential / 2);
	return Math.max(jittered, retryAfterMs ?? 0);
}

/** Retry-After as seconds or an HTTP date, in ms; undefined when absent or unreadable. */
export function parseRetryAfter(header: unknown, now = Date.now()): number | undefined {
	const value = Array.isArray(header) ? header[0] : header;
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	const text = String(value).trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
	const date = Date.parse(text);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * google.rpc.RetryInfo's `retryDelay` ("1s", "0.5s") from a Google-style error body, in ms. The
 * fallback when Retry-After is unknown: n8n 1.x keeps an error's body but not its headers.
 */
export function retryInfoDelayMs(body: unknown): number | undefined {
	const details = (body as { error?: { details?: unknown } } | undefined)?.error?.details;
	if (!Array.isArray(details)) return undefined;
	for (const detail of details as Array<{ '@type'?: unknown; retryDelay?: unknown }>) {
		const match = typeof detail?.retryDelay === 'string' && String(detail['@type']).endsWith('google.rpc.RetryInfo') ? /^(\d+(?:\.\d+)?)s$/.exec(detail.retryDelay) : null;
		if (match) return Number(match[1]) * 1000;
	}
	return undefined;
}
