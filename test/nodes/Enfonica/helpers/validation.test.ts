import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { TestBed } from '../../../support/setup';
import { byName, expectRefused, startTestBed } from '../../../support/setup';
import { byPhone, params } from '../../../support/operations';

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

	const refused = async (parameters: INodeParameters, message: string | RegExp, items?: IDataObject[]) => await expectRefused(bed, parameters, message, items);

	const create = (extra: IDataObject) => params('create', { phoneNumber: '+61255501400', ...extra });
	const update = (updateFields: IDataObject) => params('update', { phoneNumberInstance: byName(instance), updateFields });
	const long = (n: number) => 'x'.repeat(n);
	const labels = (pairs: Array<[string, string]>) => ({ label: pairs.map(([key, value]) => ({ key, value })) });

	describe('phone numbers', () => {
		it.each([
			['not a number', 'Phone Number "not a number" is not a phone number (write it as +<country code><number>, or set a Default Country for national formats) [item 0]'],
			['+61 2 5550', 'Phone Number "+61 2 5550" is not a valid phone number for +61 [item 0]'],
			['02 5550 1100', /^Phone Number "02 5550 1100" is not a phone number.*\[item 0\]$/],
			['={{ "" }}', 'Phone Number is empty [item 0]'],
		])('create refuses %j', async (phoneNumber, message) => {
			await refused(create({ phoneNumber }), message);
		});

		it('refuses a Default Country that is not a country', async () => {
			await refused(create({ phoneNumber: '02 5550 1100', options: { defaultCountry: 'XX' } }), 'Default Country "XX" is not a two-letter ISO 3166 country code such as AU, NZ or US [item 0]');
		});

		it('refuses a bad number in the By Phone Number locator mode', async () => {
			await refused(params('get', { phoneNumberInstance: byPhone('12') }), /^Phone Number Instance \(By Phone Number\) "12" is not a phone number.*\[item 0\]$/);
		});

		it('refuses a bad Get Many prefix', async () => {
			await refused(params('getMany', { filters: { prefix: '61abc' } }), 'Prefix "61abc" is not a number prefix: use E.164 digits like "+612" or a national prefix like "02" [item 0]');
		});
	});

	describe('field limits', () => {
		it('display name over 100 characters', async () => {
			await refused(create({ additionalFields: { displayName: long(101) } }), 'Display Name is 101 characters long: Enfonica allows at most 100 [item 0]');
		});

		it('more than 50 labels', async () => {
			const many = Array.from({ length: 51 }, (_, i): [string, string] => [`k${i}`, 'v']);
			await refused(update({ labels: labels(many) }), 'Labels has 51 labels: Enfonica allows at most 50 [item 0]');
		});

		it('label key over 100 characters', async () => {
			await refused(create({ additionalFields: { labels: labels([[long(101), 'v']]) } }), `Labels has a key 101 characters long ("${long(20)}…"): at most 100 are allowed [item 0]`);
		});

		it('label value over 1000 characters', async () => {
			await refused(update({ labels: labels([['k', long(1001)]]) }), 'Labels has a value 1001 characters long for the key "k": at most 1000 are allowed [item 0]');
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

	describe('names and sizes', () => {
		it.each(['My Project', 'projects/', 'projects/acme/extra', '-acme'])('malformed project %j', async (project) => {
			await refused(params('get', { project, phoneNumberInstance: byName('abc') }), `Project "${project}" is not a valid project: use the project ID (e.g. "my-project") or "projects/my-project" [item 0]`);
		});

		// Expressions get past the editor's regex check on By Name, so the node checks again.
		it.each(['projects/acme/phoneNumberInstances/', 'projects/acme/numbers/abc', 'a b', 'projects/Acme/phoneNumberInstances/abc'])('malformed instance %j', async (value) => {
			await refused(
				params('delete', { phoneNumberInstance: byName(`={{ ${JSON.stringify(value)} }}`) }),
				`Phone Number Instance "${value}" is not a valid instance: use "projects/<project>/phoneNumberInstances/<id>" or the instance ID [item 0]`,
			);
		});

		it('a typed malformed instance is already refused by the editor check (n8n parameter issues)', async () => {
			await refused(params('delete', { phoneNumberInstance: byName('projects/acme/numbers/abc') }), /has issues:[\s\S]*Use projects\/<project>\/phoneNumberInstances\/<id> or the instance ID/);
		});

		it('empty instance', async () => {
			await refused(params('get', { phoneNumberInstance: byName('={{ "" }}') }), 'Phone Number Instance is empty [item 0]');
		});

		it.each([0, -3, 2.5, '={{ "ten" }}'])('split size %j', async (size) => {
			await refused(params('splitRange', { phoneNumberInstance: byName(instance), size }), /^Size must be a whole number of at least 1 \(got .*\) \[item 0\]$/);
		});

		it('move to the same project (by name and by number)', async () => {
			await refused(params('move', { phoneNumberInstance: byName(instance), destinationProject: 'projects/acme' }), "Destination Project is the instance's own project (projects/acme): choose a different project [item 0]");
			await refused(params('move', { phoneNumberInstance: byPhone('+61255501100'), destinationProject: 'acme' }), "Destination Project is the instance's own project (projects/acme): choose a different project [item 0]");
		});

		it('no project on the node, the credential or the key', async () => {
			const credentialId = bed.h.addCredential({ authentication: 'bearerToken', bearerToken: 'bt-unused', baseUrl: bed.emu.baseUrl }).id;
			bed.emu.clearLog();
			const result = await bed.h.runNode({ parameters: params('get', { phoneNumberInstance: byName('abc') }), credentialId });
			expect(result.error?.message).toBe('Project is empty: set it on the node or set a Project ID in the Enfonica credential [item 0]');
			expect(bed.emu.requests).toHaveLength(0);
		});

		it('malformed destination project', async () => {
			await refused(params('move', { phoneNumberInstance: byName(instance), destinationProject: 'Other_Project' }), /^Destination Project "Other_Project" is not a valid project.*\[item 0\]$/);
		});

		it('update with no field set', async () => {
			await refused(update({}), 'Update Fields is empty: add at least one field to change (add a field and leave it empty to clear it) [item 0]');
		});

		it('a Limit below 1 from an expression', async () => {
			await refused(params('getMany', { limit: '={{ 0 }}' }), 'Limit must be a whole number of at least 1 (got 0) [item 0]');
		});
	});

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
