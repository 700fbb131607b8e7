import type { IDataObject } from 'n8n-workflow';

import { byName, refusedBy, useSeededBed } from '../../../support/setup';
import { params, textOfLength } from '../../../support/operations';

/** Field limits (validation.ts) in the engine: refused naming the field and the item, nothing sent (a fresh credential per case, so even a token exchange would show). */
describe('bad input is refused before any request', () => {
	const bed = useSeededBed([{ phoneNumber: '+61255501100', rangeSize: 10 }]);

	const refused = refusedBy(bed);

	const create = (extra: IDataObject) => params('create', { phoneNumber: '+61255501400', ...extra });
	const update = (updateFields: IDataObject) => params('update', { phoneNumberInstance: byName(bed.instance), updateFields });
	const labels = (pairs: Array<[string, string]>) => ({ label: pairs.map(([key, value]) => ({ key, value })) });

	describe('field limits', () => {
		it('display name over 100 characters', async () => {
			await refused(create({ additionalFields: { displayName: textOfLength(101) } }), 'Display Name is 101 characters long: Enfonica allows at most 100 [item 0]');
		});

		it('more than 50 labels', async () => {
			const many = Array.from({ length: 51 }, (_, i): [string, string] => [`k${i}`, 'v']);
			await refused(update({ labels: labels(many) }), 'Labels has 51 labels: Enfonica allows at most 50 [item 0]');
		});

		it('label key over 100 characters', async () => {
			await refused(create({ additionalFields: { labels: labels([[textOfLength(101), 'v']]) } }), `Labels has a key 101 characters long ("${textOfLength(20)}…"): at most 100 are allowed [item 0]`);
		});

		it('label value over 1000 characters', async () => {
			await refused(update({ labels: labels([['k', textOfLength(1001)]]) }), 'Labels has a value 1001 characters long for the key "k": at most 1000 are allowed [item 0]');
		});

		it('empty label key', async () => {
			await refused(create({ additionalFields: { labels: labels([['a', '1'], ['  ', '2']]) } }), 'Labels has an empty key (pair 2) [item 0]');
		});

		it('duplicate label keys', async () => {
			await refused(update({ labels: labels([['team', '1'], ['team', '2']]) }), 'Labels has the key "team" more than once [item 0]');
		});

		it('more than 5 URIs in a handler list', async () => {
			const six = Array.from({ length: 6 }, (_, i) => `https://example.com/${i}`).join('\n');
			await refused(update({ incomingMessageHandlerUris: six }), 'Incoming Message Handler URIs has 6 URIs: Enfonica allows at most 5 [item 0]');
			await refused(create({ additionalFields: { incomingCallHandlerUris: six } }), 'Incoming Call Handler URIs has 6 URIs: Enfonica allows at most 5 [item 0]');
		});

		it.each(['example.com/sms', '/sms', 'ftp://example.com/sms', 'sip:desk@example.com'])('message handler %j', async (uri) => {
			await refused(create({ additionalFields: { incomingMessageHandlerUris: uri } }), `Incoming Message Handler URIs has "${uri}", which is not an absolute http:// or https:// URL [item 0]`);
		});

		it.each<[string, string]>([
			['sip:example.com', ', which is not a sip:user@domain[:port] URI'],
			['sip:desk@', ', which is not a sip:user@domain[:port] URI'],
			['sip:desk@example.com:99999', ', which is not a sip:user@domain[:port] URI'],
			['tel:0255501100', ': a tel: target must be a number in international form, tel:+<country code><number>'],
			['tel:+0255', ', whose number is not a phone number'],
			['ftp://example.com/x', ', which is not an http(s) URL, a sip:user@domain[:port] URI or a tel:+<phone number> URI'],
		])('call handler %j', async (uri, problem) => {
			await refused(update({ incomingCallHandlerUris: `https://example.com/voice\n${uri}` }), `Incoming Call Handler URIs has "${uri}"${problem} [item 0]`);
		});

		it.each(['mailto:a@example.com', 'example.com'])('call handler %j after a comma is not a second URI: the whole text is refused', async (uri) => {
			await refused(update({ incomingCallHandlerUris: `https://example.com/voice, ${uri}` }), /^Incoming Call Handler URIs has "https:\/\/example\.com\/voice, .*", which contains white space.*\[item 0\]$/);
		});

		it('call recording trigger from an expression that is not one of the three', async () => {
			await refused(update({ callRecordingTrigger: '={{ "always" }}' }), 'Call Recording Trigger "always" is not one of Answer, Bridge or Disabled [item 0]');
		});
	});
});
