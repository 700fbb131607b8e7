/**
 * Enfonica's request signing, as its documentation describes it (written here independently of
 * the node's verifier, and tested against the reference's worked examples):
 * base64(HMAC-SHA256(base64-decoded project key, URL ‖ X-Enfonica-Event ‖ raw body)).
 */
import { createHmac, randomBytes } from 'node:crypto';

export const SIGNING_KEY_BYTES = 64;

/** A new project signing key, as the Console shows it (base64 of 64 random bytes). */
export function newSigningKey(): string {
	return randomBytes(SIGNING_KEY_BYTES).toString('base64');
}

export function signRequest(signingKeyBase64: string, url: string, event: string, body: string | Buffer): string {
	const key = Buffer.from(signingKeyBase64, 'base64');
	if (key.length !== SIGNING_KEY_BYTES) throw new Error(`a signing key is ${SIGNING_KEY_BYTES} bytes, this one ${key.length}`);
	const message = Buffer.concat([Buffer.from(url + event, 'utf8'), Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8')]);
	return createHmac('sha256', key).update(message).digest('base64');
}
