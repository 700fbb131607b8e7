import { InvalidValueError } from '../errors';

/** Enfonica signs handler requests with a 64-byte key; the Console shows it base64-encoded (88 characters). */
export const SIGNING_KEY_BYTES = 64;

export const SIGNING_KEY_LOCATION = 'the Enfonica Console, Project → Settings';

/** Thrown for a missing or malformed key; its message never contains the key. */
export class SigningKeyError extends InvalidValueError {}

/**
 * The credential's Signing Key as the 64 bytes Enfonica signs with. The Console shows them
 * base64-encoded: the 88 characters are not the key (using them undecoded is the documented
 * common mistake, and every signature then fails).
 */
export function decodeSigningKey(input: unknown): Buffer {
	const text = typeof input === 'string' ? input.replace(/\s+/g, '') : '';
	if (text === '') {
		throw new SigningKeyError(`is missing from the Enfonica API credential: copy it from ${SIGNING_KEY_LOCATION}, into the credential's Signing Key field`);
	}
	const bytes = /^[A-Za-z0-9+/]+={0,2}$/.test(text) ? Buffer.from(text, 'base64') : undefined;
	if (!bytes || bytes.length !== SIGNING_KEY_BYTES) {
		throw new SigningKeyError(
			`in the Enfonica API credential is not the base64 value Enfonica shows (it must decode to ${SIGNING_KEY_BYTES} bytes${bytes ? `, this one decodes to ${bytes.length}` : ', this one is not base64'}): ` +
				`paste it exactly as ${SIGNING_KEY_LOCATION} shows it, 88 characters ending in "==", without decoding or re-encoding it`,
		);
	}
	return bytes;
}
