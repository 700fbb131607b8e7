import type { IDataObject } from 'n8n-workflow';

import { byName, refusedBy, runBy, useSeededBed } from '../../../support/setup';
import { params, sent } from '../../../support/operations';

/** Handler URIs (handlerUris.ts) Enfonica could not call are refused before anything is sent. */
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const containing = (text: string) => new RegExp(escaped(text));

describe('refused before sending, never changed without a word', () => {
	const bed = useSeededBed([{ phoneNumber: '+61255501100', id: '12345' }], { inventory: ['+61255509000', '+390612345678'], clearLog: true });

	const refused = refusedBy(bed);
	const run = runBy(bed);
	const update = (updateFields: IDataObject) => params('update', { phoneNumberInstance: byName(bed.instance), updateFields });

	describe('call handler targets', () => {
		it.each<[string, string]>([
			['tel:+6125', 'whose number is not a valid phone number for +61'],
			['tel:+61 2 5550 1236 ext. 5', 'whose number has an extension (5): an extension can be neither bought nor looked up, give the number without it'],
			['sip:desk@exa_mple.com', 'which is not a sip:user@domain[:port] URI'],
		])('%j is refused', async (uri, problem) => {
			await refused(update({ incomingCallHandlerUris: uri }), `Incoming Call Handler URIs has "${uri}", ${problem} [item 0]`);
		});

		it('a tel: target is sent as the phone number it is, in E.164', async () => {
			const result = await run(update({ incomingCallHandlerUris: 'tel:+61 2 5550 1000\nsip:desk@sip.example.com:5061' }));
			expect(result.error).toBeUndefined();
			expect(sent(bed)[0].body).toEqual({ incomingCallHandlerUris: ['tel:+61255501000', 'sip:desk@sip.example.com:5061'] });
		});
	});

	describe('handler URLs Enfonica could not call', () => {
		it.each<[string, string]>([
			['https://user:secret@example.com/sms', 'contains credentials (user:password@)'],
			['https://@example.com/sms', 'contains credentials (user:password@)'],
			['https://example.com/a b', 'contains white space'],
			['https://example.com/\tsms', 'contains white space'],
			['https:///sms', 'has no host'],
			['https://exa_mple.com/sms', 'has "exa_mple.com", which is not a host name'],
			['https://example.com:0/sms', 'has port 0'],
			['ftp://example.com/sms', 'is not an absolute http:// or https:// URL'],
		])('message handler %j', async (uri, problem) => {
			await refused(update({ incomingMessageHandlerUris: `={{ ${JSON.stringify(uri)} }}` }), containing(`Incoming Message Handler URIs has "${uri}", which ${problem}`));
		});

		it('the same rule for call handlers', async () => {
			await refused(update({ incomingCallHandlerUris: 'https://user:secret@example.com/voice' }), /^Incoming Call Handler URIs has "https:\/\/user:secret@example\.com\/voice", which contains credentials/);
		});
	});

	describe('a comma inside a handler URL', () => {
		it('stays part of the URL', async () => {
			const result = await run(update({ incomingMessageHandlerUris: 'https://example.com/sms?route=a,b' }));
			expect(result.error).toBeUndefined();
			expect(sent(bed)[0].body).toEqual({ incomingMessageHandlerUris: ['https://example.com/sms?route=a,b'] });
		});

		it('separates two URIs when the next one starts after it', async () => {
			const result = await run(update({ incomingCallHandlerUris: 'https://example.com/voice?x=1,2, sip:desk@sip.example.com,tel:+61255501000' }));
			expect(result.error).toBeUndefined();
			expect(sent(bed)[0].body).toEqual({ incomingCallHandlerUris: ['https://example.com/voice?x=1,2', 'sip:desk@sip.example.com', 'tel:+61255501000'] });
		});
	});
});
