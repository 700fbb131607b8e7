/**
 * The corpus that proves Simplify's formats (helpers/phoneNumberFormats) are exactly
 * libphonenumber-js's, and the library's public API as the reference:
 * - a sweep of every calling code (geographic and non-geographic) × every possible national
 *   length of its countries (and one shorter, one longer) × every 2-digit start (3-digit for calling
 *   codes shared by several countries: +1, +7, +39, +44, +47, +61, +212, +262, +290, +358, +590,
 *   +599), each with a random tail;
 * - whole ranges of consecutive numbers (fixed lines, mobiles, toll-free, shared-rate, short
 *   numbers, ranges crossing a country or a number type);
 * - random numbers per calling code;
 * - hand-picked numbers for each shared calling code's countries, national prefixes kept in E.164
 *   (+7 8…, +54 9…), non-geographic codes, invalid and unparseable input, and empty.
 */
import { Metadata, parsePhoneNumberFromString } from 'libphonenumber-js';

import { seededRandom } from './drills';

export type Formats = { nationalFormat: string; internationalFormat: string; country: string };

/** The reference: the library's public API, as formatsOf used it before the fast path. */
export function reference(e164: string): Formats {
	const parsed = e164 ? parsePhoneNumberFromString(e164) : undefined;
	return {
		nationalFormat: parsed?.formatNational() ?? '',
		internationalFormat: parsed?.formatInternational() ?? '',
		country: parsed?.country ?? '',
	};
}

interface LibraryPlan {
	possibleLengths(): number[] | undefined;
}
interface LibraryMetadataJson {
	country_calling_codes: Record<string, string[]>;
	nonGeographic: Record<string, unknown>;
}
const metadata = new Metadata() as unknown as { metadata: LibraryMetadataJson; selectNumberingPlan(code: string): { numberingPlan: LibraryPlan } };
const json = metadata.metadata;
const geographicCodes = Object.keys(json.country_calling_codes);
const nonGeographicCodes = Object.keys(json.nonGeographic);
const sharedCodes = geographicCodes.filter((code) => json.country_calling_codes[code].length > 1);

function lengthsOf(code: string): number[] {
	const plans = json.country_calling_codes[code] ?? [code];
	const lengths = new Set<number>();
	for (const plan of plans) for (const length of metadata.selectNumberingPlan(plan).numberingPlan.possibleLengths() ?? []) lengths.add(length);
	for (const length of [...lengths]) {
		lengths.add(length - 1);
		lengths.add(length + 1);
	}
	return [...lengths].filter((length) => length >= 1 && length <= 18).sort((a, b) => a - b);
}

const next = seededRandom(12);
const digits = (count: number) => Array.from({ length: count }, () => Math.floor(next() * 10)).join('');

function sweep(): string[] {
	const numbers: string[] = [];
	for (const code of [...geographicCodes, ...nonGeographicCodes]) {
		const startDigits = sharedCodes.includes(code) ? 3 : 2;
		for (const length of lengthsOf(code)) {
			const starts = 10 ** Math.min(startDigits, length);
			for (let start = 0; start < starts; start++) {
				const head = String(start).padStart(Math.min(startDigits, length), '0');
				numbers.push(`+${code}${head}${digits(length - head.length)}`);
			}
		}
	}
	return numbers;
}

/** Every number from `first`, `count` of them (same length, the way the API lists a range). */
function range(first: string, count: number): string[] {
	const start = BigInt(first.slice(1));
	return Array.from({ length: count }, (_, index) => `+${(start + BigInt(index)).toString()}`);
}

const RANGES: Array<[string, number]> = [
	['+61370100000', 10_000], // the bench's numbers: AU fixed line
	['+61255500000', 2_000],
	['+61491570000', 2_000], // AU mobile
	['+61399999000', 2_000], // AU fixed line into mobile (+61 4…)
	['+61891620000', 2_000], // Cocos (Keeling) Islands, then Christmas Island (+61 8 9164)
	['+61891640000', 1_000],
	['+61130000000', 1_000], // AU 1300 shared-rate, 10 digits
	['+61180000000', 1_000], // AU 1800 toll-free
	['+61131000', 1_000], // AU 13 short numbers (6 digits)
	['+12015550000', 2_000], // US
	['+12049999000', 2_000], // CA (204) into US (205)
	['+14165550000', 1_000], // CA
	['+18765550000', 1_000], // JM
	['+18005550000', 1_000], // NANP toll-free
	['+19005550000', 1_000], // NANP premium
	['+74955550000', 1_000], // RU
	['+77015550000', 1_000], // KZ mobile
	['+78005550000', 1_000], // RU toll-free: starts with the national prefix 8
	['+442079460000', 1_000], // GB
	['+447700900000', 1_000], // GB mobile
	['+441481250000', 1_000], // GG
	['+441534450000', 1_000], // JE
	['+441624650000', 1_000], // IM
	['+443069990000', 1_000], // GB 03 shared-rate
	['+448081570000', 1_000], // GB 0808 toll-free
	['+33142680000', 1_000], // FR
	['+4930120000', 1_000], // DE, shorter than the usual lengths
	['+49301234560', 1_000],
	['+390612345000', 1_000], // IT, a national number starting with 0
	['+3906698000', 1_000], // VA
	['+5491123450000', 1_000], // AR mobile (the national prefix rule 9…)
	['+5215512340000', 1_000], // MX with the old mobile 1
	['+262262160000', 1_000], // RE
	['+262269610000', 1_000], // YT
	['+5999512000', 1_000], // CW
	['+5997150000', 1_000], // BQ
	['+4779000000', 1_000], // SJ
	['+358181230000', 1_000], // AX
	['+212528800000', 1_000], // MA (EH shares +212 but MA's leading digits [5-8] always win)
	['+80012345000', 1_000], // non-geographic (International Freephone)
	['+8613800138000', 1_000], // CN mobile
	['+919876540000', 1_000], // IN
];

const HAND_PICKED = [
	'',
	'+',
	'+0',
	'+1',
	'+12',
	'+123',
	'+1234',
	'+6',
	'+61',
	'+612',
	'+6125',
	'+0123456789',
	'+999123456',
	'+99912345678',
	'+2101234567',
	'+123456789012345678',
	'+1234567890123456789',
	'+61 2 5550 1100',
	'+61-2-5550-1100',
	'(02) 5550 1100',
	'0255501100',
	'61255501100',
	'+61255501100;ext=12',
	'+61255501100 ext. 12',
	'tel:+61255501100',
	'+٦١٢٥٥٥٠١١٠٠',
	'＋61255501100',
	'abc',
	'+61abc',
	' +61255501100',
	'+61255501100 ',
	'+7800',
	'+78',
	'+788',
	'+70',
	'+540',
	'+549',
	'+5490',
	'+88123456789',
	'+882123456789',
	'+8831234567890',
	'+979123456789',
	'+870123456789',
	'+6722123',
	'+6723212345',
	'+50012345',
	'+2904123',
	'+2472123',
	'+6891234',
	'+4412345',
	'+44123456789012345',
	'+6142345678901234567',
];

export function corpus(): string[] {
	const numbers = new Set<string>([...HAND_PICKED, ...sweep()]);
	for (const [first, count] of RANGES) for (const number of range(first, count)) numbers.add(number);
	for (const code of [...geographicCodes, ...nonGeographicCodes]) {
		for (let index = 0; index < 20; index++) numbers.add(`+${code}${digits(2 + Math.floor(next() * 14))}`);
	}
	return [...numbers];
}

export function mismatches(implementation: (e164: string) => Formats, numbers: string[], expected: Formats[]): string[] {
	const found: string[] = [];
	numbers.forEach((number, index) => {
		const actual = implementation(number);
		const want = expected[index];
		if (actual.nationalFormat !== want.nationalFormat || actual.internationalFormat !== want.internationalFormat || actual.country !== want.country) {
			found.push(`${JSON.stringify(number)}: ${JSON.stringify(actual)} ≠ libphonenumber-js ${JSON.stringify(want)}`);
		}
	});
	return found;
}
