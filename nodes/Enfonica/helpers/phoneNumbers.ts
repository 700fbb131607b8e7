import type { CountryCode } from '../vendor/libphonenumber';
import { isSupportedCountry, parsePhoneNumberFromString } from '../vendor/libphonenumber';

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
