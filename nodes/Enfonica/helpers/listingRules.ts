/**
 * Enfonica's rules for a regulatory listing (see the API reference), checked before anything is
 * sent. Pure, like helpers/validation: each returns the cleaned value or throws InvalidValueError.
 */
import { InvalidValueError } from '../errors';
import { toRegionCode } from './regionCodes';
import { toText } from './text';
import { length } from './validation';

export const MAX_PERSON_NAME = 100;
export const MAX_BUSINESS_NAME = 200;
export const MAX_ADDRESS_LINES = 2;
export const MAX_ADDRESS_LINE = 200;
export const MAX_POSTAL_CODE = 16;

function text(input: unknown): string {
	return toText(input).trim();
}

/** A required name of at most `max` characters. */
export function checkRequiredName(input: unknown, max: number): string {
	const value = text(input);
	if (value === '') throw new InvalidValueError('is required');
	if (length(value) > max) throw new InvalidValueError(`is ${length(value)} characters long: Enfonica allows at most ${max}`);
	return value;
}

/** One or two address lines, typed one per line (or a list from an expression). */
export function checkAddressLines(input: unknown): string[] {
	const lines = (Array.isArray(input) ? input.map((line) => text(line)) : text(input).split(/\r?\n/)).map((line) => line.trim()).filter((line) => line !== '');
	if (lines.length === 0) throw new InvalidValueError('is required: the street address, one line per line');
	if (lines.length > MAX_ADDRESS_LINES) throw new InvalidValueError(`has ${lines.length} lines: Enfonica allows at most ${MAX_ADDRESS_LINES}`);
	lines.forEach((line, index) => {
		if (length(line) > MAX_ADDRESS_LINE) throw new InvalidValueError(`line ${index + 1} is ${length(line)} characters long: Enfonica allows at most ${MAX_ADDRESS_LINE}`);
	});
	return lines;
}

/** An address's country: an assigned ISO 3166-1 alpha-2 code (Antarctica too), the same rule as everywhere. */
export function checkRegionCode(input: unknown): string {
	return toRegionCode(input);
}

interface RegionRule {
	postalCode: RegExp;
	postalCodeText: string;
}

const FOUR_DIGITS: RegionRule = { postalCode: /^\d{4}$/, postalCodeText: 'a 4-digit postcode' };

/** Regions with rules beyond the general ones: locality and administrative area required, and a postcode format. */
const REGION_RULES: Readonly<Record<string, RegionRule>> = {
	AU: FOUR_DIGITS,
	NZ: FOUR_DIGITS,
	US: { postalCode: /^\d{5}$/, postalCodeText: 'a 5-digit ZIP code' },
};

/** Locality / administrative area: required in regions with rules, otherwise optional. */
export function checkRegionalField(input: unknown, regionCode: string): string {
	const value = text(input);
	if (value === '' && REGION_RULES[regionCode]) throw new InvalidValueError(`is required for an address in ${regionCode}`);
	return value;
}

export function checkPostalCode(input: unknown, regionCode: string): string {
	const value = text(input);
	if (length(value) > MAX_POSTAL_CODE) throw new InvalidValueError(`is ${length(value)} characters long: Enfonica allows at most ${MAX_POSTAL_CODE}`);
	const rule = REGION_RULES[regionCode];
	if (rule && !rule.postalCode.test(value)) {
		throw new InvalidValueError(`${value === '' ? 'is required' : `"${value}" is not valid`}: an address in ${regionCode} needs ${rule.postalCodeText}`);
	}
	return value;
}
