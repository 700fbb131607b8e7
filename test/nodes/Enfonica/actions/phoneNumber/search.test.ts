import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { useTestBed } from '../../../../support/setup';
import { jsonOf, pairedOf, runExample, sent } from '../../../../support/operations';

const search = (extra: IDataObject = {}): INodeParameters => ({ resource: 'phoneNumber', operation: 'search', ...extra }) as INodeParameters;

describe('Phone Number → Search', () => {
	const bed = useTestBed('acme');

	beforeAll(() => {
		bed.emu.addInventoryNumbers([
			...Array.from({ length: 15 }, (_, i) => ({ phoneNumber: `+612555090${String(i).padStart(2, '0')}`, capabilities: ['SMS', 'VOICE'] as Array<'SMS' | 'VOICE'> })),
			{ phoneNumber: '+61255509999', capabilities: ['VOICE'], activationSku: 'services/numbering/skus/au-local-activation' },
			'+61355509000',
			'+61491578100',
			'+12025550100',
		]);
	});
	beforeEach(() => bed.emu.clearLog());

	it('sends the country, type, prefix and capability flags, and simplifies each number', async () => {
		const result = await bed.h.runNode({
			parameters: search({ countryCode: 'au', limit: 2, filters: { numberType: 'LOCAL', prefix: '+61 2', capabilities: ['SMS'] } }),
			credentialId: bed.credentialId,
		});
		expect(result.error).toBeUndefined();
		expect(sent(bed)).toEqual([
			{ method: 'GET', path: '/v1beta1/phoneNumbers:search', query: { countryCode: 'AU', numberType: 'LOCAL', prefix: '2', supportsSms: 'true', pageSize: '2' }, body: undefined },
		]);
		expect(jsonOf(result.items)).toEqual([
			{
				phoneNumber: '+61255509000',
				nationalFormat: '(02) 5550 9000',
				internationalFormat: '+61 2 5550 9000',
				country: 'AU',
				numberType: 'LOCAL',
				capabilities: ['SMS', 'VOICE'],
				sku: expect.stringMatching(/^services\/.+\/skus\/.+/),
				activationSku: null,
			},
			expect.objectContaining({ phoneNumber: '+61255509001' }),
		]);
		expect(pairedOf(result.items)).toEqual([{ item: 0 }, { item: 0 }]);
	});

	it.each([['2'], ['02'], ['+612'], ['+61 2'], ['(02)']])('reads the prefix %j as the digits after the country code', async (prefix) => {
		const result = await bed.h.runNode({ parameters: search({ countryCode: 'AU', limit: 1, filters: { prefix } }), credentialId: bed.credentialId });
		expect(result.error).toBeUndefined();
		expect(sent(bed)[0].query).toEqual({ countryCode: 'AU', prefix: '2', pageSize: '1' });
	});

	it('pages through every result with Return All, and keeps activation charges', async () => {
		const result = await bed.h.runNode({ parameters: search({ countryCode: 'AU', returnAll: true, filters: { numberType: 'LOCAL', prefix: '2' } }), credentialId: bed.credentialId });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(16);
		expect(result.items[15].json).toEqual(expect.objectContaining({ phoneNumber: '+61255509999', activationSku: 'services/numbering/skus/au-local-activation', capabilities: ['VOICE'] }));
		expect(sent(bed).map((request) => request.query.pageSize)).toEqual(['100']);
	});

	it('returns the API objects with Simplify off', async () => {
		const result = await bed.h.runNode({ parameters: search({ countryCode: 'US', outputFormat: 'raw' }), credentialId: bed.credentialId });
		expect(jsonOf(result.items)).toEqual([expect.objectContaining({ name: 'phoneNumbers/+12025550100', phoneNumber: '+12025550100', countryCode: 'US' })]);
		expect(result.items[0].json).not.toHaveProperty('nationalFormat');
	});

	it('outputs nothing for a country with nothing for sale', async () => {
		const result = await bed.h.runNode({ parameters: search({ countryCode: 'FR' }), credentialId: bed.credentialId });
		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([]);
	});

	it('runs examples/findAndBuy.json: finds a Sydney local number with SMS and buys it', async () => {
		const before = bed.emu.listInventory('AU').length;
		const result = await runExample(bed, 'findAndBuy');
		expect(result.error).toBeUndefined();
		const bought = jsonOf(result.items);
		expect(bought).toEqual([expect.objectContaining({ phoneNumber: '+61255509000', lifecycleState: 'ACTIVE', name: expect.stringMatching(/^projects\/acme\/phoneNumberInstances\//) })]);
		expect(sent(bed).map(({ method, path }) => `${method} ${path}`)).toEqual(['GET /v1beta1/phoneNumbers:search', 'POST /v1beta1/projects/acme/phoneNumberInstances']);
		expect(sent(bed)[1].body).toEqual(expect.objectContaining({ phoneNumber: { phoneNumber: '+61255509000' } }));
		// Bought: no longer for sale, so the next search offers the next number.
		expect(bed.emu.listInventory('AU')).toHaveLength(before - 1);
		const again = await runExample(bed, 'findAndBuy');
		expect(jsonOf(again.items)).toEqual([expect.objectContaining({ phoneNumber: '+61255509001' })]);
	});
});
