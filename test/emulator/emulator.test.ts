/** Raw-HTTP tests of the emulator's create/get/delete/split/move methods, rendering and routing. */
import { startEmulator, type Emulator } from '.';
import { apiClient, collectionPath, resourcePath, type ApiClient } from './testSupport';

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

let emu: Emulator;
let api: ApiClient;

beforeAll(async () => {
	emu = await startEmulator();
	emu.addBearerToken('api-token', { label: 'api-tests' });
	api = apiClient(emu.baseUrl, 'api-token');
});

afterAll(() => emu.close());

function expectGoogleError(result: { status: number; json: any }, code: number, status: string, messagePart?: string): void {
	expect(result.status).toBe(code);
	expect(result.json.error.code).toBe(code);
	expect(result.json.error.status).toBe(status);
	if (messagePart !== undefined) expect(result.json.error.message).toContain(messagePart);
}

describe('create', () => {
	it('provisions an ACTIVE single number and omits fields at their default', async () => {
		const result = await api('POST', collectionPath('p-create'), { phoneNumber: { phoneNumber: '+61255502001' } });
		expect(result.status).toBe(200);
		expect(result.headers.get('content-type')).toMatch(/^application\/json/);
		const body = result.json;
		expect(body.name).toMatch(/^projects\/p-create\/phoneNumberInstances\/[a-z0-9]{20}$/);
		expect(body.phoneNumber).toEqual({
			name: 'phoneNumbers/+61255502001',
			phoneNumber: '+61255502001',
			capabilities: ['SMS', 'VOICE'],
			numberType: 'LOCAL',
			countryCode: 'AU',
		});
		expect(body.lifecycleState).toBe('ACTIVE');
		expect(body.compliant).toBe(true);
		expect(body.callRecordingTrigger).toBe('DISABLED');
		expect(body.createTime).toMatch(TIMESTAMP);
		expect(body.activateTime).toBe(body.createTime);
		for (const absent of ['displayName', 'labels', 'incomingMessageHandlerUris', 'incomingCallHandlerUris', 'deleteTime', 'range', 'regulatoryListing']) {
			expect(body).not.toHaveProperty(absent);
		}
		expect(emu.getInstance(body.name)).toEqual(body);
	});

	it('derives number type and capabilities from the number', async () => {
		const mobile = await api('POST', collectionPath('p-create'), { phoneNumber: { phoneNumber: '+61491570157' } });
		expect(mobile.json.phoneNumber).toMatchObject({ numberType: 'MOBILE', capabilities: ['SMS', 'MMS', 'VOICE'], countryCode: 'AU' });
		const freecall = await api('POST', collectionPath('p-create'), { phoneNumber: { phoneNumber: '+611800160402' } });
		expect(freecall.json.phoneNumber).toMatchObject({ numberType: 'TOLL_FREE', capabilities: ['VOICE'] });
	});

	it('ignores output-only fields in the body but applies the configuration', async () => {
		const result = await api('POST', collectionPath('p-create'), {
			name: 'projects/elsewhere/phoneNumberInstances/chosen',
			phoneNumber: { phoneNumber: '+61255502002', countryCode: 'NZ' },
			displayName: 'Front desk',
			labels: { team: 'ops' },
			incomingMessageHandlerUris: ['https://example.com/sms'],
			incomingCallHandlerUris: ['sip:desk@sip.example.com:5061', 'tel:+61255501000'],
			callRecordingTrigger: 'BRIDGE',
			lifecycleState: 'SUSPENDED',
			compliant: false,
			createTime: '2020-01-01T00:00:00Z',
			range: { size: 5 },
		});
		expect(result.status).toBe(200);
		const body = result.json;
		expect(body.name).toMatch(/^projects\/p-create\/phoneNumberInstances\/[a-z0-9]{20}$/);
		expect(body).toMatchObject({
			displayName: 'Front desk',
			labels: { team: 'ops' },
			incomingMessageHandlerUris: ['https://example.com/sms'],
			incomingCallHandlerUris: ['sip:desk@sip.example.com:5061', 'tel:+61255501000'],
			callRecordingTrigger: 'BRIDGE',
			lifecycleState: 'ACTIVE',
			compliant: true,
		});
		expect(body.phoneNumber.countryCode).toBe('AU');
		expect(body.createTime).not.toBe('2020-01-01T00:00:00.000Z');
		expect(body).not.toHaveProperty('range');
	});

	it('accepts snake_case field names like Google parsers do', async () => {
		const result = await api('POST', collectionPath('p-create'), { phone_number: { phone_number: '+61255502003' }, display_name: 'Snake' });
		expect(result.status).toBe(200);
		expect(result.json.displayName).toBe('Snake');
	});

	it('gives every create a later createTime', async () => {
		const a = await api('POST', collectionPath('p-create'), { phoneNumber: { phoneNumber: '+61255502004' } });
		const b = await api('POST', collectionPath('p-create'), { phoneNumber: { phoneNumber: '+61255502005' } });
		expect(Date.parse(b.json.createTime)).toBeGreaterThan(Date.parse(a.json.createTime));
	});

	const number = { phoneNumber: '+61255502900' };
	const uri = (i: number) => `https://example.com/hook/${i}`;
	it.each<[string, Record<string, unknown>, string]>([
		['missing number', {}, 'phoneNumber.phoneNumber'],
		['national number', { phoneNumber: { phoneNumber: '0255502900' } }, 'phoneNumber.phoneNumber'],
		['impossible number', { phoneNumber: { phoneNumber: '+61212' } }, 'phoneNumber.phoneNumber'],
		['displayName of 101', { phoneNumber: number, displayName: 'x'.repeat(101) }, 'displayName'],
		['51 labels', { phoneNumber: number, labels: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v'])) }, 'labels'],
		['label key of 101', { phoneNumber: number, labels: { ['k'.repeat(101)]: 'v' } }, 'labels'],
		['label value of 1001', { phoneNumber: number, labels: { k: 'v'.repeat(1001) } }, 'labels'],
		['label value not a string', { phoneNumber: number, labels: { k: 1 } }, 'labels'],
		['6 message URIs', { phoneNumber: number, incomingMessageHandlerUris: [1, 2, 3, 4, 5, 6].map(uri) }, 'incomingMessageHandlerUris'],
		['sip message URI', { phoneNumber: number, incomingMessageHandlerUris: ['sip:a@example.com'] }, 'incomingMessageHandlerUris[0]'],
		['relative message URI', { phoneNumber: number, incomingMessageHandlerUris: [uri(1), '/hook'] }, 'incomingMessageHandlerUris[1]'],
		['6 call URIs', { phoneNumber: number, incomingCallHandlerUris: [1, 2, 3, 4, 5, 6].map(uri) }, 'incomingCallHandlerUris'],
		['ftp call URI', { phoneNumber: number, incomingCallHandlerUris: ['ftp://example.com/x'] }, 'incomingCallHandlerUris[0]'],
		['sip URI without user', { phoneNumber: number, incomingCallHandlerUris: ['sip:example.com'] }, 'incomingCallHandlerUris[0]'],
		['sip URI with bad port', { phoneNumber: number, incomingCallHandlerUris: ['sip:a@example.com:70000'] }, 'incomingCallHandlerUris[0]'],
		['national tel URI', { phoneNumber: number, incomingCallHandlerUris: ['tel:0255501000'] }, 'incomingCallHandlerUris[0]'],
		['tel URI that is not a phone number', { phoneNumber: number, incomingCallHandlerUris: ['tel:+6125'] }, 'incomingCallHandlerUris[0]'],
		['tel URI with an extension', { phoneNumber: number, incomingCallHandlerUris: ['tel:+61255501000;ext=5'] }, 'incomingCallHandlerUris[0]'],
		['URL with credentials', { phoneNumber: number, incomingMessageHandlerUris: ['https://user:secret@example.com/sms'] }, 'incomingMessageHandlerUris[0]'],
		['URL with an empty user', { phoneNumber: number, incomingCallHandlerUris: ['https://@example.com/voice'] }, 'incomingCallHandlerUris[0]'],
		['URL with white space', { phoneNumber: number, incomingMessageHandlerUris: ['https://example.com/a b'] }, 'incomingMessageHandlerUris[0]'],
		['URL with an empty host', { phoneNumber: number, incomingMessageHandlerUris: ['https:///sms'] }, 'incomingMessageHandlerUris[0]'],
		['URL with port 0', { phoneNumber: number, incomingMessageHandlerUris: ['https://example.com:0/sms'] }, 'incomingMessageHandlerUris[0]'],
		['number with an extension', { phoneNumber: { phoneNumber: '+61255502900;ext=5' } }, 'phoneNumber.phoneNumber'],
		['unknown recording trigger', { phoneNumber: number, callRecordingTrigger: 'ALWAYS' }, 'callRecordingTrigger'],
		['mistyped displayName', { phoneNumber: number, displayName: 5 }, 'displayName'],
		['URIs not a list', { phoneNumber: number, incomingCallHandlerUris: 'https://example.com' }, 'incomingCallHandlerUris'],
		['unknown field', { phoneNumber: number, colour: 'red' }, 'Unknown name "colour"'],
		['unknown nested field', { phoneNumber: { ...number, carrier: 'x' } }, 'Unknown name "carrier"'],
	])('rejects %s with 400 naming the field', async (_, body, field) => {
		const before = emu.listStored('p-create', { includeDeleted: true }).length;
		const result = await api('POST', collectionPath('p-create'), body);
		expectGoogleError(result, 400, 'INVALID_ARGUMENT', field);
		expect(emu.listStored('p-create', { includeDeleted: true })).toHaveLength(before);
	});

	it('accepts every field at its limit', async () => {
		const labels = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`${i}`.padEnd(100, 'k'), 'v'.repeat(1000)]));
		const callUris = ['https://example.com/a', 'http://example.com/b', 'sip:user@sip.example.com', 'sip:user@sip.example.com:5060', 'tel:+61255501000'];
		const result = await api('POST', collectionPath('p-create'), {
			phoneNumber: { phoneNumber: '+61255502900' },
			displayName: 'é'.repeat(100),
			labels,
			incomingMessageHandlerUris: [1, 2, 3, 4, 5].map(uri),
			incomingCallHandlerUris: callUris,
			callRecordingTrigger: 'ANSWER',
		});
		expect(result.status).toBe(200);
		expect(Object.keys(result.json.labels)).toHaveLength(50);
		expect(result.json.incomingCallHandlerUris).toEqual(callUris);
		expect(result.json.displayName).toBe('é'.repeat(100));
	});

	it('rejects a body that is not JSON or not an object', async () => {
		const broken = await api('POST', collectionPath('p-create'), undefined, { rawBody: '{"phoneNumber": ', headers: { 'Content-Type': 'application/json' } });
		expectGoogleError(broken, 400, 'INVALID_ARGUMENT', 'Invalid JSON payload received');
		const list = await api('POST', collectionPath('p-create'), [{ phoneNumber: { phoneNumber: '+61255502006' } }]);
		expectGoogleError(list, 400, 'INVALID_ARGUMENT');
	});

	it('rejects unknown query parameters', async () => {
		const result = await api('POST', `${collectionPath('p-create')}?requestId=abc`, { phoneNumber: { phoneNumber: '+61255502007' } });
		expectGoogleError(result, 400, 'INVALID_ARGUMENT', 'Unknown name "requestId"');
		expect(emu.listStored('p-create').some((i) => i.phoneNumber.phoneNumber === '+61255502007')).toBe(false);
	});

	it('answers 409 ALREADY_EXISTS for a number held anywhere, until it is deleted', async () => {
		const first = await api('POST', collectionPath('p-dup'), { phoneNumber: { phoneNumber: '+61255502010' } });
		expect(first.status).toBe(200);
		expectGoogleError(await api('POST', collectionPath('p-dup'), { phoneNumber: { phoneNumber: '+61255502010' } }), 409, 'ALREADY_EXISTS', '+61255502010');
		expectGoogleError(await api('POST', collectionPath('p-dup-other'), { phoneNumber: { phoneNumber: '+61255502010' } }), 409, 'ALREADY_EXISTS');
		emu.seed('p-dup', [{ phoneNumber: '+61255503000', rangeSize: 10 }]);
		expectGoogleError(await api('POST', collectionPath('p-dup'), { phoneNumber: { phoneNumber: '+61255503009' } }), 409, 'ALREADY_EXISTS');
		expect((await api('POST', collectionPath('p-dup'), { phoneNumber: { phoneNumber: '+61255503010' } })).status).toBe(200);

		expect((await api('DELETE', resourcePath(first.json.name))).status).toBe(200);
		const again = await api('POST', collectionPath('p-dup-other'), { phoneNumber: { phoneNumber: '+61255502010' } });
		expect(again.status).toBe(200);
		expect(again.json.name).not.toBe(first.json.name);
	});
});

describe('get', () => {
	it('returns the instance as created', async () => {
		const created = await api('POST', collectionPath('p-get'), { phoneNumber: { phoneNumber: '+61255504001' }, displayName: 'Get me' });
		const got = await api('GET', resourcePath(created.json.name));
		expect(got.status).toBe(200);
		expect(got.json).toEqual(created.json);
	});

	it('answers 404 naming the resource, also when the id lives in another project', async () => {
		const missing = await api('GET', `${collectionPath('p-get')}/doesnotexist`);
		expectGoogleError(missing, 404, 'NOT_FOUND', 'projects/p-get/phoneNumberInstances/doesnotexist');
		const [other] = emu.seed('p-get-other', [{ phoneNumber: '+61255504002' }]);
		const id = other.name.split('/').pop();
		expectGoogleError(await api('GET', `${collectionPath('p-get')}/${id}`), 404, 'NOT_FOUND');
	});

	it('omits activateTime for PENDING and compliant when false', async () => {
		const [pending] = emu.seed('p-get', [{ phoneNumber: '+61255504003', lifecycleState: 'PENDING', compliant: false }]);
		const got = await api('GET', resourcePath(pending.name));
		expect(got.json.lifecycleState).toBe('PENDING');
		expect(got.json).not.toHaveProperty('activateTime');
		expect(got.json).not.toHaveProperty('compliant');
		emu.setCompliant(pending.name, true);
		expect((await api('GET', resourcePath(pending.name))).json.compliant).toBe(true);
	});

	it('rejects unknown query parameters', async () => {
		const [instance] = emu.seed('p-get', [{ phoneNumber: '+61255504004' }]);
		expectGoogleError(await api('GET', `${resourcePath(instance.name)}?view=FULL`), 400, 'INVALID_ARGUMENT', 'view');
	});
});

describe('delete', () => {
	it('turns the instance DELETED with deleteTime, hides it from list, and refuses a second delete', async () => {
		const created = await api('POST', collectionPath('p-delete'), { phoneNumber: { phoneNumber: '+61255505001' } });
		const deleted = await api('DELETE', resourcePath(created.json.name));
		expect(deleted.status).toBe(200);
		expect(deleted.json.name).toBe(created.json.name);
		expect(deleted.json.lifecycleState).toBe('DELETED');
		expect(deleted.json.deleteTime).toMatch(TIMESTAMP);
		expect(Date.parse(deleted.json.deleteTime)).toBeGreaterThan(Date.parse(created.json.createTime));

		const got = await api('GET', resourcePath(created.json.name));
		expect(got.json.lifecycleState).toBe('DELETED');
		expect((await api('GET', collectionPath('p-delete'))).json).toEqual({});
		const withDeleted = await api('GET', `${collectionPath('p-delete')}?includeDeleted=true`);
		expect(withDeleted.json.phoneNumberInstances.map((i: { name: string }) => i.name)).toEqual([created.json.name]);

		expectGoogleError(await api('DELETE', resourcePath(created.json.name)), 400, 'FAILED_PRECONDITION', 'already deleted');
	});

	it('answers 404 for an unknown instance', async () => {
		expectGoogleError(await api('DELETE', `${collectionPath('p-delete')}/nope`), 404, 'NOT_FOUND');
	});
});

describe('splitRange', () => {
	it('splits +61255501100-99 with size 20 into 1100-19 and a new range 1120-99 (the reference example)', async () => {
		const [range] = emu.seed('p-split', [
			{
				phoneNumber: '+61255501100',
				rangeSize: 100,
				displayName: 'Block',
				labels: { site: 'syd' },
				incomingMessageHandlerUris: ['https://example.com/sms'],
				incomingCallHandlerUris: ['sip:pbx@example.com'],
				callRecordingTrigger: 'ANSWER',
				lifecycleState: 'SUSPENDED',
				compliant: false,
				createTime: '2024-01-01T00:00:00.000Z',
			},
		]);
		expect(range.range).toEqual({ primaryPhoneNumberInstance: range.name, startPhoneNumber: '+61255501100', endPhoneNumber: '+61255501199', size: 100 });
		const before = Date.now();
		const result = await api('POST', `${resourcePath(range.name)}:splitRange`, { size: 20 });
		expect(result.status).toBe(200);
		const { first, second } = result.json;
		expect(first.name).toBe(range.name);
		expect(first.phoneNumber.phoneNumber).toBe('+61255501100');
		expect(first.range).toEqual({ primaryPhoneNumberInstance: range.name, startPhoneNumber: '+61255501100', endPhoneNumber: '+61255501119', size: 20 });
		expect(first.createTime).toBe('2024-01-01T00:00:00.000Z');

		expect(second.name).toMatch(/^projects\/p-split\/phoneNumberInstances\/[a-z0-9]{20}$/);
		expect(second.name).not.toBe(range.name);
		expect(second.phoneNumber.phoneNumber).toBe('+61255501120');
		expect(second.range).toEqual({ primaryPhoneNumberInstance: second.name, startPhoneNumber: '+61255501120', endPhoneNumber: '+61255501199', size: 80 });
		expect(Date.parse(second.createTime)).toBeGreaterThanOrEqual(before - 5);
		for (const copied of ['displayName', 'labels', 'incomingMessageHandlerUris', 'incomingCallHandlerUris', 'callRecordingTrigger', 'lifecycleState'] as const) {
			expect(second[copied]).toEqual(range[copied]);
		}
		expect(second).not.toHaveProperty('compliant');

		expect((await api('GET', resourcePath(second.name))).json).toEqual(second);
		expect((await api('GET', resourcePath(range.name))).json.range.size).toBe(20);
		// The numbers stay held, now by the new range.
		expectGoogleError(await api('POST', collectionPath('p-split'), { phoneNumber: { phoneNumber: '+61255501150' } }), 409, 'ALREADY_EXISTS');
	});

	it('answers FAILED_PRECONDITION for a single number', async () => {
		const [single] = emu.seed('p-split', [{ phoneNumber: '+61255506001' }]);
		expectGoogleError(await api('POST', `${resourcePath(single.name)}:splitRange`, { size: 1 }), 400, 'FAILED_PRECONDITION', 'not a range');
	});

	it.each<[string, unknown]>([
		['zero', 0],
		['the whole range', 10],
		['more than the range', 11],
		['negative', -1],
		['fractional', 2.5],
		['not a number', 'abc'],
		['missing', undefined],
	])('rejects a size that is %s with INVALID_ARGUMENT', async (_, size) => {
		const [range] = emu.seed('p-split-sizes', [{ phoneNumber: `+612555070${emu.listStored('p-split-sizes').length}0`, rangeSize: 10 }]);
		const result = await api('POST', `${resourcePath(range.name)}:splitRange`, size === undefined ? {} : { size });
		expectGoogleError(result, 400, 'INVALID_ARGUMENT', 'size');
		expect(emu.getInstance(range.name)?.range?.size).toBe(10);
	});

	it('accepts a string size (int32 in proto3 JSON) and splits a range of 2 into two ranges of 1', async () => {
		const [range] = emu.seed('p-split', [{ phoneNumber: '+61255508000', rangeSize: 2 }]);
		const result = await api('POST', `${resourcePath(range.name)}:splitRange`, { size: '1' });
		expect(result.status).toBe(200);
		expect(result.json.first.range.size).toBe(1);
		expect(result.json.second.range).toMatchObject({ startPhoneNumber: '+61255508001', endPhoneNumber: '+61255508001', size: 1 });
		expectGoogleError(await api('POST', `${resourcePath(range.name)}:splitRange`, { size: 1 }), 400, 'INVALID_ARGUMENT');
	});
});

describe('move', () => {
	it('moves a range keeping its id and updating name and range.primaryPhoneNumberInstance', async () => {
		const [range] = emu.seed('p-move-a', [{ phoneNumber: '+61255509000', rangeSize: 5, displayName: 'Mover' }]);
		const id = range.name.split('/').pop();
		const result = await api('POST', `${resourcePath(range.name)}:move`, { destinationParent: 'projects/p-move-b' });
		expect(result.status).toBe(200);
		const movedName = `projects/p-move-b/phoneNumberInstances/${id}`;
		expect(result.json.name).toBe(movedName);
		expect(result.json.range.primaryPhoneNumberInstance).toBe(movedName);
		expect(result.json.displayName).toBe('Mover');
		expect(result.json.createTime).toBe(range.createTime);
		expectGoogleError(await api('GET', resourcePath(range.name)), 404, 'NOT_FOUND');
		expect((await api('GET', resourcePath(movedName))).json).toEqual(result.json);
		expect(emu.listStored('p-move-a')).toHaveLength(0);
	});

	it.each<[string, Record<string, unknown>]>([
		['missing destination', {}],
		['the same project', { destinationParent: 'projects/p-move-a' }],
		['a bad pattern', { destinationParent: 'folders/x' }],
		['an empty project', { destinationParent: 'projects/' }],
		['a nested name', { destinationParent: 'projects/x/phoneNumberInstances/y' }],
	])('rejects %s with INVALID_ARGUMENT', async (_, body) => {
		const [single] = emu.seed('p-move-a', [{ phoneNumber: `+6125550910${emu.listStored('p-move-a').length}` }]);
		expectGoogleError(await api('POST', `${resourcePath(single.name)}:move`, body), 400, 'INVALID_ARGUMENT', 'destinationParent');
		expect(emu.getInstance(single.name)).toBeDefined();
	});

	it('needs the move permission on both projects', async () => {
		const [single] = emu.seed('p-move-a', [{ phoneNumber: '+61255509200' }]);
		const path = `${resourcePath(single.name)}:move`;
		emu.addBearerToken('move-source-only', { projects: ['p-move-a'] });
		emu.addBearerToken('move-destination-only', { projects: ['p-move-c'] });
		emu.addBearerToken('move-no-permission', { projects: ['p-move-a', 'p-move-c'], permissions: ['numbering.phoneNumberInstances.get'] });
		const body = { destinationParent: 'projects/p-move-c' };

		const sourceOnly = await apiClient(emu.baseUrl, 'move-source-only')('POST', path, body);
		expectGoogleError(sourceOnly, 403, 'PERMISSION_DENIED', "Permission 'numbering.phoneNumberInstances.move' denied on resource 'projects/p-move-c'");
		const destinationOnly = await apiClient(emu.baseUrl, 'move-destination-only')('POST', path, body);
		expectGoogleError(destinationOnly, 403, 'PERMISSION_DENIED', "on resource 'projects/p-move-a'");
		const noPermission = await apiClient(emu.baseUrl, 'move-no-permission')('POST', path, body);
		expectGoogleError(noPermission, 403, 'PERMISSION_DENIED', "'numbering.phoneNumberInstances.move' denied on resource 'projects/p-move-a'");
		expect(emu.getInstance(single.name)).toBeDefined();

		emu.addBearerToken('move-both', { projects: ['p-move-a', 'p-move-c'], permissions: ['numbering.phoneNumberInstances.move'] });
		expect((await apiClient(emu.baseUrl, 'move-both')('POST', path, body)).status).toBe(200);
	});
});

describe('routing', () => {
	it('answers unknown paths with a Google 404', async () => {
		expectGoogleError(await api('GET', '/v1beta1/projects/p/numbers'), 404, 'NOT_FOUND');
		expectGoogleError(await api('GET', '/v1/projects/p/phoneNumberInstances'), 404, 'NOT_FOUND');
		expectGoogleError(await api('POST', `${collectionPath('p')}/abc:refund`, {}), 404, 'NOT_FOUND');
		expectGoogleError(await api('GET', `${collectionPath('p')}/`), 404, 'NOT_FOUND');
	});

	it('answers an unmapped verb with 404 naming the supported ones', async () => {
		const put = await api('PUT', `${collectionPath('p')}/abc`, {});
		expectGoogleError(put, 404, 'NOT_FOUND', 'PUT');
		expect(put.headers.get('allow')).toBe('GET, PATCH, DELETE');
		expectGoogleError(await api('GET', `${collectionPath('p')}/abc:move`), 404, 'NOT_FOUND');
		expectGoogleError(await api('DELETE', collectionPath('p')), 404, 'NOT_FOUND');
	});

	it('decodes a percent-encoded custom-method colon', async () => {
		const [single] = emu.seed('p-route', [{ phoneNumber: '+61255509500' }]);
		const result = await api('POST', `${resourcePath(single.name)}%3Amove`, { destinationParent: 'projects/p-route-2' });
		expect(result.status).toBe(200);
	});

	it('exposes no test controls over HTTP', async () => {
		for (const path of ['/seed', '/v1beta1/emulator/faults', '/v1beta1/projects/p/phoneNumberInstances:seed', '/requests']) {
			expect((await api('POST', path, {})).status).toBe(404);
		}
	});
});

describe('test controls', () => {
	it('seeds in creation order and lists stored instances newest first', () => {
		const seeded = emu.seed('p-controls', [{ phoneNumber: '+61255510001' }, { phoneNumber: '+61255510002' }, { phoneNumber: '+61255510003' }]);
		const times = seeded.map((i) => Date.parse(i.createTime ?? ''));
		expect(times[1]).toBeGreaterThan(times[0]);
		expect(times[2]).toBeGreaterThan(times[1]);
		expect(emu.listStored('p-controls').map((i) => i.name)).toEqual(seeded.map((i) => i.name).reverse());
	});

	it('refuses to seed a number that is already held, or a non-E.164 number', () => {
		expect(() => emu.seed('p-controls', [{ phoneNumber: '+61255510001' }])).toThrow(/already held/);
		expect(() => emu.seed('p-controls', [{ phoneNumber: '0255510009' }])).toThrow(/E\.164/);
	});

	it('changes lifecycle state, compliance and purges', async () => {
		const [instance] = emu.seed('p-controls', [{ phoneNumber: '+61255510010', lifecycleState: 'PENDING' }]);
		emu.setLifecycleState(instance.name, 'ACTIVE');
		const active = emu.getInstance(instance.name);
		expect(active?.activateTime).toMatch(TIMESTAMP);
		emu.setLifecycleState(instance.name, 'DELETED');
		expect(emu.getInstance(instance.name)?.deleteTime).toMatch(TIMESTAMP);
		expect((await api('POST', collectionPath('p-controls'), { phoneNumber: { phoneNumber: '+61255510010' } })).status).toBe(200);
		emu.purge(instance.name);
		expect(emu.getInstance(instance.name)).toBeUndefined();
		expectGoogleError(await api('GET', resourcePath(instance.name)), 404, 'NOT_FOUND');
	});

	// Speed belongs in `npm run bench`: these machines are shared, an absolute time here is noise.
	it('seeds 10,000 numbers and pages through them', async () => {
		emu.seedBulk('p-bulk', 10_000);
		const page = await api('GET', `${collectionPath('p-bulk')}?pageSize=100`);
		expect(page.json.phoneNumberInstances).toHaveLength(100);
		expect(page.json.phoneNumberInstances[0].phoneNumber.phoneNumber).toBe('+61370109999');
		expect(page.json.nextPageToken).toEqual(expect.any(String));
		const filtered = await api('GET', `${collectionPath('p-bulk')}?prefix=%2B613701000&pageSize=100`);
		expect(filtered.json.phoneNumberInstances).toHaveLength(100);
		expect(filtered.json).not.toHaveProperty('nextPageToken');
	});

	it('seeds the sample data', async () => {
		const fresh = await startEmulator();
		const { projects } = fresh.seedSample();
		expect(projects).toEqual(['demo-project', 'demo-project-2']);
		const sample = fresh.listStored('demo-project', { includeDeleted: true });
		expect(sample.length).toBeGreaterThanOrEqual(8);
		expect(new Set(sample.map((i) => i.createTime)).size).toBe(sample.length);
		const states = sample.map((i) => i.lifecycleState);
		expect(states).toEqual(expect.arrayContaining(['ACTIVE', 'SUSPENDED', 'PENDING']));
		expect(sample.find((i) => i.lifecycleState === 'PENDING')).not.toHaveProperty('activateTime');
		expect(sample.some((i) => i.compliant === undefined && i.lifecycleState !== 'DELETED')).toBe(true);
		expect(sample.find((i) => i.range)?.range).toMatchObject({ startPhoneNumber: '+61255501100', endPhoneNumber: '+61255501199', size: 100 });
		expect(fresh.listStored('demo-project-2')).toEqual([]);
		await fresh.close();
	});

	it('resets to nothing, so the sample can be seeded again (what npm run n8n and test:n8n do between runs)', async () => {
		const fresh = await startEmulator();
		fresh.seedSample();
		const [first] = fresh.listStored('demo-project');
		fresh.purge(first.name);
		fresh.reset();
		expect(fresh.listStored('demo-project', { includeDeleted: true })).toEqual([]);
		expect(fresh.listStoredListings('demo-project')).toEqual([]);
		expect(fresh.listInventory()).toEqual([]);
		const again = fresh.seedSample();
		expect(again.regulatoryListings.length).toBeGreaterThan(0);
		expect(fresh.listStored('demo-project').map((instance) => instance.phoneNumber?.phoneNumber)).toContain(first.phoneNumber?.phoneNumber);
		expect(fresh.listInventory('AU').length).toBeGreaterThan(0);
		await fresh.close();
	});

	it('seeds atomically', () => {
		expect(() => emu.seed('p-atomic', [{ phoneNumber: '+61255511000' }, { phoneNumber: '+61255511000', rangeSize: 3 }])).toThrow(/already held/);
		expect(emu.listStored('p-atomic')).toEqual([]);
	});
});
