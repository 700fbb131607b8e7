/** Shared by the test/drills.*.test.ts fault drills: faults, a seeded PRNG, the no-double-POST check, a secret sweep. */
import { ENFONICA_CALLS, isOneOffChange, pathPattern } from '../../nodes/Enfonica/api';
import type { Emulator, FaultSpec, RequestLogEntry } from '../emulator';

/** The injected faults every operation is drilled with. The timeout hangs past the drill credential's 1 s timeout. */
export const FAULTS: Record<string, FaultSpec> = {
	'429 + Retry-After 1s': { kind: 'status', status: 429, retryAfterSeconds: 1 },
	'503 Unavailable': { kind: 'status', status: 503 },
	'connection reset': { kind: 'reset' },
	timeout: { kind: 'hang', ms: 2500 },
	'malformed JSON': { kind: 'malformed' },
};
export const FAULT_NAMES = Object.keys(FAULTS);

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Requests to one method and exact path (API requests only). */
export function requestsTo(emu: Emulator | readonly RequestLogEntry[], method: string, path: string): RequestLogEntry[] {
	const log = Array.isArray(emu) ? (emu as readonly RequestLogEntry[]) : (emu as Emulator).requests;
	return log.filter((request) => request.method === method && request.path === path);
}

/** The catalogue's changes that must not happen twice (create, move, splitRange…), as method + path patterns. */
const SENT_ONCE = ENFONICA_CALLS.filter(isOneOffChange).map((call) => ({ http: call.http, pattern: pathPattern(call) }));

/** Whether a logged request is one of those changes. */
export function isOneOffRequest(request: RequestLogEntry): boolean {
	return SENT_ONCE.some(({ http, pattern }) => request.method === http && pattern.test(request.path));
}

/**
 * Every create, move or split (every change the catalogue says must not happen twice) that was sent
 * more than once, where a repeat followed anything but a 429 (the one answer that says Enfonica
 * refused it unprocessed). Grouped by path and body: each drill uses a fresh number or instance, so
 * equal path and body means the same change sent again.
 */
export function postsSentTwice(log: readonly RequestLogEntry[]): string[] {
	const groups = new Map<string, RequestLogEntry[]>();
	for (const request of log) {
		if (!isOneOffRequest(request)) continue;
		const key = `${request.path} ${JSON.stringify(request.body)}`;
		groups.set(key, [...(groups.get(key) ?? []), request]);
	}
	const violations: string[] = [];
	for (const [key, requests] of groups) {
		const resentAfter = requests.slice(0, -1).filter((request) => request.status !== 429);
		if (resentAfter.length > 0) {
			violations.push(`${key}: sent ${requests.length} times, answers ${requests.map((request) => `${request.status}${request.fault ? `(${request.fault})` : ''}`).join(', ')}`);
		}
	}
	return violations;
}

/**
 * Every string reachable from a value: enumerable or not (an Error's message, stack, cause),
 * through arrays, maps, sets and nested objects, each object once.
 */
export function reachableStrings(value: unknown, limit = 200_000): string[] {
	const strings: string[] = [];
	const seen = new Set<unknown>();
	const stack: unknown[] = [value];
	while (stack.length > 0 && strings.length < limit) {
		const current = stack.pop();
		if (typeof current === 'string') {
			strings.push(current);
			continue;
		}
		if (current === null || (typeof current !== 'object' && typeof current !== 'function') || seen.has(current)) continue;
		seen.add(current);
		if (typeof current === 'function') continue;
		if (current instanceof Map) {
			for (const [key, entry] of current) stack.push(key, entry);
			continue;
		}
		if (current instanceof Set) {
			for (const entry of current) stack.push(entry);
			continue;
		}
		if (Buffer.isBuffer(current)) {
			strings.push(current.toString('latin1'));
			continue;
		}
		for (const key of Object.getOwnPropertyNames(current)) {
			strings.push(key);
			let entry: unknown;
			try {
				entry = (current as Record<string, unknown>)[key];
			} catch {
				continue;
			}
			stack.push(entry);
		}
	}
	return strings;
}

/** JSON.stringify that survives cycles (as n8n's own serialisation of executions does). */
export function safeStringify(value: unknown): string {
	const seen = new WeakSet<object>();
	return JSON.stringify(value, (_key, entry: unknown) => {
		if (typeof entry === 'object' && entry !== null) {
			if (seen.has(entry)) return '[Circular]';
			seen.add(entry);
		}
		if (typeof entry === 'bigint') return entry.toString();
		return entry;
	}) ?? '';
}

/** Which markers appear in which of the named texts: `[]` means none leaked. */
export function leaks(markers: string[], texts: Record<string, string>): string[] {
	const found: string[] = [];
	for (const [where, text] of Object.entries(texts)) {
		for (const marker of markers) {
			if (marker !== '' && text.includes(marker)) found.push(`${where} contains ${marker.slice(0, 12)}…`);
		}
	}
	return found;
}

/** Three distinct 24-character slices of a PEM private key's base64 body (start, middle, end). */
export function privateKeySlices(pem: string): string[] {
	const body = pem
		.split('\n')
		.filter((line) => line !== '' && !line.startsWith('-----'))
		.join('');
	// Skip the first 64 characters: the PKCS#8 header there (MIIEv…) is the same in every 2048-bit key.
	const at = (fraction: number) => {
		const start = 64 + Math.floor((body.length - 64 - 48) * fraction);
		return body.slice(start, start + 24);
	};
	return [at(0), at(0.5), at(1)];
}

/** Access tokens the emulator has issued so far (test-only peek at its internals). */
export function issuedAccessTokens(emu: Emulator): string[] {
	const internals = emu as unknown as { core?: { auth?: { accessTokens?: Map<string, unknown> } } };
	const tokens = internals.core?.auth?.accessTokens;
	if (!(tokens instanceof Map)) throw new Error('The emulator no longer keeps issued access tokens where the secret sweep looks for them');
	return [...tokens.keys()];
}

/** The signatures of the JWT assertions sent to the token endpoint (in the emulator's log). */
export function assertionSignatures(log: readonly RequestLogEntry[]): string[] {
	return log
		.filter((request) => request.path === '/token')
		.map((request) => (request.body as { assertion?: unknown } | undefined)?.assertion)
		.filter((assertion): assertion is string => typeof assertion === 'string' && assertion.split('.').length === 3)
		.map((assertion) => assertion.split('.')[2]);
}
