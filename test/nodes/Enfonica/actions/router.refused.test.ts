import type { IDataObject } from 'n8n-workflow';

import { byName, refusedBy, useSeededBed } from '../../../support/setup';
import { params } from '../../../support/operations';

/** The router checks every item before sending anything: one bad item stops the whole batch. */
describe('bad input is refused before any request', () => {
	const bed = useSeededBed([{ phoneNumber: '+61255501100', rangeSize: 10 }]);

	const refused = refusedBy(bed);

	const create = (extra: IDataObject) => params('create', { phoneNumber: '+61255501400', ...extra });
	const update = (updateFields: IDataObject) => params('update', { phoneNumberInstance: byName(bed.instance), updateFields });

	describe('several items: nothing is sent unless every item passes', () => {
		it('item 2 invalid: item 0 and 1 are not created either, and the error names item 2', async () => {
			const result = await refused(
				create({ phoneNumber: '={{ $json.number }}' }),
				/^Phone Number "12345" is not a phone number.*\[item 2\]$/,
				[{ number: '+61255501401' }, { number: '+61255501402' }, { number: '12345' }],
			);
			expect(result.items).toHaveLength(0);
		});

		it('within one item, a bad field stops the whole change (no partial update)', async () => {
			await refused(update({ displayName: 'fine', incomingMessageHandlerUris: 'not a url' }), /^Incoming Message Handler URIs has "not a url"/);
			expect(bed.emu.getInstance(bed.instance)?.displayName).toBeUndefined();
		});
	});
});
