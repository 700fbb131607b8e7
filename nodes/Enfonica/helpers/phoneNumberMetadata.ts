/**
 * libphonenumber-js's metadata, read through the library's own getters (vendor/libphonenumber),
 * made once on first use and shared by reading what users type (helpers/phoneNumbers) and
 * formatting the API's numbers (helpers/phoneNumberFormats).
 */
import type { LibraryMetadata } from '../vendor/libphonenumber';
import { libraryMetadata } from '../vendor/libphonenumber';

/** libphonenumber-js's constants.js VALID_PUNCTUATION (test/phoneNumbers.formats.test.ts checks it is still the same). */
export const VALID_PUNCTUATION = '-\u2010-\u2015\u2212\u30FC\uFF0D\uFF0F/\uFF0E. \u00A0\u00AD\u200B\u2060\u3000()\uFF08\uFF09\uFF3B\uFF3D\\[\\]~\u2053\u223C\uFF5E';

let metadata: LibraryMetadata | undefined;

export function reader(): LibraryMetadata {
	metadata ??= libraryMetadata();
	return metadata;
}

export function planOf(countryOrCallingCode: string) {
	const plan = reader().selectNumberingPlan(countryOrCallingCode).numberingPlan;
	if (!plan) throw new Error(`libphonenumber-js has no numbering plan for ${countryOrCallingCode}`);
	return plan;
}
