/** The emulator signs handler requests as Enfonica does: the handlers reference's worked examples (5.1). */
import { signRequest } from '.';

const KEY = 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+Pw==';

it.each([
	[
		'A',
		'https://hooks.example.com/enfonica/sms?tenant=42',
		'INCOMING_MESSAGE',
		'{"name":"projects/my-project/messages/abc123","to":"+61255501100","from":"+61412345678","body":"Hello ✓","direction":"INCOMING","status":"RECEIVED","createTime":"2024-05-01T03:04:05.123Z"}',
		'HRv3qywr7arnYqvWQcu+TW6cwhu3HED4osHHuEcUgTA=',
	],
	[
		'B',
		'https://hooks.example.com/enfonica/voice',
		'CALL',
		'{"call":{"name":"projects/my-project/calls/c-789","to":"+61255501100","from":"+61412345678","transport":"PSTN","direction":"INCOMING","state":"STARTING","createMethod":"INCOMING_CALL","createTime":"2024-05-01T03:04:05Z"},"parameters":{}}',
		'dhtJD4cudbimDQseI4WbjD4hR3JxW1qnbm49w1ah7qQ=',
	],
	[
		'C',
		'https://hooks.example.com/enfonica/voice',
		'CALL_STATE_UPDATE',
		'{"name":"projects/my-project/calls/c-789","to":"+61255501100","from":"+61412345678","state":"COMPLETED","direction":"INCOMING","answerDuration":"42s"}',
		'AiojwSff4Qb2GCB25ckP6XykhlL5psuGawFlf3UBjYE=',
	],
])('example %s', (_name, url, event, body, signature) => {
	expect(signRequest(KEY, url, event, body)).toBe(signature);
	expect(signRequest(KEY, url, event, Buffer.from(body, 'utf8'))).toBe(signature);
});

it('refuses a key that is not 64 bytes (the Console value used undecoded is the documented mistake)', () => {
	expect(() => signRequest(Buffer.from(KEY).toString('base64'), 'https://x', 'CALL', '{}')).toThrow('a signing key is 64 bytes, this one 88');
});
