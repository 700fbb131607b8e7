/**
 * libphonenumber-js, as the package ships it: the build (gulpfile.js, `bundleLibphonenumber`)
 * bundles the library itself into this file's place in dist, one file that every node's bundle
 * requires, so the package has no runtime dependencies. Only helpers/phoneNumbers and
 * helpers/phoneNumberFormats import it.
 */
import { Metadata } from 'libphonenumber-js/core';
import type { MetadataJson } from 'libphonenumber-js/core';
import metadata from 'libphonenumber-js/metadata.max.json';

/*
 * The "max" metadata: with it a number is valid only if it matches one of its country's number
 * types, as Enfonica checks; the smaller "min" metadata checks lengths and leading digits only and
 * takes numbers Enfonica refuses (e.g. +64 7 1000 0000) for valid.
 */
export { getCountries, getCountryCallingCode, isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/max';
export type { CountryCode } from 'libphonenumber-js/max';

/*
 * The library's own metadata reader (its `Metadata` class, on the metadata it parses with), typed
 * here for the methods helpers/phoneNumberFormats reads: its type declarations name only a few. Reading
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
	/** The national (trunk) prefix, e.g. "0" in AU; not a string (0) when the country has none, as IT. */
	nationalPrefix(): string | number | undefined;
	/** The international access code as a pattern, e.g. "00", "011", "001[14-689]|…0011". */
	IDDPrefix(): string;
	/** The preferred access code when IDDPrefix() is a pattern ("0011" in AU, "8~10" in RU). */
	defaultIDDPrefix(): string | undefined;
	leadingDigits(): string | undefined;
	type(type: string): LibraryNumberType | undefined;
}

export interface LibraryMetadata {
	numberingPlan?: LibraryNumberingPlan;
	selectNumberingPlan(countryOrCallingCode: string): LibraryMetadata;
	hasCallingCode(callingCode: string): boolean | undefined;
	getCountryCodesForCallingCode(callingCode: string): string[] | undefined;
}

/** A metadata reader over the same (max) metadata `parsePhoneNumberFromString` uses. */
export function libraryMetadata(): LibraryMetadata {
	return new Metadata(metadata as unknown as MetadataJson) as unknown as LibraryMetadata;
}
