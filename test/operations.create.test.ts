import type { TestBed } from './support/setup';
import { startTestBed } from './support/setup';
import { jsonOf, params, runExample, sent } from './support/operations';

describe('Create', () => {
	let bed: TestBed;

	beforeAll(async () => {
		bed = await startTestBed('acme');
	});
	afterAll(async () => await bed.close());
	beforeEach(() => bed.emu.clearLog());

	it('buys an E.164 number with one POST and outputs the new instance', async () => {
		const result = await bed.h.runNode({ parameters: params('create', { phoneNumber: '+61 2 5550 1400' }), credentialId: bed.credentialId });
		expect(result.error).toBeUndefined();
		expect(sent(bed)).toEqual([
			{ method: 'POST', path: '/v1beta1/projects/acme/phoneNumberInstances', query: {}, body: { phoneNumber: { phoneNumber: '+61255501400' } } },
		]);
		expect(jsonOf(result.items)).toEqual([expect.objectContaining({ phoneNumber: '+61255501400', lifecycleState: 'ACTIVE', name: expect.stringMatching(/^projects\/acme\/phoneNumberInstances\//) })]);
		expect(bed.emu.getInstance(result.items[0].json.name as string)).toBeDefined();
	});

	it('reads a national number with Default Country and sends every additional field', async () => {
		const result = await bed.h.runNode({
			parameters: params('create', {
				phoneNumber: '(02) 5550 1401',
				options: { defaultCountry: 'au' },
				additionalFields: {
					displayName: 'Sales',
					labels: { label: [{ key: 'team', value: 'sales' }, { key: 'cost-centre', value: '42' }] },
					incomingMessageHandlerUris: 'https://example.com/sms\nhttp://backup.example.com/sms',
					incomingCallHandlerUris: 'https://example.com/voice, sip:sales@pbx.example.com:5061, tel:+61255509999',
					callRecordingTrigger: 'ANSWER',
				},
				outputFormat: 'raw',
			}),
			credentialId: bed.credentialId,
		});
		expect(result.error).toBeUndefined();
		expect(sent(bed)[0].body).toEqual({
			phoneNumber: { phoneNumber: '+61255501401' },
			displayName: 'Sales',
			labels: { team: 'sales', 'cost-centre': '42' },
			incomingMessageHandlerUris: ['https://example.com/sms', 'http://backup.example.com/sms'],
			incomingCallHandlerUris: ['https://example.com/voice', 'sip:sales@pbx.example.com:5061', 'tel:+61255509999'],
			callRecordingTrigger: 'ANSWER',
		});
		expect(result.items[0].json).toEqual(bed.emu.getInstance(result.items[0].json.name as string));
	});

	it('is not retried after a 503, and says the number may have been bought', async () => {
		bed.emu.injectFault({ method: 'POST', fault: { kind: 'status', status: 503 } });
		const result = await bed.h.runNode({ parameters: params('create', { phoneNumber: '+61255501402' }), credentialId: bed.credentialId });
		expect(sent(bed)).toHaveLength(1);
		expect(result.error?.description).toMatch(/may have been bought/);
	});

	it('runs examples/create.json', async () => {
		const result = await runExample(bed, 'create');
		expect(result.error).toBeUndefined();
		expect(sent(bed)).toEqual([
			{
				method: 'POST',
				path: '/v1beta1/projects/acme/phoneNumberInstances',
				query: {},
				body: {
					phoneNumber: { phoneNumber: '+61255501234' },
					displayName: 'Sales line',
					labels: { team: 'sales' },
					incomingCallHandlerUris: ['https://example.com/voice', 'sip:sales@example.sip.enfonica.com'],
					callRecordingTrigger: 'ANSWER',
				},
			},
		]);
		expect(jsonOf(result.items)).toEqual([expect.objectContaining({ phoneNumber: '+61255501234', displayName: 'Sales line', lifecycleState: 'ACTIVE' })]);
		expect(bed.emu.getInstance(result.items[0].json.name as string)?.callRecordingTrigger).toBe('ANSWER');
	});
});
