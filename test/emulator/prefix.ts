/** The list `prefix` filter: E.164 (`+612`) or national 0NSN (`02`) leading digits. */
import { rangeHasDigitPrefix } from './e164';
import { invalidArgument } from './errors';
import type { StoredInstance } from './model';
import type { PhoneDirectory } from './phoneInfo';

export type PrefixFilter = { kind: 'e164'; digits: string } | { kind: 'national'; digits: string };

export function parsePrefix(value: string): PrefixFilter {
	if (/^\+[1-9]\d{0,14}$/.test(value)) return { kind: 'e164', digits: value.slice(1) };
	if (/^0\d{0,14}$/.test(value)) return { kind: 'national', digits: value };
	// A raw '+' in a query string decodes to a space: say so, since that is the usual cause.
	const hint = value.startsWith(' ') ? ' A leading space usually means a "+" was not percent-encoded (use %2B).' : '';
	throw invalidArgument(`Invalid value for field 'prefix': "${value}" is neither an E.164 prefix (e.g. +612) nor a national 0NSN prefix (e.g. 02).${hint}`, 'prefix');
}

/**
 * A national prefix is read in each instance's own country: its national rendering is the trunk
 * prefix (AU geographic '0', none for 1800 numbers) followed by the NSN, so '02' means '+612' for AU.
 */
function e164DigitsFor(filter: PrefixFilter, instance: StoredInstance, phones: PhoneDirectory): string | undefined {
	if (filter.kind === 'e164') return filter.digits;
	const { callingCode, trunkPrefix } = phones.describe(instance.startNumber);
	if (callingCode === '') return undefined;
	if (filter.digits.startsWith(trunkPrefix)) return callingCode + filter.digits.slice(trunkPrefix.length);
	return trunkPrefix.startsWith(filter.digits) ? callingCode : undefined;
}

/** A range matches if any of its numbers does. */
export function matchesPrefix(filter: PrefixFilter, instance: StoredInstance, phones: PhoneDirectory): boolean {
	const digits = e164DigitsFor(filter, instance, phones);
	return digits !== undefined && rangeHasDigitPrefix(instance.startNumber, instance.rangeSize ?? 1, digits);
}
