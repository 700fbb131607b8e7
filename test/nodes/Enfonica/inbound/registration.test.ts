/**
 * Enfonica Inbound Trigger, publishing and unpublishing: the node's webhookMethods run in n8n-core's
 * HookContext (test/harness/webhook.ts, as n8n's ActiveWorkflowManager runs them) against the
 * emulator; the request log shows every PATCH and its updateMask.
 */
import type { InboundBed } from '../../../support/inboundBed';
import { OTHER_CALL_URL, OTHER_MESSAGE_URL, PROJECT, inboundParameters, startInboundBed } from '../../../support/inboundBed';

let bed: InboundBed;
beforeAll(async () => {
	bed = await startInboundBed();
});
afterAll(async () => await bed.close());

const patches = () => bed.emu.requests.filter((request) => request.method === 'PATCH');
const changes = () => bed.emu.requests.filter((request) => request.method !== 'GET' && request.path !== '/token');

describe('publishing', () => {
	it('first (default): n8n\'s URL becomes the primary of each selected list, the others after it, one PATCH per list holding only that field', async () => {
		const number = bed.seedNumber('+61255502001');
		const trigger = bed.trigger(inboundParameters(number.name));
		bed.emu.clearLog();
		await trigger.activate();
		const { incomingMessageHandlerUris, incomingCallHandlerUris } = bed.instance(number.name);
		expect(incomingMessageHandlerUris).toEqual([trigger.urls.default, OTHER_MESSAGE_URL]);
		expect(incomingCallHandlerUris).toEqual([trigger.urls.setup, OTHER_CALL_URL]);
		expect(trigger.urls.default).toMatch(/\/webhook\/[^/]+\/message$/);
		expect(trigger.urls.setup).toMatch(/\/webhook\/[^/]+\/call$/);
		expect(patches().map((request) => [request.path, request.query.updateMask, Object.keys(request.body as object)])).toEqual([
			[`/v1beta1/${number.name}`, 'incomingMessageHandlerUris', ['incomingMessageHandlerUris']],
			[`/v1beta1/${number.name}`, 'incomingCallHandlerUris', ['incomingCallHandlerUris']],
		]);
	});

	it('last: a failover after the URLs already there, in their order', async () => {
		const number = bed.seedNumber('+61255502002', { message: ['https://a.example.com/1', 'https://b.example.com/2'], call: ['sip:pbx@sip.example.com'] });
		const trigger = bed.trigger(inboundParameters(number.name, { handlerPosition: 'last' }));
		await trigger.activate();
		expect(bed.instance(number.name).incomingMessageHandlerUris).toEqual(['https://a.example.com/1', 'https://b.example.com/2', trigger.urls.default]);
		expect(bed.instance(number.name).incomingCallHandlerUris).toEqual(['sip:pbx@sip.example.com', trigger.urls.setup]);
	});

	it('only the selected events: messages only leaves the call list untouched (no PATCH of it)', async () => {
		const number = bed.seedNumber('+61255502003');
		const trigger = bed.trigger(inboundParameters(number.name, { events: ['incomingMessage'] }));
		bed.emu.clearLog();
		await trigger.activate();
		expect(bed.instance(number.name).incomingCallHandlerUris).toEqual([OTHER_CALL_URL]);
		expect(patches().map((request) => request.query.updateMask)).toEqual(['incomingMessageHandlerUris']);
		await trigger.deactivate();
		expect(patches().map((request) => request.query.updateMask)).toEqual(['incomingMessageHandlerUris', 'incomingMessageHandlerUris']);
	});

	it('by phone number: the number is looked up in the project', async () => {
		const number = bed.seedNumber('+61255502004');
		const trigger = bed.trigger({ ...inboundParameters(''), phoneNumberInstance: { __rl: true, mode: 'phoneNumber', value: '02 5550 2004' }, options: { defaultCountry: 'AU' } });
		await trigger.activate();
		expect(bed.instance(number.name).incomingMessageHandlerUris?.[0]).toBe(trigger.urls.default);
		await trigger.deactivate();
		expect(bed.instance(number.name).incomingMessageHandlerUris).toEqual([OTHER_MESSAGE_URL]);
	});

	it('registering twice never duplicates: a second activation finds the URL in place and changes nothing', async () => {
		const number = bed.seedNumber('+61255502005');
		const trigger = bed.trigger(inboundParameters(number.name));
		await trigger.activate();
		bed.emu.clearLog();
		await trigger.activate();
		expect(changes()).toEqual([]);
		expect(bed.instance(number.name).incomingMessageHandlerUris).toEqual([trigger.urls.default, OTHER_MESSAGE_URL]);
		expect(bed.instance(number.name).incomingCallHandlerUris).toEqual([trigger.urls.setup, OTHER_CALL_URL]);
	});

	it('first, when someone put a URL before ours meanwhile: ours moves back to the front, once', async () => {
		const number = bed.seedNumber('+61255502006');
		const trigger = bed.trigger(inboundParameters(number.name, { events: ['incomingMessage'] }));
		await trigger.activate();
		// Another client puts a URL in front of ours.
		const list = ['https://someone.example.com/first', ...(bed.instance(number.name).incomingMessageHandlerUris ?? [])];
		await updateList(number.name, 'incomingMessageHandlerUris', list);
		await trigger.activate();
		expect(bed.instance(number.name).incomingMessageHandlerUris).toEqual([trigger.urls.default, 'https://someone.example.com/first', OTHER_MESSAGE_URL]);
	});

	it('5 URLs already in a list: activation fails with a clear message and changes nothing, even in the list that had room', async () => {
		const full = ['https://1.example.com/', 'https://2.example.com/', 'https://3.example.com/', 'https://4.example.com/', 'https://5.example.com/'];
		const number = bed.seedNumber('+61255502007', { message: [OTHER_MESSAGE_URL], call: full });
		const trigger = bed.trigger(inboundParameters(number.name));
		bed.emu.clearLog();
		await expect(trigger.activate()).rejects.toThrow("The number's Incoming Call Handler URIs already hold 5 URLs, the most Enfonica allows: nothing was changed");
		expect(changes()).toEqual([]);
		expect(bed.instance(number.name).incomingMessageHandlerUris).toEqual([OTHER_MESSAGE_URL]);
		expect(bed.instance(number.name).incomingCallHandlerUris).toEqual(full);
	});

	it('a missing Signing Key fails activation before anything is changed, saying where to find it', async () => {
		const number = bed.seedNumber('+61255502008');
		const trigger = bed.trigger(inboundParameters(number.name), bed.credential(''));
		bed.emu.clearLog();
		await expect(trigger.activate()).rejects.toThrow(
			"Signing Key is missing from the Enfonica API credential: copy it from the Enfonica Console, Project → Settings, into the credential's Signing Key field",
		);
		// Only n8n's cleanup after a failed activation reads the number (each webhook's delete finds nothing of ours).
		expect(changes()).toEqual([]);
		expect(bed.instance(number.name).incomingMessageHandlerUris).toEqual([OTHER_MESSAGE_URL]);
	});

	it('a Signing Key that is not the Console\'s base64 value fails activation, without quoting it', async () => {
		const number = bed.seedNumber('+61255502009');
		const notDecodable = 'my-signing-key-typed-by-hand';
		const trigger = bed.trigger(inboundParameters(number.name), bed.credential(notDecodable));
		const error = await trigger.activate().then(() => undefined, (caught: Error) => caught);
		expect(error?.message).toMatch(/^Signing Key in the Enfonica API credential is not the base64 value Enfonica shows/);
		expect(JSON.stringify(error)).not.toContain(notDecodable);
	});

	it('no event selected fails activation', async () => {
		const number = bed.seedNumber('+61255502010');
		await expect(bed.trigger(inboundParameters(number.name, { events: [] })).activate()).rejects.toThrow('Trigger On is empty: choose Incoming Message, Incoming Call or both');
	});
});

describe('unpublishing', () => {
	it('removes only our URL, from the list as it is then: URLs others added meanwhile stay, in their order', async () => {
		const number = bed.seedNumber('+61255502020');
		const trigger = bed.trigger(inboundParameters(number.name));
		await trigger.activate();
		const message = bed.instance(number.name).incomingMessageHandlerUris ?? [];
		await updateList(number.name, 'incomingMessageHandlerUris', ['https://added.example.com/meanwhile', ...message]);
		bed.emu.clearLog();
		await trigger.deactivate();
		expect(bed.instance(number.name).incomingMessageHandlerUris).toEqual(['https://added.example.com/meanwhile', OTHER_MESSAGE_URL]);
		expect(bed.instance(number.name).incomingCallHandlerUris).toEqual([OTHER_CALL_URL]);
		expect(patches().map((request) => request.query.updateMask)).toEqual(['incomingMessageHandlerUris', 'incomingCallHandlerUris']);
		expect(trigger.savedStaticData).toEqual({ 'node:Inbound': {} });
	});

	it('our URL already taken out by someone else: nothing to change', async () => {
		const number = bed.seedNumber('+61255502021');
		const trigger = bed.trigger(inboundParameters(number.name, { events: ['incomingMessage'] }));
		await trigger.activate();
		await updateList(number.name, 'incomingMessageHandlerUris', [OTHER_MESSAGE_URL]);
		bed.emu.clearLog();
		await trigger.deactivate();
		expect(changes()).toEqual([]);
	});

	it('a number deleted meanwhile: deactivation succeeds', async () => {
		const number = bed.seedNumber('+61255502022');
		const trigger = bed.trigger(inboundParameters(number.name));
		await trigger.activate();
		await deleteInstance(number.name);
		await expect(trigger.deactivate()).resolves.toBeUndefined();
	});

	it('a number gone from the project (moved or purged) meanwhile: deactivation succeeds', async () => {
		const number = bed.seedNumber('+61255502023');
		const trigger = bed.trigger(inboundParameters(number.name));
		await trigger.activate();
		bed.emu.purge(number.name);
		await expect(trigger.deactivate()).resolves.toBeUndefined();
	});
});

/** Another client of the API (not the trigger): a direct PATCH / DELETE with the emulator's bearer token. */
async function apiCall(method: string, path: string, body?: object): Promise<void> {
	bed.emu.addBearerToken('other-client', { projects: [PROJECT] });
	const response = await fetch(`${bed.emu.baseUrl}/v1beta1/${path}`, {
		method,
		headers: { Authorization: 'Bearer other-client', 'Content-Type': 'application/json' },
		body: body ? JSON.stringify(body) : undefined,
	});
	if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
}

async function updateList(name: string, field: string, list: string[]): Promise<void> {
	await apiCall('PATCH', `${name}?updateMask=${field}`, { [field]: list });
}

async function deleteInstance(name: string): Promise<void> {
	await apiCall('DELETE', name);
}
