/**
 * Human formats of the API's E.164 numbers for simplified output, exactly as libphonenumber-js
 * gives them, by a fast path (reading what users type is helpers/phoneNumbers).
 */
import { parsePhoneNumberFromString } from '../vendor/libphonenumber';

import { VALID_PUNCTUATION, planOf, reader } from './phoneNumberMetadata';

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

/** Per calling code; `null` marks a digit string that is not one. Built on first use. */
const callingCodes = new Map<string, CallingCodeRules | null>();

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
