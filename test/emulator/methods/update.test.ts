/** Raw-HTTP tests of update (PATCH) and its updateMask. */
import { startEmulator, type Emulator, type PhoneNumberInstanceJson } from '..';
import { apiClient, resourcePath, type ApiClient } from '../testSupport';

let emu: Emulator;
let api: ApiClient;
let numberCounter = 0;

beforeAll(async () => {
	emu = await startEmulator();
	emu.addBearerToken('update-token');
	api = apiClient(emu.baseUrl, 'update-token');
});

afterAll(() => emu.close());

/** A fresh, fully configured instance per test. */
function configured(): PhoneNumberInstanceJson {
	numberCounter++;
	const [instance] = emu.seed('p-update', [
		{
			phoneNumber: `+6125556${String(numberCounter).padStart(4, '0')}`,
			displayName: 'Old name',
			labels: { team: 'ops' },
			incomingMessageHandlerUris: ['https://example.com/sms'],
			incomingCallHandlerUris: ['https://example.com/voice'],
			callRecordingTrigger: 'ANSWER',
		},
	]);
	return instance;
}

const patch = (instance: PhoneNumberInstanceJson, mask: string | undefined, body: unknown) =>
	api('PATCH', `${resourcePath(instance.name)}${mask === undefined ? '' : `?updateMask=${encodeURIComponent(mask)}`}`, body);

describe('updateMask', () => {
	it('changes only the masked fields', async () => {
		const instance = configured();
		const result = await patch(instance, 'displayName', { displayName: 'New name', labels: { team: 'sales' } });
		expect(result.status).toBe(200);
		expect(result.json).toEqual({ ...instance, displayName: 'New name' });
		expect(emu.getInstance(instance.name)).toEqual(result.json);
	});

	it('without a mask changes every updatable field present in the body', async () => {
		const instance = configured();
		const result = await patch(instance, undefined, { labels: { team: 'sales' }, callRecordingTrigger: 'BRIDGE' });
		expect(result.json).toEqual({ ...instance, labels: { team: 'sales' }, callRecordingTrigger: 'BRIDGE' });
	});

	it('clears a masked field that is absent from the body', async () => {
		const instance = configured();
		const result = await patch(instance, 'labels,incomingMessageHandlerUris,callRecordingTrigger,displayName', {});
		expect(result.status).toBe(200);
		for (const cleared of ['labels', 'incomingMessageHandlerUris', 'displayName']) expect(result.json).not.toHaveProperty(cleared);
		expect(result.json.callRecordingTrigger).toBe('DISABLED');
		expect(result.json.incomingCallHandlerUris).toEqual(['https://example.com/voice']);
	});

	it('clears with explicit empty values too', async () => {
		const instance = configured();
		const result = await patch(instance, undefined, { displayName: '', incomingCallHandlerUris: [], labels: {} });
		for (const cleared of ['labels', 'incomingCallHandlerUris', 'displayName']) expect(result.json).not.toHaveProperty(cleared);
	});

	it('accepts snake_case paths, spaces after commas and *', async () => {
		const instance = configured();
		const snake = await patch(instance, 'display_name, call_recording_trigger', { displayName: 'Snake' });
		expect(snake.json).toMatchObject({ displayName: 'Snake', callRecordingTrigger: 'DISABLED', labels: { team: 'ops' } });
		const star = await patch(instance, '*', { displayName: 'Star' });
		expect(star.json.displayName).toBe('Star');
		expect(star.json).not.toHaveProperty('labels');
		expect(star.json).not.toHaveProperty('incomingCallHandlerUris');
	});

	it.each([
		['colour', 'colour'],
		['createTime', 'output only'],
		['lifecycleState', 'output only'],
		['compliant', 'output only'],
		['range.size', 'output only'],
		['activateTime', 'output only'],
		['phoneNumber', 'phoneNumber'],
		['phoneNumber.phoneNumber', 'phoneNumber'],
		['name', 'name'],
		['labels.team', 'labels.team'],
		['displayName,', 'empty'],
	])('rejects the path %s', async (mask, messagePart) => {
		const instance = configured();
		const result = await patch(instance, mask, { displayName: 'Never', lifecycleState: 'SUSPENDED' });
		expect(result.status).toBe(400);
		expect(result.json.error.status).toBe('INVALID_ARGUMENT');
		expect(result.json.error.message).toContain(messagePart);
		expect(result.json.error.message).toContain(mask.replace(',', ''));
		expect(emu.getInstance(instance.name)).toEqual(instance);
	});
});

describe('body', () => {
	it('validates the fields it applies, with or without a mask', async () => {
		const instance = configured();
		const long = 'x'.repeat(101);
		const masked = await patch(instance, 'displayName', { displayName: long });
		expect(masked.status).toBe(400);
		expect(masked.json.error.message).toContain('displayName');
		expect((await patch(instance, undefined, { incomingCallHandlerUris: ['mailto:a@example.com'] })).json.error.message).toContain('incomingCallHandlerUris[0]');
		expect((await patch(instance, undefined, { labels: { '': 'x' } })).status).toBe(400);
		// A field outside the mask is ignored, limits included (AIP-134).
		expect((await patch(instance, 'labels', { displayName: long, labels: { a: 'b' } })).status).toBe(200);
		expect(emu.getInstance(instance.name)?.displayName).toBe('Old name');
	});

	it('round-trips a fetched resource: output-only fields and phoneNumber in the body are ignored', async () => {
		const instance = configured();
		const result = await patch(instance, undefined, {
			...instance,
			displayName: 'Round trip',
			lifecycleState: 'SUSPENDED',
			compliant: false,
			phoneNumber: { phoneNumber: '+61255599999' },
		});
		expect(result.status).toBe(200);
		expect(result.json).toEqual({ ...instance, displayName: 'Round trip' });
	});

	it('requires a body name to match the URL', async () => {
		const instance = configured();
		const other = configured();
		const result = await patch(instance, 'displayName', { name: other.name, displayName: 'x' });
		expect(result.status).toBe(400);
		expect(result.json.error.message).toContain('name');
		expect((await patch(instance, 'displayName', { name: instance.name, displayName: 'x' })).status).toBe(200);
	});

	it('rejects unknown fields and unknown query parameters', async () => {
		const instance = configured();
		expect((await patch(instance, undefined, { nickname: 'x' })).json.error.message).toContain('Unknown name "nickname"');
		expect((await api('PATCH', `${resourcePath(instance.name)}?update_mask=displayName&force=true`, { displayName: 'x' })).status).toBe(400);
		expect(emu.getInstance(instance.name)).toEqual(instance);
	});

	it('answers FAILED_PRECONDITION for a deleted instance and 404 for a missing one', async () => {
		const instance = configured();
		await api('DELETE', resourcePath(instance.name));
		const result = await patch(instance, 'displayName', { displayName: 'Ghost' });
		expect(result.status).toBe(400);
		expect(result.json.error.status).toBe('FAILED_PRECONDITION');
		const missing = await api('PATCH', `${resourcePath('projects/p-update/phoneNumberInstances/missing')}?updateMask=displayName`, { displayName: 'x' });
		expect(missing.status).toBe(404);
	});
});

/** Test support: the Enfonica Console's edits, which the trigger's Configuration Changed must see. */
describe('configureInstance (a Console edit)', () => {
	it('changes only the fields given, as the API then lists them, without a logged request', async () => {
		const instance = configured();
		emu.clearLog();
		const edited = emu.configureInstance(instance.name, { displayName: 'From the Console', incomingCallHandlerUris: ['sip:desk@pbx.example.com'] });
		expect(emu.requests).toHaveLength(0);
		expect(edited).toMatchObject({ displayName: 'From the Console', incomingCallHandlerUris: ['sip:desk@pbx.example.com'], labels: { team: 'ops' }, callRecordingTrigger: 'ANSWER' });
		const listed = await api('GET', `${resourcePath(instance.name)}`);
		expect(listed.json).toEqual(edited);
	});

	it('refuses what an update would refuse, and a deleted instance', () => {
		const instance = configured();
		expect(() => emu.configureInstance(instance.name, { incomingMessageHandlerUris: ['ftp://example.com'] })).toThrow(/incomingMessageHandlerUris/);
		expect(emu.getInstance(instance.name)?.incomingMessageHandlerUris).toEqual(['https://example.com/sms']);
		emu.setLifecycleState(instance.name, 'DELETED');
		expect(() => emu.configureInstance(instance.name, { displayName: 'x' })).toThrow(/deleted/);
	});
});
