import { useTestBed } from '../../../../support/setup';
import { jsonOf, params, runExample, sent } from '../../../../support/operations';

describe('Create', () => {
	const bed = useTestBed('acme');

	beforeEach(() => {
		bed.emu.clearFaults();
		bed.emu.clearLog();
	});

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

	describe('an unclear outcome is settled by a lookup, never by sending the POST again', () => {
		const COLLECTION = '/v1beta1/projects/acme/phoneNumberInstances';
		const posts = () => sent(bed).filter((request) => request.method === 'POST');

		it('processed, then a 503: one lookup finds the number held, and the item outputs that instance', async () => {
			bed.emu.injectFault({ method: 'POST', fault: { kind: 'status', status: 503 }, applyAfterProcessing: true });
			const result = await bed.h.runNode({ parameters: params('create', { phoneNumber: '+61255501402', additionalFields: { displayName: 'Lost answer' } }), credentialId: bed.credentialId });
			expect(result.error).toBeUndefined();
			expect(sent(bed).map(({ method, path, query }) => [method, path, query.prefix])).toEqual([
				['POST', COLLECTION, undefined],
				['GET', COLLECTION, '+61255501402'],
			]);
			const [held] = bed.emu.listStored('acme').filter((instance) => instance.phoneNumber.phoneNumber === '+61255501402');
			expect(jsonOf(result.items)).toEqual([expect.objectContaining({ name: held.name, phoneNumber: '+61255501402', displayName: 'Lost answer' })]);
		});

		it('refused before processing (503): the error says the number was not bought, and that a re-run is safe', async () => {
			bed.emu.injectFault({ method: 'POST', fault: { kind: 'status', status: 503 } });
			const result = await bed.h.runNode({ parameters: params('create', { phoneNumber: '+61255501403' }), credentialId: bed.credentialId });
			expect(posts()).toHaveLength(1);
			expect(result.error?.message).toBe('+61255501403 was not bought: no clear answer from Enfonica (HTTP 503)');
			expect(result.error?.description).toMatch(/found no instance holding \+61255501403 in projects\/acme, so nothing was bought\. Running the workflow again is safe; with Create or Update it re-runs safely/);
			expect(bed.emu.listStored('acme').filter((instance) => instance.phoneNumber.phoneNumber === '+61255501403')).toEqual([]);
		});

		it('the lookup fails too: the error still says the number may have been bought', async () => {
			bed.emu.injectFault({ method: 'POST', fault: { kind: 'status', status: 503 } });
			bed.emu.injectFault({ method: 'GET', times: 5, fault: { kind: 'status', status: 503 } });
			const result = await bed.h.runNode({ parameters: params('create', { phoneNumber: '+61255501404' }), credentialId: bed.credentialId });
			expect(posts()).toHaveLength(1);
			expect((result.error as { httpCode?: string } | undefined)?.httpCode).toBe('503');
			expect(`${result.error?.message} ${result.error?.description}`).toMatch(/may have been bought/);
		});
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
