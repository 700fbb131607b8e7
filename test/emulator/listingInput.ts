/** Decoding a RegulatoryListing request body (create and update): types only, rules are in listingRules.ts. */
import { invalidArgument } from './errors';
import { readBool, readObject, readString, readStringList, readTimestamp } from './jsonInput';
import { LISTING_IMMUTABLE_FIELDS, LISTING_OUTPUT_ONLY_FIELDS, LISTING_UPDATABLE_FIELDS } from './listingModel';

// Proto field order: name, displayName, address, person, business, createTime, valid, verified.
const LISTING_FIELDS = ['name', ...LISTING_UPDATABLE_FIELDS, ...LISTING_IMMUTABLE_FIELDS, ...LISTING_OUTPUT_ONLY_FIELDS.filter((name) => name !== 'name')];
const ADDRESS_STRING_FIELDS = ['locality', 'administrativeArea', 'postalCode', 'regionCode'] as const;
const ADDRESS_FIELDS = ['addressLines', ...ADDRESS_STRING_FIELDS];

export interface AddressInput {
	addressLines?: string[];
	locality?: string;
	administrativeArea?: string;
	postalCode?: string;
	regionCode?: string;
}

export interface ListingInput {
	name?: string;
	displayName?: string;
	address?: AddressInput;
	person?: { givenName?: string; familyName?: string };
	business?: { business?: string };
}

/** The string fields of a nested message, each optional. */
function readStrings<K extends string>(value: unknown, fields: readonly K[], at: string): Partial<Record<K, string>> {
	const raw = readObject(value, fields, at);
	const result: Partial<Record<K, string>> = {};
	for (const field of fields) if (raw[field] !== undefined) result[field] = readString(raw[field], `${at}.${field}`);
	return result;
}

/** Type-checks the whole body (output-only fields too, then dropped); `person` and `business` are a oneof. */
export function readListingInput(body: unknown, at: string): ListingInput {
	const raw = readObject(body, LISTING_FIELDS, at);
	const field = (name: string) => `${at}.${name}`;
	const input: ListingInput = {};
	if (raw.name !== undefined) input.name = readString(raw.name, field('name'));
	if (raw.displayName !== undefined) input.displayName = readString(raw.displayName, field('displayName'));
	if (raw.address !== undefined) {
		const { addressLines, ...rest } = readObject(raw.address, ADDRESS_FIELDS, field('address'));
		const address: AddressInput = readStrings(rest, ADDRESS_STRING_FIELDS, field('address'));
		if (addressLines !== undefined) address.addressLines = readStringList(addressLines, field('address.addressLines'));
		input.address = address;
	}
	if (raw.person !== undefined && raw.business !== undefined) {
		throw invalidArgument(`Invalid JSON payload received. Oneof field 'entity' is already set by 'person'; cannot also set 'business'.`, 'business');
	}
	if (raw.person !== undefined) input.person = readStrings(raw.person, ['givenName', 'familyName'], field('person'));
	if (raw.business !== undefined) input.business = readStrings(raw.business, ['business'], field('business'));
	if (raw.createTime !== undefined) readTimestamp(raw.createTime, field('createTime'));
	if (raw.valid !== undefined) readBool(raw.valid, field('valid'));
	if (raw.verified !== undefined) readBool(raw.verified, field('verified'));
	return input;
}
