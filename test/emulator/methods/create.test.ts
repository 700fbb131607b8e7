/** Raw-HTTP tests of the emulator's create method (methods/create.ts) and how it renders instances. */
import { collectionPath, expectGoogleError, resourcePath, TIMESTAMP, useEmulatorApi } from '../testSupport';

const bed = useEmulatorApi('api-token', 'api-tests');

describe('create', () => {
	it('provisions an ACTIVE single number and omits fields at their default', async () => {
		const result = await bed.api('POST', collectionPath('p-create'), { phoneNumber: { phoneNumber: '+61255502001' } });
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
		expect(bed.emu.getInstance(body.name)).toEqual(body);
	});

	it('derives number type and capabilities from the number', async () => {
		const mobile = await bed.api('POST', collectionPath('p-create'), { phoneNumber: { phoneNumber: '+61491570157' } });
		expect(mobile.json.phoneNumber).toMatchObject({ numberType: 'MOBILE', capabilities: ['SMS', 'MMS', 'VOICE'], countryCode: 'AU' });
		const freecall = await bed.api('POST', collectionPath('p-create'), { phoneNumber: { phoneNumber: '+611800160402' } });
		expect(freecall.json.phoneNumber).toMatchObject({ numberType: 'TOLL_FREE', capabilities: ['VOICE'] });
	});

	it('ignores output-only fields in the body but applies the configuration', async () => {
		const result = await bed.api('POST', collectionPath('p-create'), {
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
		const result = await bed.api('POST', collectionPath('p-create'), { phone_number: { phone_number: '+61255502003' }, display_name: 'Snake' });
		expect(result.status).toBe(200);
		expect(result.json.displayName).toBe('Snake');
	});

	it('gives every create a later createTime', async () => {
		const a = await bed.api('POST', collectionPath('p-create'), { phoneNumber: { phoneNumber: '+61255502004' } });
		const b = await bed.api('POST', collectionPath('p-create'), { phoneNumber: { phoneNumber: '+61255502005' } });
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
		const before = bed.emu.listStored('p-create', { includeDeleted: true }).length;
		const result = await bed.api('POST', collectionPath('p-create'), body);
		expectGoogleError(result, 400, 'INVALID_ARGUMENT', field);
		expect(bed.emu.listStored('p-create', { includeDeleted: true })).toHaveLength(before);
	});

	it('accepts every field at its limit', async () => {
		const labels = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`${i}`.padEnd(100, 'k'), 'v'.repeat(1000)]));
		const callUris = ['https://example.com/a', 'http://example.com/b', 'sip:user@sip.example.com', 'sip:user@sip.example.com:5060', 'tel:+61255501000'];
		const result = await bed.api('POST', collectionPath('p-create'), {
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
		const broken = await bed.api('POST', collectionPath('p-create'), undefined, { rawBody: '{"phoneNumber": ', headers: { 'Content-Type': 'application/json' } });
		expectGoogleError(broken, 400, 'INVALID_ARGUMENT', 'Invalid JSON payload received');
		const list = await bed.api('POST', collectionPath('p-create'), [{ phoneNumber: { phoneNumber: '+61255502006' } }]);
		expectGoogleError(list, 400, 'INVALID_ARGUMENT');
	});

	it('rejects unknown query parameters', async () => {
		const result = await bed.api('POST', `${collectionPath('p-create')}?requestId=abc`, { phoneNumber: { phoneNumber: '+61255502007' } });
		expectGoogleError(result, 400, 'INVALID_ARGUMENT', 'Unknown name "requestId"');
		expect(bed.emu.listStored('p-create').some((i) => i.phoneNumber.phoneNumber === '+61255502007')).toBe(false);
	});

	it('answers 409 ALREADY_EXISTS for a number held anywhere, until it is deleted', async () => {
		const first = await bed.api('POST', collectionPath('p-dup'), { phoneNumber: { phoneNumber: '+61255502010' } });
		expect(first.status).toBe(200);
		expectGoogleError(await bed.api('POST', collectionPath('p-dup'), { phoneNumber: { phoneNumber: '+61255502010' } }), 409, 'ALREADY_EXISTS', '+61255502010');
		expectGoogleError(await bed.api('POST', collectionPath('p-dup-other'), { phoneNumber: { phoneNumber: '+61255502010' } }), 409, 'ALREADY_EXISTS');
		bed.emu.seed('p-dup', [{ phoneNumber: '+61255503000', rangeSize: 10 }]);
		expectGoogleError(await bed.api('POST', collectionPath('p-dup'), { phoneNumber: { phoneNumber: '+61255503009' } }), 409, 'ALREADY_EXISTS');
		expect((await bed.api('POST', collectionPath('p-dup'), { phoneNumber: { phoneNumber: '+61255503010' } })).status).toBe(200);

		expect((await bed.api('DELETE', resourcePath(first.json.name))).status).toBe(200);
		const again = await bed.api('POST', collectionPath('p-dup-other'), { phoneNumber: { phoneNumber: '+61255502010' } });
		expect(again.status).toBe(200);
		expect(again.json.name).not.toBe(first.json.name);
	});
});
