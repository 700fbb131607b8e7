import type { CountryCode, LibraryMetadata } from '../vendor/libphonenumber';
import { getCountries, getCountryCallingCode, isSupportedCountry, libraryMetadata, parsePhoneNumberFromString } from '../vendor/libphonenumber';

import { InvalidValueError, restated } from './inputError';
import { REGION_EXAMPLE, toRegionCode } from './regionCodes';
import { toIdentifierText } from './text';

/**
 * The one phone-number reader: every number a user types (Phone Number, By Phone Number, tel:
 * handler targets, Default Country, Country Code, prefixes) passes through here.
 */

export class PhoneNumberError extends InvalidValueError {}

function isCountryCode(value: string): value is CountryCode {
	return isSupportedCountry(value);
}

/** A country whose numbers can be read: an assigned ISO 3166-1 code with a numbering plan. */
export function toCountryCode(input: unknown): string {
	let code: string;
	try {
		code = toRegionCode(input);
	} catch (error) {
		throw restated(error, (message) => message, PhoneNumberError);
	}
	if (!isCountryCode(code)) throw new PhoneNumberError(`"${code}" has no telephone numbering plan: use ${REGION_EXAMPLE}`);
	return code;
}

/** The Default Country option: undefined when empty, else a country as toCountryCode reads it. */
export function toDefaultCountry(input: unknown): string | undefined {
	if (input === undefined || input === null || (typeof input === 'string' && input.trim() === '')) return undefined;
	return toCountryCode(input);
}

/** Only what can be part of a written number: +, digits and the punctuation libphonenumber knows. */
const NUMBER_CHARACTERS = () => new RegExp(`^[+\uFF0B]?[${VALID_PUNCTUATION}\\p{Nd}]+$`, 'u');
let numberCharacters: RegExp | undefined;

/**
 * Any written form (`+61 2 5550 1100`, `02 5550 1100` with defaultCountry AU) → E.164, or a clear
 * error. An extension (`ext. 5`, `;ext=5`, `#5`) is refused, never dropped: Enfonica numbers have
 * none, so it cannot be bought or looked up. Text around the number (`call … now`) is refused too,
 * although libphonenumber would find the number in it.
 */
export function toE164(input: unknown, defaultCountry?: string): string {
	const text = toIdentifierText(input, 'one phone number').trim();
	if (text === '') throw new PhoneNumberError('is empty');
	const country = defaultCountry ? defaultCountry.trim().toUpperCase() : undefined;
	if (country && !isCountryCode(country)) {
		throw new PhoneNumberError(`has a Default Country "${defaultCountry}" that is not an ISO 3166 two-letter country code`);
	}
	const parsed = parsePhoneNumberFromString(text, country as CountryCode | undefined);
	if (!parsed) {
		throw new PhoneNumberError(
			`"${text}" is not a phone number${text.startsWith('+') || country ? '' : ' (write it as +<country code><number>, or set a Default Country for national formats)'}`,
		);
	}
	if (parsed.ext) {
		throw new PhoneNumberError(`"${text}" has an extension (${parsed.ext}): an extension can be neither bought nor looked up, give the number without it`);
	}
	numberCharacters ??= NUMBER_CHARACTERS();
	if (!numberCharacters.test(text)) throw new PhoneNumberError(`"${text}" has characters that are not part of a phone number: give the number alone`);
	if (!parsed.isValid()) throw new PhoneNumberError(`"${text}" is not a valid phone number for ${parsed.country ?? `+${parsed.countryCallingCode}`}`);
	return parsed.number;
}

/*
 * Prefixes. Spellings of the same prefix send the same value: `+61 2`, `0061 2`, `0011 61 2` and
 * (in AU) `02`. An international access code is recognised from libphonenumber's metadata: one
 * starting with 00 (00, 0011, 001, 009, …) always, since no national number starts with 00; the
 * others (011, 810, 010, …) only where they cannot be read as a national number — as the Default
 * Country's own code, or followed by the searched country's calling code (then refused as
 * ambiguous). National prefixes (the trunk 0 of AU, none in IT) come from the metadata too.
 */

const PREFIX_SEPARATORS = /[\s().\-\u2010-\u2015\u2212/]/g;
const MAX_DIGITS = 15;

let accessCodes: string[] | undefined;

/** Every country's international access code that is a plain digit string of 2+ digits, longest first. */
function internationalAccessCodes(): string[] {
	if (!accessCodes) {
		const codes = new Set<string>();
		for (const country of getCountries()) {
			const plan = planOf(country);
			const preferred = plan.defaultIDDPrefix();
			const pattern = plan.IDDPrefix();
			const code = (typeof preferred === 'string' ? preferred : typeof pattern === 'string' ? pattern : '').replace(/~/g, '');
			if (/^\d{2,}$/.test(code)) codes.add(code);
		}
		accessCodes = [...codes].sort((a, b) => b.length - a.length || a.localeCompare(b));
	}
	return accessCodes;
}

/** The first 1–3 digits that are a country calling code, if any. */
function callingCodeAt(digits: string): string | undefined {
	for (let length = 1; length <= 3 && length <= digits.length; length++) {
		if (reader().hasCallingCode(digits.slice(0, length))) return digits.slice(0, length);
	}
	return undefined;
}

interface Reading {
	accessCode: string;
	/** The digits after the access code: calling code first. */
	international: string;
}

/** Ways `text` reads as an access code followed by a calling code (optionally the given one). */
function internationalReadings(text: string, codes: string[], callingCode?: string): Reading[] {
	return codes
		.filter((code) => text.startsWith(code))
		.map((code) => ({ accessCode: code, international: text.slice(code.length) }))
		.filter(({ international }) => (callingCode ? international.startsWith(callingCode) : callingCodeAt(international) !== undefined));
}

function nationalPrefixOf(country: string): string {
	const prefix = planOf(country).nationalPrefix();
	return typeof prefix === 'string' ? prefix : '';
}

function ownAccessCode(country: string): RegExp | undefined {
	const pattern = planOf(country).IDDPrefix();
	return typeof pattern === 'string' && pattern !== '' ? new RegExp(`^(?:${pattern})`) : undefined;
}

function prefixText(input: unknown): string {
	return toIdentifierText(input, 'a number prefix').replace(PREFIX_SEPARATORS, '').replace(/^\uFF0B/, '+');
}

function refusePrefix(input: unknown, why: string): never {
	throw new PhoneNumberError(`"${String(input)}" ${why}`);
}

function digitsAfter(input: unknown, digits: string, example: string): string {
	if (!new RegExp(`^\\d{0,${MAX_DIGITS}}$`).test(digits)) refusePrefix(input, `is not a number prefix: use digits such as ${example}`);
	return digits;
}

/**
 * A number-search `prefix`: the digits after the country code (what the API takes). `2`, `02`
 * (AU's trunk 0 dropped), `+61 2`, `0061 2` and `0011 61 2` all give `2` in AU; in IT, where the 0
 * is part of the number, `06`, `+39 06` and `0039 06` all give `06`.
 */
export function toSearchPrefix(input: unknown, countryCode: string): string {
	const text = prefixText(input);
	if (text === '') return '';
	const callingCode = isCountryCode(countryCode) ? getCountryCallingCode(countryCode) : undefined;
	if (!callingCode) refusePrefix(input, `cannot be read: the calling code of ${countryCode} is not known`);
	const example = `2, 02 or +${callingCode}2`;
	if (text.startsWith('+')) {
		if (!text.startsWith(`+${callingCode}`)) refusePrefix(input, `is not a number prefix of ${countryCode}: ${countryCode} numbers start with +${callingCode}`);
		return digitsAfter(input, text.slice(1 + callingCode.length), example);
	}
	const readings = internationalReadings(text, internationalAccessCodes(), callingCode);
	const international = readings.find((reading) => reading.accessCode.startsWith('00'));
	if (international) return digitsAfter(input, international.international.slice(callingCode.length), example);
	if (text.startsWith('00')) {
		refusePrefix(input, `starts with 00, an international access code, but ${countryCode}'s calling code ${callingCode} does not follow: write +${callingCode} and the digits`);
	}
	const trunk = nationalPrefixOf(countryCode);
	const national = digitsAfter(input, trunk !== '' && text.startsWith(trunk) ? text.slice(trunk.length) : text, example);
	if (readings.length > 0) {
		const [{ accessCode, international: rest }] = readings;
		refusePrefix(input, `can be read as the access code ${accessCode} then +${rest}, or as the national prefix ${national}: write +${rest} or ${national}`);
	}
	return national;
}

/**
 * A list `prefix` as the API takes it: E.164 (`+612`) or national 0NSN (`02`). `+61 2`, `0061 2`
 * and `0011 61 2` give `+612`. With a Default Country, national spellings (`02` in AU, `06` in IT)
 * and its own access code (`011 61 2` in US) become E.164 too, so every spelling sends the same;
 * without one, a national prefix is sent as typed (Enfonica reads it in each number's country).
 */
export function toListPrefix(input: unknown, defaultCountry?: string): string {
	const text = prefixText(input);
	const e164 = (digits: string): string => {
		if (!new RegExp(`^[1-9]\\d{0,${MAX_DIGITS - 1}}$`).test(digits)) refusePrefix(input, 'is not a number prefix: use E.164 digits like "+612" or a national prefix like "02"');
		return `+${digits}`;
	};
	if (text === '') return '';
	if (text.startsWith('+')) return e164(text.slice(1));
	const country = defaultCountry ? toCountryCode(defaultCountry) : undefined;
	if (country) {
		const own = ownAccessCode(country)?.exec(text);
		if (own && own[0] !== '' && callingCodeAt(text.slice(own[0].length))) return e164(text.slice(own[0].length));
	}
	if (text.startsWith('00')) {
		const readings = internationalReadings(text, internationalAccessCodes().filter((code) => code.startsWith('00')));
		const distinct = [...new Set(readings.map(({ international }) => international))];
		if (distinct.length === 1) return e164(distinct[0]);
		if (distinct.length === 0) refusePrefix(input, 'starts with 00, an international access code, but no country calling code follows');
		refusePrefix(input, `can be read as ${distinct.map((digits) => `+${digits}`).join(' or ')}: write it with + and the country code, or set a Default Country`);
	}
	if (country) {
		if (!/^\d+$/.test(text)) refusePrefix(input, 'is not a number prefix: use E.164 digits like "+612" or a national prefix like "02"');
		const trunk = nationalPrefixOf(country);
		return e164(getCountryCallingCode(country as CountryCode) + (trunk !== '' && text.startsWith(trunk) ? text.slice(trunk.length) : text));
	}
	if (!new RegExp(`^0\\d{0,${MAX_DIGITS - 1}}$`).test(text)) {
		refusePrefix(input, 'is not a number prefix: use E.164 digits like "+612" or a national prefix like "02"');
	}
	return text;
}

export interface NumberFormats {
	nationalFormat: string;
	internationalFormat: string;
	country: string;
}

const NO_FORMATS: NumberFormats = { nationalFormat: '', internationalFormat: '', country: '' };

/** Human formats of an E.164 number for simplified output; empty strings when it cannot be parsed. */
export function formatsOf(e164: string): NumberFormats {
	if (!e164) return { ...NO_FORMATS };
	return fastFormatsOf(e164) ?? libraryFormatsOf(e164);
}

/** What libphonenumber-js gives, by its public API: the reference, and the path for anything unusual. */
export function libraryFormatsOf(e164: string): NumberFormats {
	const parsed = e164 ? parsePhoneNumberFromString(e164) : undefined;
	return {
		nationalFormat: parsed?.formatNational() ?? '',
		internationalFormat: parsed?.formatInternational() ?? '',
		country: parsed?.country ?? '',
	};
}

/*
 * The fast path. `parsePhoneNumberFromString(e164).formatNational()` (and its international twin)
 * costs ≈ 12 µs a number, almost all of it compiling the same regular expressions again on every
 * call (the library builds `new RegExp(...)` for each test) and re-reading its metadata. Below is
 * the library's own decision procedure for the one input shape the API returns, `+` and digits,
 * step for step, each regular expression compiled once from the library's own pattern text and
 * the rules read through the library's own metadata getters. Anything it does not cover exactly
 * falls back to the library itself (`undefined` from fastFormatsOf):
 * - input that is not `+` then 4 to 17 digits not starting with 0, no known calling code, or a
 *   national number outside the library's 2–17 digits;
 * - a national number the library would try to strip a national prefix from (its
 *   `national_prefix_for_parsing` matches the start, e.g. +7 8…, +54 9…): that branch has extra
 *   checks (validity before and after, possible lengths) that are not mirrored here.
 * Steps mirrored (libphonenumber-js 1.13, source/): parse.js → extractCountryCallingCode,
 * extractNationalNumber, getCountryByCallingCode → getCountryByNationalNumber → getNumberType;
 * format.js → chooseFormatForNumber, formatNationalNumberUsingFormat,
 * applyInternationalSeparatorStyle. test/phoneNumbers.formats.test.ts compares the result with
 * the library's over a large corpus, and over every number of whole ranges.
 *
 * Two equivalences make it cheap, both exact:
 * - `text.search(re) === 0` (leading digits) is "re matches at position 0", which is what
 *   `/^(?:re)/.test(text)` tests, without `search`'s per-call protocol.
 * - A format's pattern is made of `\d` atoms only (groups, `?`, `|`, `{n,m}`; every pattern in
 *   the metadata is; checked, else the plain regular expressions are used): on a string of
 *   digits every atom succeeds, so whether it matches and where its groups fall depend on the
 *   length alone. Per (format, length) the library's own `replace` is run once on a probe of
 *   distinct placeholder characters with `\d` read as `.` (which also always succeeds there), and
 *   the output, literal text and placeholder positions, becomes a list of pieces; a number is
 *   then formatted by slicing its digits into those pieces.
 */

/** libphonenumber-js's constants.js VALID_PUNCTUATION (the test checks it is still the same). */
export const VALID_PUNCTUATION = '-\u2010-\u2015\u2212\u30FC\uFF0D\uFF0F/\uFF0E. \u00A0\u00AD\u200B\u2060\u3000()\uFF08\uFF09\uFF3B\uFF3D\\[\\]~\u2053\u223C\uFF5E';
/** helpers/formatNationalNumberUsingFormat.js FIRST_GROUP_PATTERN. */
export const FIRST_GROUP_PATTERN = /(\$\d)/;
/** helpers/applyInternationalSeparatorStyle.js; global, so `replace` starts from 0 every time. */
const SEPARATORS = new RegExp(`[${VALID_PUNCTUATION}]+`, 'g');
/** "+", a calling code (no leading 0) and a national number: 4 to 17 digits in all. */
const FAST_INPUT = /^\+[1-9]\d{3,16}$/;
const MIN_LENGTH_FOR_NSN = 2;
const MAX_LENGTH_FOR_NSN = 17;
/** helpers/getNumberType.js: FIXED_LINE, then NON_FIXED_LINE_PHONE_TYPES. */
const NUMBER_TYPES = ['FIXED_LINE', 'MOBILE', 'PREMIUM_RATE', 'TOLL_FREE', 'SHARED_COST', 'VOIP', 'PERSONAL_NUMBER', 'PAGER', 'UAN', 'VOICEMAIL'];
/** A pattern of `\d` atoms only: `\d`, groups, `(?:`, `?`, `|`, `{n}`, `{n,}`, `{n,m}`. */
const DIGIT_ATOMS_ONLY = /^(?:\\d|[()?|]|\(\?:|\{\d+(?:,\d*)?\})*$/;
/** Placeholders for a probe: private-use characters, never digits, punctuation or white space. */
const PROBE_BASE = 0xe000;
const PROBE = /[\ue000-\uf8ff]/;

/** matchesEntirely.js: `new RegExp('^(?:' + pattern + ')$').test(text)`, compiled once. */
const entirely = (pattern: string | undefined) => new RegExp('^(?:' + pattern + ')$');
/** `text.search(pattern) === 0` as one anchored test. */
const atStart = (pattern: string) => new RegExp('^(?:' + pattern + ')');

/** A formatted number for one length: literal text, and [start, end) slices of the national number. */
type Pieces = Array<string | [number, number]>;

interface Layout {
	national: Pieces;
	international: Pieces;
}

interface FormatRule {
	leading: RegExp | undefined;
	whole: RegExp;
	pattern: RegExp;
	national: string;
	international: string;
	/** Per national-number length: its layout, or null when the pattern does not match that length. */
	layouts: Map<number, Layout | null> | undefined;
	/** The pattern with `\d` read as `.`, when it is made of `\d` atoms only. */
	probePattern: string | undefined;
}

interface Plan {
	callingCode: string;
	rules: FormatRule[];
}

interface CountryTest {
	country: string;
	leading: RegExp | undefined;
	nationalNumber: RegExp;
	types: Array<{ lengths: number[] | undefined; whole: RegExp }>;
}

interface CallingCodeRules {
	prefixForParsing: RegExp | undefined;
	countries: string[] | undefined;
	tests: CountryTest[] | undefined;
	plans: Map<string, Plan>;
}

let metadata: LibraryMetadata | undefined;
/** Per calling code; `null` marks a digit string that is not one. Built on first use. */
const callingCodes = new Map<string, CallingCodeRules | null>();

function reader(): LibraryMetadata {
	metadata ??= libraryMetadata();
	return metadata;
}

function planOf(countryOrCallingCode: string) {
	const plan = reader().selectNumberingPlan(countryOrCallingCode).numberingPlan;
	if (!plan) throw new Error(`libphonenumber-js has no numbering plan for ${countryOrCallingCode}`);
	return plan;
}

function callingCodeRules(code: string): CallingCodeRules | null {
	let rules = callingCodes.get(code);
	if (rules !== undefined) return rules;
	rules = null;
	if (reader().hasCallingCode(code)) {
		const prefix = planOf(code).nationalPrefixForParsing();
		rules = {
			// extractNationalNumberFromPossiblyIncompleteNumber.js: `new RegExp('^(?:' + prefix + ')')`.
			prefixForParsing: prefix ? atStart(prefix) : undefined,
			countries: reader().getCountryCodesForCallingCode(code),
			tests: undefined,
			plans: new Map(),
		};
	}
	callingCodes.set(code, rules);
	return rules;
}

function countryTests(countries: string[]): CountryTest[] {
	return countries.map((country) => {
		const plan = planOf(country);
		const leading = plan.leadingDigits();
		const types: CountryTest['types'] = [];
		for (const name of NUMBER_TYPES) {
			const type = plan.type(name);
			// getNumberType.js isNumberTypeEqualTo: no type or an empty pattern never matches.
			if (!type || !type.pattern()) continue;
			types.push({ lengths: type.possibleLengths(), whole: entirely(type.pattern()) });
		}
		return { country, leading: leading ? atStart(leading) : undefined, nationalNumber: entirely(plan.nationalNumberPattern()), types };
	});
}

/** getCountryByNationalNumber.js: the first country whose leading digits, or else any number type, match. */
function countryOf(rules: CallingCodeRules, nationalNumber: string): string | undefined {
	const countries = rules.countries;
	if (!countries) return undefined;
	if (countries.length === 1) return countries[0];
	rules.tests ??= countryTests(countries);
	for (const test of rules.tests) {
		if (test.leading) {
			if (test.leading.test(nationalNumber)) return test.country;
		} else if (test.nationalNumber.test(nationalNumber)) {
			for (const type of test.types) {
				if (type.lengths && type.lengths.indexOf(nationalNumber.length) < 0) continue;
				if (type.whole.test(nationalNumber)) return test.country;
			}
		}
	}
	return undefined;
}

function formattingPlan(rules: CallingCodeRules, countryOrCallingCode: string): Plan {
	let plan = rules.plans.get(countryOrCallingCode);
	if (plan) return plan;
	const numberingPlan = planOf(countryOrCallingCode);
	plan = {
		callingCode: numberingPlan.callingCode(),
		rules: numberingPlan.formats().map((format): FormatRule => {
			const leadingPatterns = format.leadingDigitsPatterns();
			const nationalPrefixRule = format.nationalPrefixFormattingRule();
			// format.js formats national numbers "with national prefix" unless told otherwise.
			const national = nationalPrefixRule ? format.format().replace(FIRST_GROUP_PATTERN, nationalPrefixRule) : format.format();
			const international = format.internationalFormat();
			const layoutsExact = DIGIT_ATOMS_ONLY.test(format.pattern()) && !PROBE.test(national) && !PROBE.test(international);
			return {
				leading: leadingPatterns.length > 0 ? atStart(leadingPatterns[leadingPatterns.length - 1]) : undefined,
				whole: entirely(format.pattern()),
				pattern: new RegExp(format.pattern()),
				national,
				international,
				layouts: layoutsExact ? new Map() : undefined,
				probePattern: layoutsExact ? format.pattern().replace(/\\d/g, '.') : undefined,
			};
		}),
	};
	rules.plans.set(countryOrCallingCode, plan);
	return plan;
}

/** The probe's output as pieces: placeholder runs become slices of the national number. */
function piecesOf(output: string): Pieces {
	const pieces: Pieces = [];
	let literal = '';
	let slice: [number, number] | undefined;
	for (const char of output) {
		const position = char.charCodeAt(0) - PROBE_BASE;
		if (PROBE.test(char)) {
			if (literal) pieces.push(literal);
			literal = '';
			if (slice && slice[1] === position) slice[1]++;
			else pieces.push((slice = [position, position + 1]));
		} else {
			slice = undefined;
			literal += char;
		}
	}
	if (literal) pieces.push(literal);
	return pieces;
}

function layoutOf(rule: FormatRule, length: number): Layout | null {
	let layout = rule.layouts?.get(length);
	if (layout !== undefined) return layout;
	layout = null;
	const probe = Array.from({ length }, (_, index) => String.fromCharCode(PROBE_BASE + index)).join('');
	if (entirely(rule.probePattern).test(probe)) {
		const pattern = new RegExp(rule.probePattern as string);
		layout = {
			national: piecesOf(probe.replace(pattern, rule.national)),
			international: piecesOf(probe.replace(pattern, rule.international).replace(SEPARATORS, ' ').trim()),
		};
	}
	rule.layouts?.set(length, layout);
	return layout;
}

function assemble(pieces: Pieces, digits: string): string {
	let text = '';
	for (const piece of pieces) text += typeof piece === 'string' ? piece : digits.slice(piece[0], piece[1]);
	return text;
}

/** The fast path alone: `undefined` where formatsOf falls back to the library (exported for the corpus test). */
export function fastFormatsOf(e164: string): NumberFormats | undefined {
	if (!FAST_INPUT.test(e164)) return undefined;
	let rules: CallingCodeRules | null = null;
	let code = '';
	for (let length = 1; length <= 3 && rules === null; length++) {
		code = e164.slice(1, 1 + length);
		rules = callingCodeRules(code);
	}
	if (!rules) return undefined;
	const nationalNumber = e164.slice(1 + code.length);
	if (nationalNumber.length < MIN_LENGTH_FOR_NSN || nationalNumber.length > MAX_LENGTH_FOR_NSN) return undefined;
	if (rules.prefixForParsing && rules.prefixForParsing.test(nationalNumber)) return undefined;
	const country = countryOf(rules, nationalNumber);
	const plan = formattingPlan(rules, country ?? code);
	for (const rule of plan.rules) {
		if (rule.leading && !rule.leading.test(nationalNumber)) continue;
		if (rule.layouts) {
			const layout = layoutOf(rule, nationalNumber.length);
			if (!layout) continue;
			return {
				nationalFormat: assemble(layout.national, nationalNumber),
				internationalFormat: `+${plan.callingCode} ${assemble(layout.international, nationalNumber)}`,
				country: country ?? '',
			};
		}
		if (!rule.whole.test(nationalNumber)) continue;
		return {
			nationalFormat: nationalNumber.replace(rule.pattern, rule.national),
			internationalFormat: `+${plan.callingCode} ${nationalNumber.replace(rule.pattern, rule.international).replace(SEPARATORS, ' ').trim()}`,
			country: country ?? '',
		};
	}
	// No format matches: format.js returns the national number as it is.
	return { nationalFormat: nationalNumber, internationalFormat: `+${plan.callingCode} ${nationalNumber}`, country: country ?? '' };
}
