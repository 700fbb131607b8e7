/** Raw-HTTP tests of the emulator's splitRange method (methods/splitRange.ts) and how it renders instances. */
import { collectionPath, expectGoogleError, resourcePath, useEmulatorApi } from '../testSupport';

const bed = useEmulatorApi('api-token', 'api-tests');

describe('splitRange', () => {
	it('splits +61255501100-99 with size 20 into 1100-19 and a new range 1120-99 (the reference example)', async () => {
		const [range] = bed.emu.seed('p-split', [
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
		const result = await bed.api('POST', `${resourcePath(range.name)}:splitRange`, { size: 20 });
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

		expect((await bed.api('GET', resourcePath(second.name))).json).toEqual(second);
		expect((await bed.api('GET', resourcePath(range.name))).json.range.size).toBe(20);
		// The numbers stay held, now by the new range.
		expectGoogleError(await bed.api('POST', collectionPath('p-split'), { phoneNumber: { phoneNumber: '+61255501150' } }), 409, 'ALREADY_EXISTS');
	});

	it('answers FAILED_PRECONDITION for a single number', async () => {
		const [single] = bed.emu.seed('p-split', [{ phoneNumber: '+61255506001' }]);
		expectGoogleError(await bed.api('POST', `${resourcePath(single.name)}:splitRange`, { size: 1 }), 400, 'FAILED_PRECONDITION', 'not a range');
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
		const [range] = bed.emu.seed('p-split-sizes', [{ phoneNumber: `+612555070${bed.emu.listStored('p-split-sizes').length}0`, rangeSize: 10 }]);
		const result = await bed.api('POST', `${resourcePath(range.name)}:splitRange`, size === undefined ? {} : { size });
		expectGoogleError(result, 400, 'INVALID_ARGUMENT', 'size');
		expect(bed.emu.getInstance(range.name)?.range?.size).toBe(10);
	});

	it('accepts a string size (int32 in proto3 JSON) and splits a range of 2 into two ranges of 1', async () => {
		const [range] = bed.emu.seed('p-split', [{ phoneNumber: '+61255508000', rangeSize: 2 }]);
		const result = await bed.api('POST', `${resourcePath(range.name)}:splitRange`, { size: '1' });
		expect(result.status).toBe(200);
		expect(result.json.first.range.size).toBe(1);
		expect(result.json.second.range).toMatchObject({ startPhoneNumber: '+61255508001', endPhoneNumber: '+61255508001', size: 1 });
		expectGoogleError(await bed.api('POST', `${resourcePath(range.name)}:splitRange`, { size: 1 }), 400, 'INVALID_ARGUMENT');
	});
});
