/**
 * Enfonica's request signature, against the worked examples of the handlers reference (section
 * 5.1, test vectors): the node's verifier gives exactly those signatures and refuses the
 * documented mistakes (the emulator's signer: test/emulator/signing.test.ts). From the sources
 * (unit tier). The Signing Key's check: helpers/signingKey.unit.test.ts.
 */
import { createHash } from 'node:crypto';

import { decodeSigningKey } from '../../../../nodes/Enfonica/helpers/signingKey';
import { enfonicaSignature, isValidSignature } from '../../../../nodes/Enfonica/inbound/signature';

/** The made-up key 0x00 … 0x3f, as the Console would show it. */
const KEY_BASE64 = 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+Pw==';
const KEY = decodeSigningKey(KEY_BASE64);

const A = {
	url: 'https://hooks.example.com/enfonica/sms?tenant=42',
	event: 'INCOMING_MESSAGE',
	body: Buffer.from(
		'{"name":"projects/my-project/messages/abc123","to":"+61255501100","from":"+61412345678","body":"Hello ✓","direction":"INCOMING","status":"RECEIVED","createTime":"2024-05-01T03:04:05.123Z"}',
		'utf8',
	),
	signature: 'HRv3qywr7arnYqvWQcu+TW6cwhu3HED4osHHuEcUgTA=',
};
const B = {
	url: 'https://hooks.example.com/enfonica/voice',
	event: 'CALL',
	body: Buffer.from(
		'{"call":{"name":"projects/my-project/calls/c-789","to":"+61255501100","from":"+61412345678","transport":"PSTN","direction":"INCOMING","state":"STARTING","createMethod":"INCOMING_CALL","createTime":"2024-05-01T03:04:05Z"},"parameters":{}}',
		'utf8',
	),
	signature: 'dhtJD4cudbimDQseI4WbjD4hR3JxW1qnbm49w1ah7qQ=',
};
const C = {
	url: 'https://hooks.example.com/enfonica/voice',
	event: 'CALL_STATE_UPDATE',
	body: Buffer.from('{"name":"projects/my-project/calls/c-789","to":"+61255501100","from":"+61412345678","state":"COMPLETED","direction":"INCOMING","answerDuration":"42s"}', 'utf8'),
	signature: 'AiojwSff4Qb2GCB25ckP6XykhlL5psuGawFlf3UBjYE=',
};

describe('the worked examples (handlers reference 5.1)', () => {
	it('the key decodes to the 64 bytes 0x00 … 0x3f', () => {
		expect([...KEY]).toEqual(Array.from({ length: 64 }, (_, index) => index));
	});

	it('example A: the signed message is 254 bytes with the documented SHA-256', () => {
		expect(A.body.length).toBe(190);
		const message = Buffer.concat([Buffer.from(A.url + A.event, 'utf8'), A.body]);
		expect(message.length).toBe(254);
		expect(createHash('sha256').update(message).digest('hex')).toBe('7e5f8fe1650d67a83d1df0dda6ad1a6f519c64d81e9f4cdba3ac1e1f89d35c47');
	});

	it.each([
		['A (INCOMING_MESSAGE, query string)', A],
		['B (CALL)', B],
		['C (CALL_STATE_UPDATE)', C],
	])('example %s: the node computes the documented signature and accepts it', (_name, example) => {
		expect(enfonicaSignature(KEY, example.url, example.event, example.body)).toBe(example.signature);
		expect(isValidSignature(KEY, example.url, example.event, example.body, example.signature)).toBe(true);
	});

	it('each documented negative case fails verification, and is the documented wrong signature', () => {
		const undecoded = { signature: 'dUQmimVixc1yG82oh8q6lENPktleBNxo6cfJ3cpsCYk=', computed: enfonicaSignature(Buffer.from(KEY_BASE64, 'utf8'), A.url, A.event, A.body) };
		const queryDropped = { signature: 'ROWJdUdfYkh82q7blHOxleF1HFSaNRNXM9ccxPb3BpY=', computed: enfonicaSignature(KEY, 'https://hooks.example.com/enfonica/sms', A.event, A.body) };
		const reserialised = {
			signature: 'FGK2ogVzy/MtdeXHcOhVBtE763w2Kjd5U0QXk3sn4D4=',
			computed: enfonicaSignature(KEY, A.url, A.event, Buffer.from(JSON.stringify(JSON.parse(A.body.toString('utf8')), null, 1), 'utf8')),
		};
		for (const negative of [undecoded, queryDropped, reserialised]) {
			expect(negative.computed).toBe(negative.signature);
			expect(isValidSignature(KEY, A.url, A.event, A.body, negative.signature)).toBe(false);
		}
	});

	it('refuses a missing, empty, truncated or other event\'s signature', () => {
		expect(isValidSignature(KEY, A.url, A.event, A.body, undefined)).toBe(false);
		expect(isValidSignature(KEY, A.url, A.event, A.body, '')).toBe(false);
		expect(isValidSignature(KEY, A.url, A.event, A.body, A.signature.slice(0, -1))).toBe(false);
		expect(isValidSignature(KEY, A.url, A.event, A.body, [A.signature])).toBe(false);
		expect(isValidSignature(KEY, B.url, C.event, B.body, B.signature)).toBe(false);
	});
});
