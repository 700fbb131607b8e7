import type { IDataObject } from 'n8n-workflow';

import { refusedBy, runBy, useSeededBed } from '../../../../support/setup';
import { params, sent } from '../../../../support/operations';

/** Get Many: every spelling of a prefix sends the same prefix. */
describe('refused before sending, never changed without a word', () => {
	const bed = useSeededBed([{ phoneNumber: '+61255501100', id: '12345' }], { inventory: ['+61255509000', '+390612345678'], clearLog: true });

	const refused = refusedBy(bed);
	const run = runBy(bed);

	describe('Get Many: every spelling of a prefix sends the same', () => {
		it.each<[string, IDataObject]>([
			['+61 2', {}],
			['0061 2', {}],
			['02', { defaultCountry: 'AU' }],
			['0011 61 2', { defaultCountry: 'AU' }],
			['011 61 2', { defaultCountry: 'US' }],
		])('%j (options %j) sends +612', async (prefix, options) => {
			const result = await run(params('getMany', { filters: { prefix }, options }));
			expect(result.error).toBeUndefined();
			expect(sent(bed)[0].query).toEqual(expect.objectContaining({ prefix: '+612' }));
		});

		it('Italy\'s 06 with Default Country IT is +3906', async () => {
			const result = await run(params('getMany', { filters: { prefix: '06' }, options: { defaultCountry: 'it' } }));
			expect(result.error).toBeUndefined();
			expect(sent(bed)[0].query).toEqual(expect.objectContaining({ prefix: '+3906' }));
		});

		it('an access code that can be read two ways is refused without a Default Country', async () => {
			await refused(params('getMany', { filters: { prefix: '0011 61 2' } }), /^Prefix "0011 61 2" can be read as \+612 or .*: write it with \+ and the country code, or set a Default Country \[item 0\]$/);
		});
	});
});
