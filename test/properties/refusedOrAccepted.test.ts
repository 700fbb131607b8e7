import fc from 'fast-check';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { apiRequests, byName, useTestBed } from '../support/setup';
import { byPhone, params } from '../support/operations';

/**
 * For every generated value of each kind (phone number, handler URI, text, region code, prefix,
 * resource name), good, bad and edge alike: either the node refuses it before sending anything,
 * or the emulator (which stands for Enfonica and has its own rules) accepts it. A value the node
 * sends and Enfonica refuses would cost a half-applied batch; this finds such values.
 * Fixed seed and bounded runs, so it is repeatable and quick.
 */
/** Another seed explores other values: PROPERTY_SEED=7 npx jest test/properties/refusedOrAccepted.test.ts */
const SEED = Number(process.env.PROPERTY_SEED ?? 16);
const RUNS = 60;

/** A value as the node gets it: text as typed, anything else from an expression. */
const typed = (value: unknown): string => (typeof value === 'string' && !value.startsWith('=') ? value : `={{ ${JSON.stringify(value)} }}`);
const noBraces = (text: string) => !text.includes('{{') && !text.includes('}}');

const piece = (...options: string[]) => fc.constantFrom(...options);
const join = (...parts: Array<fc.Arbitrary<string>>) => fc.tuple(...parts).map((values) => values.join(''));

const GOOD_NUMBERS = ['+61255501400', '+61 2 5550 1401', '+64 9 555 0403', '+1 202 555 0104', '+39 06 1234 5678', '+61491578105', '+61-2-5550-1406', '+61 (0)2 5550 1407'];
const BAD_NUMBERS = ['+6125', '+61', '+999 123', '02 5550', '+0255501100', '(02) 5550 1402'];
const numberText = fc.oneof(
	{ weight: 3, arbitrary: join(piece(...GOOD_NUMBERS), piece('', ' ')) },
	{ weight: 2, arbitrary: join(piece(...GOOD_NUMBERS, ...BAD_NUMBERS), piece('', ' ext. 5', ';ext=12', '#7', ' x3', 'a', ' now', '-', '  ')) },
	{ weight: 1, arbitrary: join(piece('', 'call ', '00', '0011 ', 'tel:', '+'), fc.stringMatching(/^[0-9 ()+.-]{0,16}$/)) },
);
const phoneNumber = fc.oneof(
	{ weight: 6, arbitrary: numberText },
	{ weight: 1, arbitrary: fc.oneof(fc.integer(), fc.array(piece(...GOOD_NUMBERS), { maxLength: 2 }), fc.constant({ number: '+61255501400' }), fc.boolean()) },
);

const goodHost = piece('example.com', 'hooks.example.com', '1.2.3.4', '[::1]', 'münchen.de', 'localhost', 'x.com.');
const host = fc.oneof(goodHost, piece('exa_mple.com', '', 'a..b', '-x.com', 'a b'));
const webUrl = fc.oneof(
	join(piece('https://', 'http://', 'HTTPS://'), goodHost, piece('', ':443', ':8080'), piece('', '/', '/sms', '/x?y=1,2', '/%20', '#frag', '/é', '/a,b')),
	join(
		piece('https://', 'http://', 'HTTPS://', 'ftp://', 'https:/', '//', 'https:///'),
		piece('', '', 'user:pw@', '@', 'user@'),
		host,
		piece('', ':443', ':0', ':8080', ':99999', ':x'),
		piece('', '/', '/sms', '/a b', '/x?y=1,2', '/\t', '/%20', '#frag', '/é'),
	),
);
const sipUri = fc.oneof(
	join(piece('sip:'), piece('desk', 'r.x', 'reception'), piece('@'), goodHost, piece('', ':5060')),
	join(piece('sip:', 'SIP:', 'sips:'), piece('desk', '', 'a b', 'r.x', 'a@b'), piece('@', ''), host, piece('', ':5060', ':0', ':70000')),
);
const telUri = join(piece('tel:', 'TEL:', 'tel:'), numberText);
const uriList = (uri: fc.Arbitrary<string>) =>
	fc.oneof(
		{ weight: 3, arbitrary: uri },
		{ weight: 2, arbitrary: fc.array(uri, { minLength: 1, maxLength: 3 }).chain((uris) => piece('\n', ',', ', ', ' , ').map((separator) => uris.join(separator))) },
		{ weight: 1, arbitrary: fc.array(fc.oneof(uri, uri, fc.integer(), fc.constant({ u: 1 })), { maxLength: 6 }) },
	);

const text = fc.oneof(
	fc.string({ maxLength: 120 }).filter(noBraces),
	fc.string({ minLength: 95, maxLength: 1005, unit: 'grapheme' }).filter(noBraces),
	fc.integer(),
	fc.double({ noNaN: true }),
	fc.boolean(),
	fc.constant(null),
	fc.array(fc.string({ maxLength: 3 }).filter(noBraces), { maxLength: 2 }),
	fc.dictionary(fc.stringMatching(/^[a-z]{1,3}$/), fc.integer(), { maxKeys: 2 }),
);

const regionCode = fc.oneof(
	piece('AU', 'NZ', 'GB', 'US', 'au', 'AQ', 'FR', ' nz '),
	fc.stringMatching(/^[A-Za-z]{2}$/),
	fc.oneof(piece('UK', 'EU', 'XK', 'ZZ', 'AUS', ''), fc.integer({ min: 0, max: 999 })),
);
const prefixText = fc.oneof(
	join(piece('', '+', '00', '0011', '011', '0', '+61', '0061', '+39', '0039', '+1', '1', '810'), fc.stringMatching(/^[0-9 ()-]{0,8}$/)),
	fc.stringMatching(/^[0-9+a-z#]{1,6}$/),
	fc.integer({ min: 0, max: 99999 }),
);
const country = piece('AU', 'IT', 'US', 'GB', 'NZ', 'RU');
const resourceId = fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{1,20}$/), piece('projects/acme/phoneNumberInstances/abc', 'projects/other/phoneNumberInstances/x', 'a/b', '..', 'a b', ''), fc.integer({ min: 0 }), fc.constant({ id: 1 }));

describe('every value: refused before sending, or accepted by Enfonica', () => {
	const bed = useTestBed('acme');
	let instance: string;

	beforeAll(() => {
		[{ name: instance }] = bed.emu.seed('acme', [{ phoneNumber: '+61255501100' }]);
	});

	/**
	 * Runs the node; passes when it refused with nothing sent, or when no request it sent was
	 * refused as invalid (400). Returns which of the two happened.
	 */
	async function refusedOrAccepted(parameters: INodeParameters): Promise<'refused' | 'sent'> {
		bed.emu.clearLog();
		const result = await bed.h.runNode({ parameters, credentialId: bed.credentialId });
		const requests = apiRequests(bed.emu);
		if (result.error && requests.length === 0) return 'refused';
		const refusedByEnfonica = requests.filter((request) => request.status === 400).map(({ method, path, query, body }) => ({ method, path, query, body, error: result.error?.message }));
		expect(refusedByEnfonica).toEqual([]);
		return 'sent';
	}

	/** The property over `numRuns` values; both outcomes must occur, or the generator proves nothing. */
	const check = async <T>(arbitrary: fc.Arbitrary<T>, toParameters: (value: T) => INodeParameters, numRuns = RUNS) => {
		const outcomes = { refused: 0, sent: 0 };
		await fc.assert(
			fc.asyncProperty(arbitrary, async (value) => {
				outcomes[await refusedOrAccepted(toParameters(value))]++;
			}),
			{ seed: SEED, numRuns },
		);
		expect(outcomes.refused).toBeGreaterThan(numRuns / 10);
		expect(outcomes.sent).toBeGreaterThan(numRuns / 10);
	};
	const update = (updateFields: IDataObject) => params('update', { phoneNumberInstance: byName(instance), updateFields });

	it('phone numbers: Create', async () => {
		await check(fc.tuple(phoneNumber, fc.option(country, { nil: undefined })), ([value, defaultCountry]) =>
			params('create', { phoneNumber: typed(value), options: defaultCountry ? { defaultCountry } : {} }),
		);
	});

	it('phone numbers: the By Phone Number locator', async () => {
		await check(phoneNumber, (value) => params('get', { phoneNumberInstance: byPhone(typed(value)) }), 50);
	});

	it('call handler URIs', async () => {
		await check(uriList(fc.oneof(webUrl, sipUri, telUri)), (value) => update({ incomingCallHandlerUris: typed(value) }), 120);
	});

	it('message handler URIs', async () => {
		await check(uriList(fc.oneof(webUrl, webUrl, sipUri)), (value) => update({ incomingMessageHandlerUris: typed(value) }), 120);
	});

	it('text: display name, label keys and values', async () => {
		await check(fc.tuple(text, text, text), ([displayName, key, value]) => update({ displayName: typed(displayName), labels: { label: [{ key: typed(key), value: typed(value) }] } }));
	});

	it('region codes: a listing address and Phone Number → Search', async () => {
		await check(regionCode, (value) =>
			({ resource: 'regulatoryListing', operation: 'create', entityType: 'business', businessName: 'Acme', addressLines: '1 Example St', locality: 'X', administrativeArea: 'Y', postalCode: '2000', regionCode: typed(value) }) as INodeParameters,
		);
		await check(regionCode, (value) => ({ resource: 'phoneNumber', operation: 'search', countryCode: typed(value), limit: 1 }) as INodeParameters, 50);
	});

	it('prefixes: Phone Number → Search and Get Many', async () => {
		await check(fc.tuple(prefixText, country), ([prefix, countryCode]) => ({ resource: 'phoneNumber', operation: 'search', countryCode, limit: 1, filters: { prefix: typed(prefix) } }) as INodeParameters);
		await check(fc.tuple(prefixText, fc.option(country, { nil: undefined })), ([prefix, defaultCountry]) =>
			params('getMany', { limit: 1, filters: { prefix: typed(prefix) }, options: defaultCountry ? { defaultCountry } : {} }),
		);
	});

	it('resource names and project IDs', async () => {
		await check(fc.tuple(resourceId, fc.oneof(piece('', 'acme', 'projects/acme', 'Acme', 'a b', 'other'), fc.integer({ min: 0, max: 99 }))), ([value, project]) =>
			params('get', { project: typed(project), phoneNumberInstance: { __rl: true, mode: 'name', value: typed(value) } }),
		);
	});
});
