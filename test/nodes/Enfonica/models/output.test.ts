import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { byName, expectRefused, useTestBed } from '../../../support/setup';
import { jsonOf, listingParams, params, selected, sent, SYDNEY } from '../../../support/operations';

/**
 * Output (node version 2): Simplified (the default, at most 10 flat fields), Raw, Selected
 * Fields, for every resource; and version 1, whose stored workflows have Simplify, still gives
 * what it gave.
 */
const search = (extra: IDataObject = {}): INodeParameters => ({ resource: 'phoneNumber', operation: 'search', countryCode: 'AU', limit: 1, ...extra }) as INodeParameters;

const isFlat = (json: IDataObject) => Object.values(json).every((value) => value === null || typeof value !== 'object' || Array.isArray(value));

describe('Output', () => {
	const bed = useTestBed('acme');
	let instance: string;
	let listingName: string;

	beforeAll(() => {
		[{ name: instance }] = bed.emu.seed('acme', [
			{
				phoneNumber: '+61255501100',
				displayName: 'Reception',
				labels: { team: 'front' },
				incomingMessageHandlerUris: ['https://example.com/sms'],
				incomingCallHandlerUris: ['sip:desk@example.com:5060'],
				callRecordingTrigger: 'BRIDGE',
			},
		]);
		[{ name: listingName }] = bed.emu.seedListings('acme', [{ displayName: 'Front desk', business: { business: 'Acme Pty Ltd' }, address: SYDNEY, valid: true, verified: true }]);
		bed.emu.addInventoryNumbers([{ phoneNumber: '+61255509000', capabilities: ['SMS', 'VOICE'] }]);
	});
	beforeEach(() => bed.emu.clearLog());

	const run = async (parameters: INodeParameters, typeVersion?: number) => {
		const result = await bed.h.runNode({ parameters, credentialId: bed.credentialId, typeVersion });
		expect(result.error).toBeUndefined();
		return jsonOf(result.items);
	};

	describe('Simplified, the default: at most 10 flat fields', () => {
		it('a phone number instance keeps name, phoneNumber, displayName, lifecycleState, compliant, regulatoryListing', async () => {
			const [json] = await run(params('get', { phoneNumberInstance: byName(instance) }));
			expect(Object.keys(json).length).toBeLessThanOrEqual(10);
			expect(isFlat(json)).toBe(true);
			expect(json).toEqual(
				expect.objectContaining({ name: instance, phoneNumber: '+61255501100', displayName: 'Reception', lifecycleState: 'ACTIVE', compliant: true, regulatoryListing: null }),
			);
		});

		it('a regulatory listing keeps name, valid and verified, its holder and region flat', async () => {
			const [json] = await run(listingParams('get', { regulatoryListing: byName(listingName) }));
			expect(Object.keys(json).length).toBeLessThanOrEqual(10);
			expect(isFlat(json)).toBe(true);
			expect(json).toEqual(expect.objectContaining({ name: listingName, valid: true, verified: true, entityType: 'business', businessName: 'Acme Pty Ltd', regionCode: 'AU' }));
		});

		it('a number for sale', async () => {
			const [json] = await run(search());
			expect(Object.keys(json).length).toBeLessThanOrEqual(10);
			expect(isFlat(json)).toBe(true);
			expect(json).toEqual(expect.objectContaining({ phoneNumber: '+61255509000', nationalFormat: '(02) 5550 9000', capabilities: ['SMS', 'VOICE'] }));
		});

		it('Get Many lists each instance in the same shape', async () => {
			const [listed] = await run(params('getMany', { limit: 1 }));
			const [got] = await run(params('get', { phoneNumberInstance: byName(instance) }));
			expect(Object.keys(listed)).toEqual(Object.keys(got));
		});
	});

	describe('Raw: the API object as returned', () => {
		it('for an instance, a listing and a number for sale', async () => {
			expect(await run(params('get', { phoneNumberInstance: byName(instance), outputFormat: 'raw' }))).toEqual([bed.emu.getInstance(instance)]);
			expect(await run(listingParams('get', { regulatoryListing: byName(listingName), outputFormat: 'raw' }))).toEqual([bed.emu.getListing(listingName)]);
			const [number] = await run(search({ outputFormat: 'raw' }));
			expect(number).toEqual(expect.objectContaining({ name: 'phoneNumbers/+61255509000', phoneNumber: '+61255509000', countryCode: 'AU' }));
			expect(number).not.toHaveProperty('nationalFormat');
		});
	});

	describe('Selected Fields: the chosen fields and what identifies the resource', () => {
		it('an instance: formatted numbers, times and handlers', async () => {
			const fields = ['internationalFormat', 'nationalFormat', 'createTime', 'activateTime', 'incomingCallHandlerUris', 'incomingMessageHandlerUris', 'labels', 'callRecordingTrigger'];
			const [json] = await run(params('get', { phoneNumberInstance: byName(instance), ...selected(...fields) }));
			expect(json).toEqual({
				name: instance,
				nationalFormat: '(02) 5550 1100',
				internationalFormat: '+61 2 5550 1100',
				labels: { team: 'front' },
				incomingMessageHandlerUris: ['https://example.com/sms'],
				incomingCallHandlerUris: ['sip:desk@example.com:5060'],
				callRecordingTrigger: 'BRIDGE',
				createTime: expect.any(String),
				activateTime: expect.any(String),
			});
		});

		it('a listing: its address parts', async () => {
			const [json] = await run(listingParams('getMany', { limit: 1, ...selected('locality', 'postalCode', 'createTime') }));
			expect(json).toEqual({ name: listingName, locality: 'Sydney', postalCode: '2000', createTime: expect.any(String) });
		});

		it('a number for sale: its SKUs', async () => {
			const [json] = await run(search(selected('sku', 'activationSku')));
			expect(json).toEqual({ phoneNumber: '+61255509000', sku: expect.stringMatching(/^services\/numbering\/skus\//), activationSku: null });
		});

		it('none chosen: the name alone', async () => {
			expect(await run(params('get', { phoneNumberInstance: byName(instance), ...selected() }))).toEqual([{ name: instance }]);
		});

		it('an unknown field (from an expression) stops the run before the number is bought', async () => {
			await expectRefused(
				bed,
				params('create', { phoneNumber: '+61255501999', outputFormat: 'selectedFields', fields: '={{ ["displayName", "colour"] }}' }),
				/^Fields has "colour": use name, id, .* \[item 0\]$/,
			);
		});

		it('an unknown Output (from an expression) is refused before any request', async () => {
			await expectRefused(bed, params('delete', { phoneNumberInstance: byName(instance), outputFormat: '={{ "short" }}' }), /^Output has "short": use raw, selectedFields, simple \[item 0\]$/);
		});
	});

	describe('node version 1: stored workflows keep their Simplify output', () => {
		it('Simplify on (its default): the 19 fields version 1 gave, in the same order', async () => {
			const [json] = await run(params('get', { phoneNumberInstance: byName(instance) }), 1);
			const id = instance.split('/').pop();
			expect(json).toEqual({
				name: instance,
				id,
				project: 'projects/acme',
				phoneNumber: '+61255501100',
				nationalFormat: '(02) 5550 1100',
				internationalFormat: '+61 2 5550 1100',
				country: 'AU',
				displayName: 'Reception',
				lifecycleState: 'ACTIVE',
				compliant: true,
				regulatoryListing: null,
				labels: { team: 'front' },
				incomingMessageHandlerUris: ['https://example.com/sms'],
				incomingCallHandlerUris: ['sip:desk@example.com:5060'],
				callRecordingTrigger: 'BRIDGE',
				range: null,
				createTime: expect.any(String),
				activateTime: expect.any(String),
				deleteTime: null,
			});
			expect(Object.keys(json)).toEqual(['name', 'id', 'project', 'phoneNumber', 'nationalFormat', 'internationalFormat', 'country', 'displayName', 'lifecycleState', 'compliant', 'regulatoryListing', 'labels', 'incomingMessageHandlerUris', 'incomingCallHandlerUris', 'callRecordingTrigger', 'range', 'createTime', 'activateTime', 'deleteTime']);
		});

		it('Simplify off: the API object; an Output value in the parameters is ignored', async () => {
			expect(await run(params('get', { phoneNumberInstance: byName(instance), simplify: false }), 1)).toEqual([bed.emu.getInstance(instance)]);
			expect(await run(params('get', { phoneNumberInstance: byName(instance), simplify: false, outputFormat: 'simple' }), 1)).toEqual([bed.emu.getInstance(instance)]);
		});

		it('a listing: the nested shape version 1 gave', async () => {
			const [json] = await run(listingParams('get', { regulatoryListing: byName(listingName) }), 1);
			expect(json).toEqual({
				name: listingName,
				id: listingName.split('/').pop(),
				project: 'projects/acme',
				displayName: 'Front desk',
				entityType: 'business',
				person: null,
				business: { name: 'Acme Pty Ltd' },
				address: SYDNEY,
				valid: true,
				verified: true,
				createTime: expect.any(String),
			});
			expect(await run(listingParams('get', { regulatoryListing: byName(listingName), simplify: false }), 1)).toEqual([bed.emu.getListing(listingName)]);
		});

		it('a number for sale: the same 8 fields, or the API object', async () => {
			const [json] = await run(search(), 1);
			expect(json).toEqual({
				phoneNumber: '+61255509000',
				nationalFormat: '(02) 5550 9000',
				internationalFormat: '+61 2 5550 9000',
				country: 'AU',
				numberType: 'LOCAL',
				capabilities: ['SMS', 'VOICE'],
				sku: expect.any(String),
				activationSku: null,
			});
			expect(await run(search({ simplify: false }), 1)).toEqual([expect.objectContaining({ name: 'phoneNumbers/+61255509000', countryCode: 'AU' })]);
		});
	});

	it('the instance a Create bought is output once, in the chosen shape', async () => {
		const json = await run(params('create', { phoneNumber: '+61255501998', ...selected('phoneNumber', 'lifecycleState') }));
		expect(json).toEqual([{ name: expect.stringMatching(/^projects\/acme\/phoneNumberInstances\//), phoneNumber: '+61255501998', lifecycleState: 'ACTIVE' }]);
		expect(sent(bed).filter((request) => request.method === 'POST')).toHaveLength(1);
	});
});
