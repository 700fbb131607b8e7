import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Enfonica's request signature: base64(HMAC-SHA256(key, url ‖ X-Enfonica-Event ‖ raw body)), with
 * the URL exactly as Enfonica called it (query string included), the event header's exact value
 * and the body byte for byte, never re-serialised. `key` is the 64 decoded bytes.
 */
export function enfonicaSignature(key: Buffer, url: string, event: string, rawBody: Buffer): string {
	return createHmac('sha256', key).update(url, 'utf8').update(event, 'utf8').update(rawBody).digest('base64');
}

/** Whether `signature` (the X-Enfonica-Signature header) is the right one, compared in constant time. */
export function isValidSignature(key: Buffer, url: string, event: string, rawBody: Buffer, signature: unknown): boolean {
	if (typeof signature !== 'string' || signature === '') return false;
	const expected = Buffer.from(enfonicaSignature(key, url, event, rawBody), 'utf8');
	const actual = Buffer.from(signature, 'utf8');
	return actual.length === expected.length && timingSafeEqual(actual, expected);
}
