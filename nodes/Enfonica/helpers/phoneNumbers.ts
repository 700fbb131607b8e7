import type { CountryCode } from '../vendor/libphonenumber';
import { getCountryCallingCode, isSupportedCountry, parsePhoneNumberFromString } from '../vendor/libphonenumber';

import { InvalidValueError } from './inputError';

/** The one phone-number normaliser: every number a user types passes through here. */

export class PhoneNumberError extends InvalidValueError {}

function isCountryCode(value: string): value is CountryCode {
	return isSupportedCountry(value);
}

/** Any written form (`+61 2 5550 1100`, `02 5550 1100` with defaultCountry AU) → E.164, or a clear error. */
export function toE164(input: unknown, defaultCountry?: string): string {
	const text = typeof input === 'string' ? input.trim() : typeof input === 'number' ? String(input) : '';
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
	if (!parsed.isValid()) throw new PhoneNumberError(`"${text}" is not a valid phone number for ${parsed.country ?? `+${parsed.countryCallingCode}`}`);
	return parsed.number;
}

/** A list `prefix` as the API takes it: E.164 (`+612`) or national 0NSN (`02`); separators removed. */
export function toListPrefix(input: unknown): string {
	const text = typeof input === 'string' ? input.replace(/[\s().-]/g, '') : '';
	if (!/^(\+[1-9]\d{0,14}|0\d{0,15})$/.test(text)) {
		throw new PhoneNumberError(`"${String(input)}" is not a number prefix: use E.164 digits like "+612" or a national prefix like "02"`);
	}
	return text;
}

const COUNTRY_EXAMPLE = 'a two-letter ISO 3166 country code such as AU, NZ or US';

/** An ISO 3166-1 alpha-2 country code as the API takes it (capitals), from any case: one libphonenumber knows. */
export function toCountryCode(input: unknown): string {
	const text = typeof input === 'string' ? input.trim().toUpperCase() : '';
	if (text === '') throw new PhoneNumberError(`is required: ${COUNTRY_EXAMPLE}`);
	if (!isCountryCode(text)) throw new PhoneNumberError(`"${text}" is not ${COUNTRY_EXAMPLE}`);
	return text;
}

/**
 * A number-search `prefix`: the digits after the country code. Accepts `2`, `02` (the national
 * trunk 0 dropped), `+612` or `+61 2` (the country's calling code dropped, and it must match).
 */
export function toSearchPrefix(input: unknown, countryCode: string): string {
	const text = typeof input === 'string' || typeof input === 'number' ? String(input).replace(/[\s().-]/g, '') : '';
	if (text.startsWith('+')) {
		const callingCode = isCountryCode(countryCode) ? getCountryCallingCode(countryCode) : undefined;
		if (!callingCode) throw new PhoneNumberError(`"${String(input)}" starts with +, but the calling code of ${countryCode} is not known: give the digits after the country code`);
		if (!text.startsWith(`+${callingCode}`)) throw new PhoneNumberError(`"${String(input)}" is not a number prefix of ${countryCode}: ${countryCode} numbers start with +${callingCode}`);
		return digitsOnly(input, text.slice(1 + callingCode.length));
	}
	return digitsOnly(input, text.startsWith('0') ? text.slice(1) : text);
}

function digitsOnly(input: unknown, digits: string): string {
	if (!/^\d{0,15}$/.test(digits)) throw new PhoneNumberError(`"${String(input)}" is not a number prefix: use digits such as 2, 02 or +612`);
	return digits;
}

export interface NumberFormats {
	nationalFormat: string;
	internationalFormat: string;
	country: string;
}

/** Human formats of an E.164 number for simplified output; empty strings when it cannot be parsed. */
export function formatsOf(e164: string): NumberFormats {
	const parsed = e164 ? parsePhoneNumberFromString(e164) : undefined;
	return {
		nationalFormat: parsed?.formatNational() ?? '',
		internationalFormat: parsed?.formatInternational() ?? '',
		country: parsed?.country ?? '',
	};
}
