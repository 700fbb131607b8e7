/**
 * libphonenumber-js, as the package ships it: the build (gulpfile.js, `bundleLibphonenumber`)
 * overwrites this file's compiled output with the library itself, bundled, so the package has no
 * runtime dependencies. Only helpers/phoneNumbers imports it.
 */
import { Metadata } from 'libphonenumber-js';

export { getCountryCallingCode, isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js';
export type { CountryCode } from 'libphonenumber-js';

/*
 * The library's own metadata reader (its `Metadata` class, on the metadata it parses with), typed
 * here for the methods helpers/phoneNumbers reads: its type declarations name only a few. Reading
 * the rules through these getters, rather than the minified JSON, keeps the library's own
 * fallbacks (formats and national prefix rules shared by the main country of a calling code).
 */
export interface LibraryFormat {
	pattern(): string;
	format(): string;
	leadingDigitsPatterns(): string[];
	nationalPrefixFormattingRule(): string | undefined;
	internationalFormat(): string;
}

export interface LibraryNumberType {
	pattern(): string;
	possibleLengths(): number[] | undefined;
}

export interface LibraryNumberingPlan {
	callingCode(): string;
	nationalNumberPattern(): string;
	formats(): LibraryFormat[];
	nationalPrefixForParsing(): string | undefined;
	leadingDigits(): string | undefined;
	type(type: string): LibraryNumberType | undefined;
}

export interface LibraryMetadata {
	numberingPlan?: LibraryNumberingPlan;
	selectNumberingPlan(countryOrCallingCode: string): LibraryMetadata;
	hasCallingCode(callingCode: string): boolean | undefined;
	getCountryCodesForCallingCode(callingCode: string): string[] | undefined;
}

/** A metadata reader over the same (min) metadata `parsePhoneNumberFromString` uses. */
export function libraryMetadata(): LibraryMetadata {
	return new Metadata() as unknown as LibraryMetadata;
}
