import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { TestBed } from '../../../support/setup';
import { byName, expectRefused, startTestBed } from '../../../support/setup';
import { byPhone, params, sent } from '../../../support/operations';

/**
 * What Enfonica would refuse is refused before anything is sent, and values are never changed
 * without a word: one rule per kind of value (phone number, handler URI, region code, text,
 * prefix), whatever the operation.
 */
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const containing = (text: string) => new RegExp(escaped(text));

describe('refused before sending, never changed without a word', () => {
	let bed: TestBed;
	let instance: string;

	beforeAll(async () => {
		bed = await startTestBed('acme');
		[{ name: instance }] = bed.emu.seed('acme', [{ phoneNumber: '+61255501100', id: '12345' }]);
		bed.emu.addInventoryNumbers(['+61255509000', '+390612345678']);
	});
	afterAll(async () => await bed.close());
	beforeEach(() => bed.emu.clearLog());

	const refused = async (parameters: INodeParameters, message: string | RegExp, items?: IDataObject[]) => await expectRefused(bed, parameters, message, items);
	const run = async (parameters: INodeParameters, items?: IDataObject[]) => await bed.h.runNode({ parameters, credentialId: bed.credentialId, items });
	const update = (updateFields: IDataObject) => params('update', { phoneNumberInstance: byName(instance), updateFields });
	const search = (extra: IDataObject): INodeParameters => ({ resource: 'phoneNumber', operation: 'search', limit: 1, ...extra }) as INodeParameters;
	const listing = (extra: IDataObject): INodeParameters =>
		({ resource: 'regulatoryListing', operation: 'create', entityType: 'business', businessName: 'Acme Pty Ltd', addressLines: '10 Example Street', ...extra }) as INodeParameters;

	describe('a Create batch with one bad item sends nothing', () => {
		it('5 items, the 4th with the call handler tel:+6125: 0 requests, the item and the field named', async () => {
			const items = ['+61255502001', '+61255502002', '+61255502003', '+61255502004', '+61255502005'].map((phoneNumber, i) => ({ phoneNumber, target: i === 3 ? 'tel:+6125' : 'tel:+61255501000' }));
			await refused(
				params('create', { phoneNumber: '={{ $json.phoneNumber }}', additionalFields: { incomingCallHandlerUris: '={{ $json.target }}' } }),
				'Incoming Call Handler URIs has "tel:+6125", whose number is not a valid phone number for +61 [item 3]',
				items,
			);
			expect(bed.emu.listStored('acme')).toHaveLength(1);
		});
	});

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

	describe('region codes: ISO 3166-1 alpha-2 only, one rule everywhere', () => {
		it.each(['UK', 'EU'])('a listing address in %j is refused', async (regionCode) => {
			await refused(listing({ regionCode }), new RegExp(`^Region Code "${regionCode}" is not a two-letter ISO 3166 country code such as AU, NZ or US.* \\[item 0\\]$`));
		});

		it('UK says which code to use', async () => {
			await refused(listing({ regionCode: 'uk' }), 'Region Code "UK" is not a two-letter ISO 3166 country code such as AU, NZ or US (use GB) [item 0]');
		});

		it.each(['UK', 'EU', 'XK'])('Phone Number → Search and Regulatory Listing → Search refuse %j too', async (code) => {
			await refused(search({ countryCode: code }), /^Country Code ".." is not a two-letter ISO 3166 country code/);
			await refused({ resource: 'regulatoryListing', operation: 'search', regionCode: code, numberType: 'LOCAL' } as INodeParameters, /^Region Code ".." is not a two-letter ISO 3166 country code/);
		});

		it('a listing in Antarctica (assigned, no phone numbers) is still accepted', async () => {
			const result = await run(listing({ regionCode: 'aq' }));
			expect(result.error).toBeUndefined();
			expect(sent(bed)[0].body).toEqual(expect.objectContaining({ address: { addressLines: ['10 Example Street'], regionCode: 'AQ' } }));
		});
	});

	describe('a number with an extension is refused wherever a number is read', () => {
		const extension = '"+61 2 5550 1236 ext. 5" has an extension (5): an extension can be neither bought nor looked up, give the number without it [item 0]';

		it('buying', async () => {
			await refused(params('create', { phoneNumber: '+61 2 5550 1236 ext. 5' }), `Phone Number ${extension}`);
		});

		it('looking up (a locator by phone number)', async () => {
			await refused(params('get', { phoneNumberInstance: byPhone('+61 2 5550 1236 ext. 5') }), `Phone Number Instance (By Phone Number) ${extension}`);
		});

		it.each(['+61255501236;ext=5', '+61 2 5550 1236 #5', '+61 2 5550 1236 x5'])('%j', async (phoneNumber) => {
			await refused(params('create', { phoneNumber }), /has an extension \(5\)/);
		});

		it('and text around a number', async () => {
			await refused(params('create', { phoneNumber: 'call +61 2 5550 1236 now' }), 'Phone Number "call +61 2 5550 1236 now" has characters that are not part of a phone number: give the number alone [item 0]');
		});
	});

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

	describe('wrong types are named, not called empty', () => {
		it('a list for Phone Number', async () => {
			await refused(params('create', { phoneNumber: '={{ ["+61255509000"] }}' }), 'Phone Number must be one phone number, not a list (got ["+61255509000"]) [item 0]');
		});

		it('a number for a locator value is its text', async () => {
			const result = await run(params('get', { phoneNumberInstance: { __rl: true, mode: 'name', value: '={{ 12345 }}' } }));
			expect(result.error).toBeUndefined();
			expect(sent(bed)).toEqual([{ method: 'GET', path: '/v1beta1/projects/acme/phoneNumberInstances/12345', query: {}, body: undefined }]);
		});

		it('an object for a locator value', async () => {
			await refused(params('get', { phoneNumberInstance: { __rl: true, mode: 'name', value: '={{ { id: 1 } }}' } }), 'Phone Number Instance must be the instance\'s name or ID, not an object (got {"id":1}) [item 0]');
		});

		it('a number for Country Code', async () => {
			await refused(search({ countryCode: '={{ 61 }}' }), 'Country Code must be a two-letter ISO 3166 country code such as AU, NZ or US, not a number (got 61) [item 0]');
		});

		it('a number for Default Country is refused, not ignored', async () => {
			await refused(params('create', { phoneNumber: '02 5550 9000', options: { defaultCountry: '={{ 61 }}' } }), 'Default Country must be a two-letter ISO 3166 country code such as AU, NZ or US, not a number (got 61) [item 0]');
		});
	});
});
