/** Verification of the RFC 7523 JWT assertion a service account posts to the token endpoint. */
import { verify } from 'node:crypto';
import type { RegisteredKey } from './auth';
import { NUMBERING_SCOPE } from './types';

const CLOCK_SKEW_SECONDS = 60;
const MAX_LIFETIME_SECONDS = 3600;

export type AssertionCheck =
	| { ok: true; key: RegisteredKey }
	| { ok: false; error: 'invalid_request' | 'invalid_grant'; description: string; key?: RegisteredKey };

function decodeSegment(segment: string): unknown {
	if (!/^[A-Za-z0-9_-]+$/.test(segment)) throw new Error('not base64url');
	return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The key a (possibly invalid) assertion claims to be signed with: used to label log entries. */
export function claimedKey(assertion: string, keys: KeyLookup): RegisteredKey | undefined {
	try {
		const [header, claims] = assertion.split('.').slice(0, 2).map(decodeSegment);
		if (isObject(header) && typeof header.kid === 'string') return keys.byId(header.kid);
		return isObject(claims) && typeof claims.iss === 'string' ? keys.byEmail(claims.iss)[0] : undefined;
	} catch {
		return undefined;
	}
}

/** How the token endpoint finds the signing key: by `kid`, or (a key file without private_key_id) by `iss`. */
export interface KeyLookup {
	byId(kid: string): RegisteredKey | undefined;
	byEmail(clientEmail: string): RegisteredKey[];
}

export function checkAssertion(
	assertion: string,
	keys: KeyLookup,
	tokenUrl: string,
	nowSeconds: number,
): AssertionCheck {
	const parts = assertion.split('.');
	if (parts.length !== 3) return { ok: false, error: 'invalid_request', description: 'The assertion is not a JWT (expected three dot-separated parts).' };
	let header: unknown;
	let claims: unknown;
	let signature: Buffer;
	try {
		header = decodeSegment(parts[0]);
		claims = decodeSegment(parts[1]);
		if (!/^[A-Za-z0-9_-]*$/.test(parts[2])) throw new Error('not base64url');
		signature = Buffer.from(parts[2], 'base64url');
	} catch {
		return { ok: false, error: 'invalid_request', description: 'The assertion is not a JWT (a part is not base64url-encoded JSON).' };
	}
	if (!isObject(header) || !isObject(claims)) return { ok: false, error: 'invalid_request', description: 'The JWT header and claims must be JSON objects.' };

	const fail = (description: string, key?: RegisteredKey): AssertionCheck => ({ ok: false, error: 'invalid_grant', description, key });
	if (header.alg !== 'RS256') return fail(`Invalid JWT: header alg must be RS256, got ${JSON.stringify(header.alg)}.`);
	if (header.typ !== 'JWT') return fail(`Invalid JWT: header typ must be JWT, got ${JSON.stringify(header.typ)}.`);
	const signed = Buffer.from(`${parts[0]}.${parts[1]}`);
	let key: RegisteredKey | undefined;
	if (header.kid === undefined) {
		// Enfonica's key loader treats private_key_id as optional: the key is then found by the issuer.
		const candidates = typeof claims.iss === 'string' ? keys.byEmail(claims.iss) : [];
		if (candidates.length === 0) return fail(`Invalid JWT: no kid, and iss ${JSON.stringify(claims.iss)} is not a known service account.`);
		key = candidates.find((candidate) => verify('RSA-SHA256', signed, candidate.publicKey, signature));
		if (!key) return fail('Invalid JWT Signature.', candidates[0]);
	} else {
		if (typeof header.kid !== 'string') return fail('Invalid JWT: header kid (the private_key_id) must be a string.');
		key = keys.byId(header.kid);
		if (!key) return fail(`Invalid JWT: kid ${JSON.stringify(header.kid)} is not a known private_key_id (the key may have been deleted).`);
		if (!verify('RSA-SHA256', signed, key.publicKey, signature)) return fail('Invalid JWT Signature.', key);
	}
	if (claims.iss !== key.clientEmail) return fail(`Invalid JWT: iss must be the key's client_email ${key.clientEmail}.`, key);
	if (claims.aud !== tokenUrl) return fail(`Invalid JWT: aud must be the token URL ${tokenUrl}, got ${JSON.stringify(claims.aud)}.`, key);
	const { iat, exp } = claims;
	if (typeof iat !== 'number' || typeof exp !== 'number') return fail('Invalid JWT: iat and exp must be numbers (seconds since the epoch).', key);
	if (iat > nowSeconds + CLOCK_SKEW_SECONDS) return fail('Invalid JWT: iat is in the future. Check your clock.', key);
	if (exp <= nowSeconds) return fail('Invalid JWT: the assertion has expired (exp is in the past).', key);
	if (exp - iat > MAX_LIFETIME_SECONDS) return fail('Invalid JWT: Token must be a short-lived token (60 minutes): exp - iat exceeds 3600.', key);
	const scopes = typeof claims.scope === 'string' ? claims.scope.split(/\s+/) : [];
	if (!scopes.includes(NUMBERING_SCOPE)) return fail(`Invalid JWT: scope must include ${NUMBERING_SCOPE}.`, key);
	return { ok: true, key };
}
