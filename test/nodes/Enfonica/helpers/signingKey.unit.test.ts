import { decodeSigningKey } from '../../../../nodes/Enfonica/helpers/signingKey';

/** The made-up key 0x00 … 0x3f, as the Console would show it. */
const KEY_BASE64 = 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+Pw==';
const KEY = decodeSigningKey(KEY_BASE64);

describe('the Signing Key', () => {
	it('is missing: the message says where to find it', () => {
		expect(() => decodeSigningKey('')).toThrow('is missing from the Enfonica API credential: copy it from the Enfonica Console, Project → Settings');
		expect(() => decodeSigningKey(undefined)).toThrow(/Project → Settings/);
	});

	it('must decode to 64 bytes; the message explains and never quotes the key', () => {
		const decodedOnce = Buffer.from(KEY_BASE64, 'base64').toString('latin1');
		const shortKey = Buffer.alloc(32, 7).toString('base64');
		for (const [value, detail] of [
			[shortKey, 'this one decodes to 32'],
			[decodedOnce, 'this one is not base64'],
			[Buffer.from(KEY_BASE64).toString('base64'), 'this one decodes to 88'],
		]) {
			let message = '';
			try {
				decodeSigningKey(value);
			} catch (error) {
				message = (error as Error).message;
			}
			expect(message).toContain(detail);
			expect(message).toContain('88 characters ending in "=="');
			expect(message).not.toContain(value);
		}
	});

	it('accepts the Console value, with stray whitespace from copying', () => {
		expect(decodeSigningKey(` ${KEY_BASE64.slice(0, 40)}\n${KEY_BASE64.slice(40)} `).equals(KEY)).toBe(true);
	});
});
