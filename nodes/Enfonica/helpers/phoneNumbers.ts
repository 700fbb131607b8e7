import type { CountryCode } from '../vendor/libphonenumber';
import { getCountries, getCountryCallingCode, isSupportedCountry, parsePhoneNumberFromString } from '../vendor/libphonenumber';

import { InvalidValueError, restated } from '../errors';
import { VALID_PUNCTUATION, planOf, reader } from './phoneNumberMetadata';
import { REGION_EXAMPLE, toRegionCode } from './regionCodes';
import { toIdentifierText } from './text';

/**
 * The one phone-number reader: every number a user types (Phone Number, By Phone Number, tel:
 * handler targets, Default Country, Country Code, prefixes) passes through here. Formatting the
 * API's numbers for output is helpers/phoneNumberFormats.
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
