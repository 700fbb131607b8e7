/** Random identifiers: instance ids, access tokens, key ids. */
import { randomBytes } from 'node:crypto';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Opaque lowercase alphanumeric ids, like the ones the real service hands out. */
export class InstanceIdSource {
	/** Random bytes fetched in bulk: one crypto call per id made seeding 10,000 instances slow. */
	private pool: Buffer = Buffer.alloc(0);
	private offset = 0;

	next(length = 20): string {
		if (this.offset + length > this.pool.length) {
			this.pool = randomBytes(8192);
			this.offset = 0;
		}
		let id = '';
		for (let i = 0; i < length; i++) id += ALPHABET[this.pool[this.offset + i] % ALPHABET.length];
		this.offset += length;
		return id;
	}
}

export function randomHex(bytes: number): string {
	return randomBytes(bytes).toString('hex');
}

export function randomDigits(count: number): string {
	let digits = String(1 + (randomBytes(1)[0] % 9));
	for (const byte of randomBytes(count - 1)) digits += String(byte % 10);
	return digits;
}

export function randomTokenString(prefix: string): string {
	return prefix + randomBytes(32).toString('base64url');
}

export const INSTANCE_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;
