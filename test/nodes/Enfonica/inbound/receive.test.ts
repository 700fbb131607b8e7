/**
 * Enfonica Inbound Trigger, requests: the emulator delivers what Enfonica sends (signed POSTs to
 * the number's handler URIs, the next one on failure) to the trigger published on the harness's
 * webhook host, which runs the node's webhook() in n8n-core's WebhookContext and the execution in
 * WorkflowExecute. Verification comes before anything else; outputs keep Enfonica's payload.
 */
import { createHmac } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

import { signRequest } from '../../../emulator';
import type { HostedWebhookTrigger } from '../../../harness';
import type { InboundBed } from '../../../support/inboundBed';
import { PROJECT, inboundParameters, startInboundBed } from '../../../support/inboundBed';

/** Nothing listens there: a handler that fails (connection refused). */
const DEAD = 'http://127.0.0.1:9/enfonica';
const DEFAULT_VOICEML = '<?xml version="1.0" encoding="UTF-8"?>\n<Response>\n  <Say>Thank you for calling. We have received your call. Goodbye.</Say>\n</Response>';

let bed: InboundBed;
let number: { name: string };
let trigger: HostedWebhookTrigger;
let key: string;

beforeAll(async () => {
	bed = await startInboundBed();
	key = bed.emu.signingKeyOf(PROJECT);
	number = bed.seedNumber('+61255503001', { message: [DEAD], call: [DEAD] });
	trigger = bed.trigger(inboundParameters(number.name));
	await trigger.activate();
});
afterAll(async () => await bed.close());

/** A POST to one of the trigger's URLs, as a sender of our choosing would make it. */
async function post(url: string, body: string, headers: Record<string, string>) {
	const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers }, body });
	return { status: response.status, body: await response.text() };
}

const message = (text = 'Hi') => JSON.stringify({ name: `projects/${PROJECT}/messages/m-${text}`, to: '+61255503001', from: '+61412345678', body: text, direction: 'INCOMING', status: 'RECEIVED' });

describe('a signed incoming message', () => {
	it('starts one execution with { event, ...the message as Enfonica sent it, receivedAt }, answered 200 at once with an empty body', async () => {
		const before = trigger.executions.length;
		const started = Date.now();
		const delivery = await bed.emu.deliverMessage(number.name, { body: 'Hello ✓', labels: { campaign: 'x' } });
		expect(delivery.attempts.map((attempt) => [attempt.url, attempt.status, attempt.body])).toEqual([[trigger.urls.default, 200, '']]);
		expect(trigger.executions).toHaveLength(before + 1);
		const [item] = trigger.executions.at(-1)!.items;
		const payload = JSON.parse(delivery.payload) as IDataObject;
		expect(Object.keys(item)).toEqual(['event', ...Object.keys(payload), 'receivedAt']);
		expect(item).toEqual({ event: 'incomingMessage', ...payload, receivedAt: expect.any(String) });
		expect(Date.parse(item.receivedAt as string)).toBeGreaterThanOrEqual(started - 5);
		expect(trigger.executions.at(-1)!.run.status).toBe('success');
	});

	it('Enfonica fails over: a primary that fails, then ours (Last position) gets it', async () => {
		const failover = bed.seedNumber('+61255503002', { message: [DEAD], call: [] });
		const last = bed.trigger(inboundParameters(failover.name, { events: ['incomingMessage'], handlerPosition: 'last' }));
		await last.activate();
		const delivery = await bed.emu.deliverMessage(failover.name);
		expect(delivery.attempts.map((attempt) => [attempt.url, attempt.status])).toEqual([
			[DEAD, 0],
			[last.urls.default, 200],
		]);
		expect(last.executions).toHaveLength(1);
		await last.deactivate();
	});
});

describe('verification: 401 and no execution', () => {
	const refused = async (signature: string | undefined, body = message(), event = 'INCOMING_MESSAGE', url = trigger.urls.default) => {
		const before = trigger.executions.length;
		const answer = await post(url, body, { 'X-Enfonica-Event': event, ...(signature === undefined ? {} : { 'X-Enfonica-Signature': signature }) });
		expect(trigger.executions).toHaveLength(before);
		return answer;
	};

	it('control: the same request signed correctly runs', async () => {
		const before = trigger.executions.length;
		const answer = await post(trigger.urls.default, message(), { 'X-Enfonica-Event': 'INCOMING_MESSAGE', 'X-Enfonica-Signature': signRequest(key, trigger.urls.default, 'INCOMING_MESSAGE', message()) });
		expect(answer).toEqual({ status: 200, body: '' });
		expect(trigger.executions).toHaveLength(before + 1);
	});

	it('unsigned', async () => {
		expect(await refused(undefined)).toEqual({ status: 401, body: '' });
	});

	it('badly signed (the emulator sends a wrong signature; it then tries the next URI)', async () => {
		const before = trigger.executions.length;
		const delivery = await bed.emu.deliverMessage(number.name, {}, { signature: 'HRv3qywr7arnYqvWQcu+TW6cwhu3HED4osHHuEcUgTA=' });
		expect(delivery.attempts.map((attempt) => [attempt.url, attempt.status])).toEqual([
			[trigger.urls.default, 401],
			[DEAD, 0],
		]);
		expect(trigger.executions).toHaveLength(before);
	});

	it('the sender\'s mistake: the key used undecoded (the 88 characters)', async () => {
		const undecoded = createHmac('sha256', Buffer.from(key, 'utf8')).update(`${trigger.urls.default}INCOMING_MESSAGE${message()}`).digest('base64');
		expect((await refused(undecoded)).status).toBe(401);
	});

	it('the sender\'s mistake: signed over another URL (query string or path not as registered)', async () => {
		expect((await refused(signRequest(key, `${trigger.urls.default}?tenant=42`, 'INCOMING_MESSAGE', message()))).status).toBe(401);
		expect((await refused(signRequest(key, trigger.urls.default.replace(/\/message$/, ''), 'INCOMING_MESSAGE', message()))).status).toBe(401);
	});

	it('the body re-serialised after signing (or tampered with)', async () => {
		const signature = signRequest(key, trigger.urls.default, 'INCOMING_MESSAGE', message());
		expect((await refused(signature, JSON.stringify(JSON.parse(message()), null, 1))).status).toBe(401);
		expect((await refused(signature, message('Hi!'))).status).toBe(401);
	});

	it('another event\'s header with the same signature', async () => {
		expect((await refused(signRequest(key, trigger.urls.default, 'INCOMING_MESSAGE', message()), message(), 'CALL')).status).toBe(401);
	});

	it('another project\'s key (the number was moved: its requests are signed with the new project\'s key)', async () => {
		bed.emu.setSigningKey('elsewhere', Buffer.alloc(64, 9).toString('base64'));
		expect((await refused(signRequest(bed.emu.signingKeyOf('elsewhere'), trigger.urls.default, 'INCOMING_MESSAGE', message()))).status).toBe(401);
	});

	it('signed correctly but for another event than this URL receives: 400, no execution', async () => {
		const answer = await refused(signRequest(key, trigger.urls.default, 'CALL_STATE_UPDATE', message()), message(), 'CALL_STATE_UPDATE');
		expect(answer.status).toBe(400);
	});
});

describe('a signed incoming call', () => {
	it('VoiceML (default): answered at once with the default VoiceML as text/xml, and one execution with { event, call, parameters, receivedAt }', async () => {
		const before = trigger.executions.length;
		const delivery = await bed.emu.deliverCall(number.name, { from: '+61400000001' });
		expect(delivery.answer).toEqual({ url: trigger.urls.setup, status: 200, contentType: 'text/xml; charset=utf-8', body: DEFAULT_VOICEML });
		expect(delivery.attempts).toHaveLength(1);
		expect(trigger.executions).toHaveLength(before + 1);
		const payload = JSON.parse(delivery.payload) as IDataObject;
		expect(trigger.executions.at(-1)!.items).toEqual([{ event: 'incomingCall', call: payload.call, parameters: {}, receivedAt: expect.any(String) }]);
	});

	it('VoiceML typed by the user is what Enfonica gets', async () => {
		const custom = bed.seedNumber('+61255503003', { message: [], call: [] });
		const voiceml = '<?xml version="1.0" encoding="UTF-8"?><Response><Say Voice="Google-en-AU-Wavenet-B">Press 1 for sales.</Say></Response>';
		const hosted = bed.trigger(inboundParameters(custom.name, { events: ['incomingCall'], voiceml }));
		await hosted.activate();
		const delivery = await bed.emu.deliverCall(custom.name);
		expect(delivery.answer?.body).toBe(voiceml);
		await hosted.deactivate();
	});

	it('Respond to Webhook Node: the node leaves the answer to that node (n8n waits for it) and starts the execution', async () => {
		const answered = bed.seedNumber('+61255503004', { message: [], call: [] });
		const hosted = bed.trigger(inboundParameters(answered.name, { events: ['incomingCall'], callResponse: 'respondToWebhook' }));
		await hosted.activate();
		await bed.emu.deliverCall(answered.name);
		expect(hosted.requests.map((request) => [request.webhook, request.leftToResponseNode])).toEqual([['setup', true]]);
		expect(hosted.executions).toHaveLength(1);
		expect(hosted.executions[0].items[0].event).toBe('incomingCall');
		await hosted.deactivate();
	});

	it('a badly signed call: 401, no execution, no VoiceML', async () => {
		const before = trigger.executions.length;
		const answer = await post(trigger.urls.setup, '{"call":{},"parameters":{}}', { 'X-Enfonica-Event': 'CALL', 'X-Enfonica-Signature': 'dhtJD4cudbimDQseI4WbjD4hR3JxW1qnbm49w1ah7qQ=' });
		expect(answer).toEqual({ status: 401, body: '' });
		expect(trigger.executions).toHaveLength(before);
	});

	it('calls not selected: the call URL answers 404 and runs nothing', async () => {
		const messagesOnly = bed.seedNumber('+61255503005', { message: [], call: [] });
		const hosted = bed.trigger(inboundParameters(messagesOnly.name, { events: ['incomingMessage'] }));
		await hosted.activate();
		const body = '{"call":{},"parameters":{}}';
		const answer = await post(hosted.urls.setup, body, { 'X-Enfonica-Event': 'CALL', 'X-Enfonica-Signature': signRequest(key, hosted.urls.setup, 'CALL', body) });
		expect(answer.status).toBe(404);
		expect(hosted.executions).toHaveLength(0);
		await hosted.deactivate();
	});
});

describe('secrets', () => {
	it('a Signing Key removed from the credential after publishing: 401, a log line that names the problem, never the key', async () => {
		const removable = bed.credential();
		const keyless = bed.seedNumber('+61255503006', { message: [], call: [] });
		const hosted = bed.trigger(inboundParameters(keyless.name, { events: ['incomingMessage'] }), removable);
		await hosted.activate();
		bed.h.credentials.update(removable, { ...bed.h.credentials.get(removable).data, signingKey: '' });
		const delivery = await bed.emu.deliverMessage(keyless.name);
		expect(delivery.attempts.map((attempt) => attempt.status)).toEqual([401]);
		expect(hosted.executions).toHaveLength(0);
		expect(bed.h.logs.some((entry) => /refused a request: Signing Key is missing/.test(entry.message))).toBe(true);
		await hosted.deactivate();
	});

	it('the key appears in no answer, log line or output of this file\'s requests', () => {
		const everything = JSON.stringify({ answers: bed.emu.deliveries, logs: bed.h.logs, outputs: trigger.executions.map((execution) => execution.run) });
		expect(everything).not.toContain(key);
		expect(everything).not.toContain(Buffer.from(key, 'base64').toString('hex'));
	});

	it('after unpublishing, the URLs answer 404 and run nothing; only our URLs left the number', async () => {
		await trigger.deactivate();
		const before = trigger.executions.length;
		const answer = await post(trigger.urls.default, message(), { 'X-Enfonica-Event': 'INCOMING_MESSAGE', 'X-Enfonica-Signature': signRequest(key, trigger.urls.default, 'INCOMING_MESSAGE', message()) });
		expect(answer.status).toBe(404);
		expect(trigger.executions).toHaveLength(before);
		expect(bed.instance(number.name).incomingMessageHandlerUris).toEqual([DEAD]);
		expect(bed.instance(number.name).incomingCallHandlerUris).toEqual([DEAD]);
	});
});
