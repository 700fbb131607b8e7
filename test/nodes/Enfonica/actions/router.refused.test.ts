import type { IDataObject } from 'n8n-workflow';

import type { TestBed } from '../../../support/setup';
import { byName, refusedBy, startTestBed } from '../../../support/setup';
import { params } from '../../../support/operations';

/**
 * The bad-input catalogue: each case is refused with the field and the item named, and the
 * emulator sees nothing at all: no API call and no token exchange (each case uses a fresh
 * credential, so a token request would show if the node reached for the network first).
 */
describe('bad input is refused before any request', () => {
	let bed: TestBed;
	let instance: string;

	beforeAll(async () => {
		bed = await startTestBed('acme');
		[{ name: instance }] = bed.emu.seed('acme', [{ phoneNumber: '+61255501100', rangeSize: 10 }]);
	});
	afterAll(async () => await bed.close());

	const refused = refusedBy(() => bed);

	const create = (extra: IDataObject) => params('create', { phoneNumber: '+61255501400', ...extra });
	const update = (updateFields: IDataObject) => params('update', { phoneNumberInstance: byName(instance), updateFields });

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
			expect(bed.emu.getInstance(instance)?.displayName).toBeUndefined();
		});
	});
});
