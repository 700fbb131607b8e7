import type { IDataObject } from 'n8n-workflow';

import { byName, refusedBy, runBy, useSeededBed } from '../../../support/setup';
import { params, sent } from '../../../support/operations';

/** Text fields (text.ts): lists and objects refused before sending, numbers and booleans sent as their text. */
describe('refused before sending, never changed without a word', () => {
	const bed = useSeededBed([{ phoneNumber: '+61255501100', id: '12345' }], { inventory: ['+61255509000', '+390612345678'], clearLog: true });

	const refused = refusedBy(bed);
	const run = runBy(bed);
	const update = (updateFields: IDataObject) => params('update', { phoneNumberInstance: byName(bed.instance), updateFields });

	describe('text fields: lists and objects refused, numbers and booleans as their text', () => {
		it('a label value that is an object', async () => {
			await refused(
				params('create', { phoneNumber: '+61255509000', additionalFields: { labels: { label: [{ key: 'team', value: '={{ { name: "ops" } }}' }] } } }),
				'Labels has a value of pair 1 ("team") that must be text, not an object (got {"name":"ops"}) [item 0]',
			);
		});

		it.each([
			['create', { phoneNumber: '+61255509000' }, 'additionalFields'],
			['createOrUpdate', { phoneNumber: '+61255509000', matchOn: 'phoneNumber' }, 'additionalFields'],
		])('an expression on the whole Labels field (%s): n8n delivers it with no pairs, refused', async (operation, extra, collection) => {
			await refused(
				params(operation, { ...extra, [collection]: { labels: '={{ $json.labels }}' } }),
				'Labels has no Key/Value pairs (an expression on the whole Labels field reaches the node empty: put expressions in each Key and Value) [item 0]',
				[{ labels: { team: 'sales' } }],
			);
		});

		it('a label key that is a list', async () => {
			await refused(update({ labels: { label: [{ key: '={{ ["a", "b"] }}', value: 'x' }] } }), 'Labels has a key of pair 1 that must be text, not a list (got ["a","b"]) [item 0]');
		});

		it('a display name that is an object', async () => {
			await refused(update({ displayName: '={{ { a: 1 } }}' }), 'Display Name must be text, not an object (got {"a":1}) [item 0]');
		});

		it('numbers and booleans are sent as their text', async () => {
			const result = await run(update({ displayName: '={{ 42 }}', labels: { label: [{ key: '={{ 7 }}', value: '={{ true }}' }, { key: 'count', value: '={{ 5 }}' }] } }));
			expect(result.error).toBeUndefined();
			expect(sent(bed)[0].body).toEqual({ displayName: '42', labels: { '7': 'true', count: '5' } });
		});

		it('a handler list entry that is an object', async () => {
			await refused(update({ incomingMessageHandlerUris: '={{ ["https://example.com/a", { url: "x" }] }}' }), 'Incoming Message Handler URIs has an object as URI 2 (got {"url":"x"}): each URI must be text [item 0]');
		});
	});
});
