import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { refusedBy, runBy, useSeededBed } from '../../../../support/setup';
import { sent } from '../../../../support/operations';

/** Phone Number → Search: every spelling of a prefix sends the same prefix. */
describe('refused before sending, never changed without a word', () => {
	const bed = useSeededBed([{ phoneNumber: '+61255501100', id: '12345' }], { inventory: ['+61255509000', '+390612345678'], clearLog: true });

	const refused = refusedBy(bed);
	const run = runBy(bed);
	const search = (extra: IDataObject): INodeParameters => ({ resource: 'phoneNumber', operation: 'search', limit: 1, ...extra }) as INodeParameters;

	describe('Phone Number → Search: every spelling of a prefix sends the same', () => {
		it.each(['2', '02', '+61 2', '0061 2', '0011 61 2', '(02)'])('AU %j sends prefix 2', async (prefix) => {
			const result = await run(search({ countryCode: 'AU', filters: { prefix } }));
			expect(result.error).toBeUndefined();
			expect(sent(bed)[0].query).toEqual({ countryCode: 'AU', prefix: '2', pageSize: '1' });
		});

		it.each(['06', '+39 06', '0039 06'])('IT %j sends 06: in Italy the 0 is part of the number', async (prefix) => {
			const result = await run(search({ countryCode: 'IT', filters: { prefix } }));
			expect(result.error).toBeUndefined();
			expect(sent(bed)[0].query).toEqual({ countryCode: 'IT', prefix: '06', pageSize: '1' });
			expect(result.items.map((item) => item.json.phoneNumber)).toEqual(['+390612345678']);
		});

		it.each<[string, string]>([
			['0033 1', 'Prefix "0033 1" starts with 00, an international access code, but AU\'s calling code 61 does not follow: write +61 and the digits [item 0]'],
			['011 61 2', 'Prefix "011 61 2" can be read as the access code 011 then +612, or as the national prefix 11612: write +612 or 11612 [item 0]'],
			['+33 1', 'Prefix "+33 1" is not a number prefix of AU: AU numbers start with +61 [item 0]'],
		])('AU %j is refused', async (prefix, message) => {
			await refused(search({ countryCode: 'AU', filters: { prefix } }), message);
		});
	});
});
