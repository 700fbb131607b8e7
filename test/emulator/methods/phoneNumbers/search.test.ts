/** Raw-HTTP tests of GET /v1beta1/phoneNumbers:search and its inventory (numbers for sale). */
import { startEmulator, type Emulator, type PhoneNumberJson } from '../..';
import { apiClient, collectPages, collectionPath, resourcePath, type ApiClient } from '../../testSupport';

const SEARCH = '/v1beta1/phoneNumbers:search';

let emu: Emulator;
let api: ApiClient;

const SYDNEY = Array.from({ length: 8 }, (_, i) => `+6125560000${i}`);
const SYDNEY_VOICE_ONLY = ['+61255600010', '+61255600011'];
const MELBOURNE = ['+61355600000', '+61355600001', '+61355600002'];
const MOBILE = ['+61491578200', '+61491578201'];
const FREECALL = ['+611800160420', '+611800160421'];
const SHARED = ['+611300975720'];
const NZ = ['+6495550200', '+64215550200'];
const US = ['+12025550150'];
const AU = [...SYDNEY, ...SYDNEY_VOICE_ONLY, ...MELBOURNE, ...MOBILE, ...SHARED, ...FREECALL];

beforeAll(async () => {
	emu = await startEmulator();
	emu.addBearerToken('search-token', { label: 'search-tests' });
	api = apiClient(emu.baseUrl, 'search-token');
	emu.addInventoryNumbers([
		...SYDNEY,
		...SYDNEY_VOICE_ONLY.map((phoneNumber) => ({ phoneNumber, capabilities: ['VOICE' as const] })),
		...MELBOURNE,
		...MOBILE,
		...FREECALL.map((phoneNumber) => ({ phoneNumber, activationSku: 'services/numbering/skus/au-toll-free-activation' })),
		...SHARED,
		...NZ,
		...US,
	]);
});

afterAll(() => emu.close());

function expectBadRequest(result: { status: number; json: any }, field: string, messagePart?: string): void {
	expect(result.status).toBe(400);
	expect(result.json.error.status).toBe('INVALID_ARGUMENT');
	expect(result.json.error.details[0].fieldViolations[0].field).toBe(field);
	if (messagePart !== undefined) expect(result.json.error.message).toContain(messagePart);
}

async function search(query: string): Promise<{ status: number; json: any }> {
	return api('GET', `${SEARCH}?${query}`);
}

/** Every number of a query, following nextPageToken; also returns the page sizes. */
async function searchAll(query: string): Promise<{ numbers: string[]; pageSizes: number[] }> {
	const { items, pageSizes } = await collectPages<PhoneNumberJson>(api, SEARCH, query, 'phoneNumbers');
	return { numbers: items.map((number) => number.phoneNumber), pageSizes };
}

const ascending = (numbers: string[]): string[] => [...numbers].sort((a, b) => (BigInt(a.slice(1)) < BigInt(b.slice(1)) ? -1 : 1));

describe('authentication and routing', () => {
	it('needs authentication only: no project and no numbering permission', async () => {
		expect((await apiClient(emu.baseUrl)('GET', `${SEARCH}?countryCode=AU`)).status).toBe(401);
		emu.addBearerToken('search-nobody', { projects: [], permissions: [] });
		const result = await apiClient(emu.baseUrl, 'search-nobody')('GET', `${SEARCH}?countryCode=NZ`);
		expect(result.status).toBe(200);
		expect(result.json.phoneNumbers.map((n: PhoneNumberJson) => n.phoneNumber)).toEqual(NZ);
	});

	it('answers another verb with 404 and Allow: GET', async () => {
		const result = await api('POST', SEARCH, {});
		expect(result.status).toBe(404);
		expect(result.headers.get('allow')).toBe('GET');
	});

	it('is logged and can be faulted like any API call', async () => {
		emu.clearLog();
		emu.injectFault({ path: SEARCH, fault: { kind: 'status', status: 503 } });
		expect((await search('countryCode=US')).status).toBe(503);
		expect((await search('countryCode=US')).status).toBe(200);
		expect(emu.requests.map((entry) => [entry.method, entry.path, entry.query, entry.status, entry.principal, entry.fault])).toEqual([
			['GET', SEARCH, { countryCode: 'US' }, 503, 'search-tests', 'status:503'],
			['GET', SEARCH, { countryCode: 'US' }, 200, 'search-tests', undefined],
		]);
	});

	it('refuses unknown and repeated query parameters', async () => {
		expect((await search('countryCode=AU&areaCode=2')).json.error.message).toContain('Unknown name "areaCode"');
		expectBadRequest(await search('countryCode=AU&countryCode=NZ'), 'countryCode');
	});
});

describe('rendering', () => {
	it('renders a PhoneNumber named phoneNumbers/{E.164} with sku and, when charged, activationSku', async () => {
		const result = await search('countryCode=AU&numberType=TOLL_FREE');
		expect(result.status).toBe(200);
		expect(result.json).toEqual({
			phoneNumbers: FREECALL.map((phoneNumber) => ({
				name: `phoneNumbers/${phoneNumber}`,
				phoneNumber,
				capabilities: ['VOICE'],
				sku: 'services/numbering/skus/au-toll-free-monthly',
				activationSku: 'services/numbering/skus/au-toll-free-activation',
				numberType: 'TOLL_FREE',
				countryCode: 'AU',
			})),
		});
		const local = (await search('countryCode=AU&numberType=LOCAL&pageSize=1')).json.phoneNumbers[0];
		expect(local).toEqual({
			name: `phoneNumbers/${SYDNEY[0]}`,
			phoneNumber: SYDNEY[0],
			capabilities: ['SMS', 'VOICE'],
			sku: 'services/numbering/skus/au-local-monthly',
			numberType: 'LOCAL',
			countryCode: 'AU',
		});
		expect(local).not.toHaveProperty('activationSku');
	});

	it('lists a country lowest number first and omits an empty result', async () => {
		expect((await searchAll('countryCode=AU&pageSize=100')).numbers).toEqual(ascending(AU));
		expect((await search('countryCode=US')).json.phoneNumbers.map((n: PhoneNumberJson) => n.countryCode)).toEqual(['US']);
		const none = await search('countryCode=FR');
		expect(none.status).toBe(200);
		expect(none.json).toEqual({});
	});

	it('agrees with the listInventory test control', async () => {
		expect((await search('countryCode=NZ')).json.phoneNumbers).toEqual(emu.listInventory('NZ'));
	});
});

describe('countryCode', () => {
	it.each([
		['missing', '', 'is required'],
		['empty', 'countryCode=', 'is required'],
		['lower case', 'countryCode=au', 'alpha-2'],
		['alpha-3', 'countryCode=AUS', 'alpha-2'],
		['a calling code', 'countryCode=61', 'alpha-2'],
		['UK, which ISO 3166-1 does not assign', 'countryCode=UK', 'alpha-2'],
		['EU, not a country', 'countryCode=EU', 'alpha-2'],
	])('is refused when %s', async (_, query, messagePart) => {
		expectBadRequest(await search(query), 'countryCode', messagePart);
	});

	it('accepts the snake_case spelling', async () => {
		expect((await search('country_code=NZ')).json.phoneNumbers).toHaveLength(2);
	});
});

describe('numberType', () => {
	it.each<[string, string[]]>([
		['LOCAL', [...SYDNEY, ...SYDNEY_VOICE_ONLY, ...MELBOURNE]],
		['MOBILE', MOBILE],
		['3', MOBILE],
		['TOLL_FREE', FREECALL],
		['SHARED_RATE', SHARED],
		['NATIONAL', []],
		['PHONE_NUMBER_TYPE_UNSPECIFIED', AU],
		['0', AU],
	])('%s', async (numberType, expected) => {
		expect((await searchAll(`countryCode=AU&numberType=${numberType}&pageSize=100`)).numbers).toEqual(ascending(expected));
	});

	it('takes the snake_case name and refuses unknown values', async () => {
		expect((await searchAll('countryCode=NZ&number_type=MOBILE')).numbers).toEqual(['+64215550200']);
		expectBadRequest(await search('countryCode=AU&numberType=GEOGRAPHIC'), 'numberType');
		expectBadRequest(await search('countryCode=AU&numberType=9'), 'numberType');
	});
});

describe('prefix', () => {
	it.each<[string, string[]]>([
		['2', [...SYDNEY, ...SYDNEY_VOICE_ONLY]],
		['02', [...SYDNEY, ...SYDNEY_VOICE_ONLY]],
		['3', MELBOURNE],
		['03', MELBOURNE],
		['25560000', SYDNEY],
		['1800', FREECALL],
		['01800', FREECALL],
		['13', SHARED],
		['4915782', MOBILE],
		['04', MOBILE],
		['0', AU],
		['', AU],
		['7', []],
		['61', []],
	])('"%s"', async (prefix, expected) => {
		expect((await searchAll(`countryCode=AU&prefix=${prefix}&pageSize=100`)).numbers).toEqual(ascending(expected));
	});

	it('is read after the country code of each country', async () => {
		expect((await searchAll('countryCode=NZ&prefix=09')).numbers).toEqual(['+6495550200']);
		expect((await searchAll('countryCode=US&prefix=202')).numbers).toEqual(US);
	});

	it('drops only the country\'s own trunk prefix: in Italy the 0 is part of the number', async () => {
		emu.addInventoryNumbers(['+390612345678', '+393123456789']);
		expect((await searchAll('countryCode=IT&prefix=06')).numbers).toEqual(['+390612345678']);
		expect((await searchAll('countryCode=IT&prefix=6')).numbers).toEqual([]);
	});

	it.each([
		['an E.164 prefix', '%2B612'],
		['a raw +', '+612'],
		['letters', '2a'],
		['spaces', '2%205'],
		['a dash', '02-5560'],
	])('refuses %s', async (_, prefix) => {
		expectBadRequest(await search(`countryCode=AU&prefix=${prefix}`), 'prefix', 'digits only');
	});
});

describe('capability flags', () => {
	it('supportsSms leaves out voice-only numbers', async () => {
		const sms = (await searchAll('countryCode=AU&supportsSms=true&pageSize=100')).numbers;
		expect(sms).toEqual(ascending([...SYDNEY, ...MELBOURNE, ...MOBILE]));
		expect((await searchAll('countryCode=AU&prefix=2&supports_sms=true')).numbers).toEqual(SYDNEY);
	});

	it('supportsMms keeps only numbers with MMS, supportsVoice those with VOICE', async () => {
		expect((await searchAll('countryCode=AU&supportsMms=true')).numbers).toEqual(MOBILE);
		expect((await searchAll('countryCode=AU&supportsVoice=true&pageSize=100')).numbers).toEqual(ascending(AU));
		expect((await searchAll('countryCode=AU&supportsSms=true&supportsMms=true&supportsVoice=true')).numbers).toEqual(MOBILE);
	});

	it('false means no filter, and only true/false are accepted', async () => {
		expect((await searchAll('countryCode=AU&supportsSms=false&pageSize=100')).numbers).toEqual(ascending(AU));
		expectBadRequest(await search('countryCode=AU&supportsSms=yes'), 'supportsSms');
		expectBadRequest(await search('countryCode=AU&supportsMms=1'), 'supportsMms');
	});

	it('combines with numberType and prefix', async () => {
		expect((await searchAll('countryCode=AU&numberType=LOCAL&prefix=02&supportsSms=true')).numbers).toEqual(SYDNEY);
		expect((await searchAll('countryCode=AU&numberType=TOLL_FREE&supportsSms=true')).numbers).toEqual([]);
	});
});

describe('paging', () => {
	it('defaults to 10 per page (also pageSize=0) and pages through everything once', async () => {
		expect(await searchAll('countryCode=AU')).toEqual({ numbers: ascending(AU), pageSizes: [10, AU.length - 10] });
		expect((await searchAll('countryCode=AU&pageSize=0')).pageSizes).toEqual([10, AU.length - 10]);
	});

	it('honours pageSize, which may change between pages', async () => {
		expect((await searchAll('countryCode=AU&pageSize=4')).pageSizes).toEqual([4, 4, 4, 4, AU.length - 16]);
		const first = await search('countryCode=AU&pageSize=4');
		const second = await search(`countryCode=AU&page_size=6&page_token=${encodeURIComponent(first.json.nextPageToken)}`);
		expect(second.json.phoneNumbers.map((n: PhoneNumberJson) => n.phoneNumber)).toEqual(ascending(AU).slice(4, 10));
	});

	it('caps pageSize at 100 and refuses negative or non-integer sizes', async () => {
		const block = Array.from({ length: 105 }, (_, i) => `+6126100${String(i).padStart(4, '0')}`);
		emu.addInventoryNumbers(block);
		const page = await search('countryCode=AU&prefix=26100&pageSize=500');
		expect(page.json.phoneNumbers).toHaveLength(100);
		expect(page.json.nextPageToken).toEqual(expect.any(String));
		expectBadRequest(await search('countryCode=AU&pageSize=-1'), 'pageSize');
		expectBadRequest(await search('countryCode=AU&pageSize=ten'), 'pageSize');
	});

	it('binds the token to the query, normalised', async () => {
		const token = encodeURIComponent((await search('countryCode=AU&prefix=2&pageSize=2')).json.nextPageToken);
		expect((await search(`countryCode=AU&prefix=02&pageSize=2&pageToken=${token}`)).status).toBe(200);
		for (const other of ['countryCode=AU&prefix=3', 'countryCode=AU', 'countryCode=NZ&prefix=2', 'countryCode=AU&prefix=2&numberType=LOCAL', 'countryCode=AU&prefix=2&supportsSms=true']) {
			expectBadRequest(await search(`${other}&pageToken=${token}`), 'pageToken', 'must stay the same');
		}
		const typed = encodeURIComponent((await search('countryCode=AU&numberType=LOCAL&pageSize=2')).json.nextPageToken);
		expect((await search(`countryCode=AU&numberType=1&pageSize=2&pageToken=${typed}`)).status).toBe(200);
	});

	it('refuses garbage, tampered tokens and list tokens', async () => {
		expectBadRequest(await search('countryCode=AU&pageToken=abc'), 'pageToken', 'Invalid page token');
		const [payload, signature] = (await search('countryCode=AU&pageSize=2')).json.nextPageToken.split('.');
		const forged = Buffer.from(Buffer.from(payload, 'base64url').toString().replace('+61', '+62')).toString('base64url');
		expectBadRequest(await search(`countryCode=AU&pageToken=${forged}.${signature}`), 'pageToken');
		emu.seed('p-search-list', [{ phoneNumber: '+61255611000' }, { phoneNumber: '+61255611001' }]);
		const listToken = (await api('GET', `${collectionPath('p-search-list')}?pageSize=1`)).json.nextPageToken;
		expectBadRequest(await search(`countryCode=AU&pageToken=${encodeURIComponent(listToken)}`), 'pageToken');
	});

	it('neither repeats nor skips when a number is bought between pages', async () => {
		const first = await search('countryCode=AU&prefix=2556&pageSize=3');
		const seen = first.json.phoneNumbers.map((n: PhoneNumberJson) => n.phoneNumber);
		expect((await api('POST', collectionPath('p-search-paging'), { phoneNumber: { phoneNumber: seen[1] } })).status).toBe(200);
		const rest = await search(`countryCode=AU&prefix=2556&pageSize=100&pageToken=${encodeURIComponent(first.json.nextPageToken)}`);
		const later = rest.json.phoneNumbers.map((n: PhoneNumberJson) => n.phoneNumber);
		const expected = ascending([...SYDNEY, ...SYDNEY_VOICE_ONLY]).filter((number) => !seen.includes(number));
		expect(later).toEqual(expected);
	});
});

describe('buying from the inventory', () => {
	const buy = (project: string, phoneNumber: string) => api('POST', collectionPath(project), { phoneNumber: { phoneNumber } });

	it('a bought number leaves the search results and the instance carries its PhoneNumber', async () => {
		const offered = (await search('countryCode=AU&numberType=TOLL_FREE')).json.phoneNumbers as PhoneNumberJson[];
		const [chosen, other] = offered;
		const bought = await buy('p-buy', chosen.phoneNumber);
		expect(bought.status).toBe(200);
		expect(bought.json.phoneNumber).toEqual(chosen);
		expect((await search('countryCode=AU&numberType=TOLL_FREE')).json.phoneNumbers).toEqual([other]);
		expect(emu.listInventory('AU').map((n) => n.phoneNumber)).not.toContain(chosen.phoneNumber);
		// Someone else cannot buy it any more, in any project.
		expect((await buy('p-buy-2', chosen.phoneNumber)).status).toBe(409);
	});

	it('keeps the inventory capabilities on the instance (a voice-only local number has no SMS)', async () => {
		const bought = await buy('p-buy', SYDNEY_VOICE_ONLY[0]);
		expect(bought.json.phoneNumber).toMatchObject({ capabilities: ['VOICE'], sku: 'services/numbering/skus/au-local-monthly', numberType: 'LOCAL' });
		expect(bought.json.phoneNumber).not.toHaveProperty('activationSku');
		expect((await api('GET', resourcePath(bought.json.name))).json.phoneNumber).toEqual(bought.json.phoneNumber);
	});

	it('does not put a deleted number back on sale (carriers quarantine disconnected numbers)', async () => {
		const bought = await buy('p-buy', SHARED[0]);
		expect((await api('DELETE', resourcePath(bought.json.name))).status).toBe(200);
		expect((await search('countryCode=AU&numberType=SHARED_RATE')).json).toEqual({});
		// The number itself may still be provisioned again by create, as any number outside the inventory.
		expect((await buy('p-buy', SHARED[0])).status).toBe(200);
	});

	it('still provisions numbers that are not for sale, without sku', async () => {
		const bought = await buy('p-buy', '+61255612000');
		expect(bought.status).toBe(200);
		expect(bought.json.phoneNumber).toEqual({
			name: 'phoneNumbers/+61255612000',
			phoneNumber: '+61255612000',
			capabilities: ['SMS', 'VOICE'],
			numberType: 'LOCAL',
			countryCode: 'AU',
		});
	});

	it('never offers a number that a seeded instance or range holds', async () => {
		const numbers = ['+61255613000', '+61255613001', '+61255613002', '+61255613003'];
		emu.addInventoryNumbers(numbers);
		expect((await searchAll('countryCode=AU&prefix=255613')).numbers).toEqual(numbers);
		emu.seed('p-held', [{ phoneNumber: numbers[0] }, { phoneNumber: numbers[1], rangeSize: 2 }]);
		expect((await searchAll('countryCode=AU&prefix=255613')).numbers).toEqual([numbers[3]]);
		const [seeded] = emu.listStored('p-held').filter((i) => i.phoneNumber.phoneNumber === numbers[0]);
		expect(seeded.phoneNumber.sku).toBe('services/numbering/skus/au-local-monthly');
	});

	it('refuses to put held, duplicate or invalid numbers up for sale (all or nothing)', () => {
		emu.seed('p-held-2', [{ phoneNumber: '+61255614000' }]);
		expect(() => emu.addInventoryNumbers(['+61255614001', '+61255614000'])).toThrow(/held/);
		expect(() => emu.addInventoryNumbers(['+61255614001', '+61255614001'])).toThrow(/twice/);
		expect(() => emu.addInventoryNumbers([SYDNEY[7]])).toThrow(/already for sale/);
		expect(() => emu.addInventoryNumbers(['+61212'])).toThrow(/not a valid/);
		expect(emu.listInventory('AU').map((n) => n.phoneNumber)).not.toContain('+61255614001');
	});

	it('takes custom sku, activation and capabilities', () => {
		const [added] = emu.addInventoryNumbers([{ phoneNumber: '+61255615000', sku: 'services/numbering/skus/gold', activationSku: 'services/numbering/skus/gold-setup', capabilities: ['VOICE'] }]);
		expect(added).toEqual({
			name: 'phoneNumbers/+61255615000',
			phoneNumber: '+61255615000',
			capabilities: ['VOICE'],
			sku: 'services/numbering/skus/gold',
			activationSku: 'services/numbering/skus/gold-setup',
			numberType: 'LOCAL',
			countryCode: 'AU',
		});
	});
});

describe('sample inventory', () => {
	let sample: Emulator;
	let sampleApi: ApiClient;

	beforeAll(async () => {
		sample = await startEmulator();
		sample.seedSample();
		sample.addBearerToken('sample');
		sampleApi = apiClient(sample.baseUrl, 'sample');
	});

	afterAll(() => sample.close());

	const numbersOf = async (query: string): Promise<PhoneNumberJson[]> => (await sampleApi('GET', `${SEARCH}?${query}&pageSize=100`)).json.phoneNumbers ?? [];

	it('sells Sydney and Melbourne local, mobile, 1800 and 1300 numbers in AU', async () => {
		const sydney = await numbersOf('countryCode=AU&numberType=LOCAL&prefix=02');
		expect(sydney.length).toBeGreaterThanOrEqual(10);
		expect(sydney.every((n) => n.phoneNumber.startsWith('+612'))).toBe(true);
		expect(sydney.some((n) => !n.capabilities?.includes('SMS'))).toBe(true);
		expect((await numbersOf('countryCode=AU&prefix=3')).every((n) => n.phoneNumber.startsWith('+613') && n.numberType === 'LOCAL')).toBe(true);
		expect((await numbersOf('countryCode=AU&prefix=3')).length).toBeGreaterThan(0);
		expect((await numbersOf('countryCode=AU&numberType=MOBILE')).length).toBeGreaterThan(0);
		const freecall = await numbersOf('countryCode=AU&numberType=TOLL_FREE');
		expect(freecall.length).toBeGreaterThan(0);
		expect(freecall.every((n) => n.phoneNumber.startsWith('+611800') && n.activationSku)).toBe(true);
		expect((await numbersOf('countryCode=AU&numberType=SHARED_RATE')).every((n) => n.phoneNumber.startsWith('+611300'))).toBe(true);
		expect(sydney.some((n) => n.activationSku === undefined)).toBe(true);
	});

	it('sells NZ and US numbers too, and none that a sample instance holds', async () => {
		expect((await numbersOf('countryCode=NZ')).length).toBeGreaterThan(0);
		expect((await numbersOf('countryCode=US')).length).toBeGreaterThan(0);
		const held = sample.listStored('demo-project').map((i) => i.phoneNumber.phoneNumber);
		const offered = (await numbersOf('countryCode=AU')).map((n) => n.phoneNumber);
		expect(offered.filter((number) => held.includes(number))).toEqual([]);
	});
});
