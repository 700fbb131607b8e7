/** Server-side rules for a new regulatory listing; the first violation (in field order) is a 400 naming its path. */
import { invalidField } from './errors';
import { checkDisplayName, checkMaxLength } from './limits';
import type { AddressInput, ListingInput } from './listingInput';
import type { ListingEntity, StoredAddress, StoredListing } from './listingModel';
import { isRegionCode, NOT_A_REGION_CODE, REGION_ADDRESS_RULES } from './regions';

const MAX_ADDRESS_LINES = 2;
const MAX_ADDRESS_LINE = 200;
const MAX_POSTAL_CODE = 16;
const MAX_PERSON_NAME = 100;
const MAX_BUSINESS_NAME = 200;

/** Empty or blank counts as missing. */
function required(field: string, value: string | undefined, why = 'is required.'): string {
	if (value === undefined || value.trim() === '') throw invalidField(field, why);
	return value;
}

function requiredWithMax(field: string, value: string | undefined, max: number): string {
	const text = required(field, value);
	checkMaxLength(field, text, max);
	return text;
}

function checkAddress(input: AddressInput | undefined): StoredAddress {
	if (input === undefined) throw invalidField('address', 'is required.');
	const lines = input.addressLines ?? [];
	if (lines.length === 0) throw invalidField('address.addressLines', 'at least one address line is required.');
	if (lines.length > MAX_ADDRESS_LINES) throw invalidField('address.addressLines', `at most ${MAX_ADDRESS_LINES} lines are allowed (got ${lines.length}).`);
	lines.forEach((line, i) => requiredWithMax(`address.addressLines[${i}]`, line, MAX_ADDRESS_LINE));
	const postalCode = input.postalCode ?? '';
	checkMaxLength('address.postalCode', postalCode, MAX_POSTAL_CODE);
	const regionCode = required('address.regionCode', input.regionCode);
	if (!isRegionCode(regionCode)) throw invalidField('address.regionCode', `"${regionCode}" ${NOT_A_REGION_CODE}`);
	const rule = REGION_ADDRESS_RULES[regionCode];
	if (rule) {
		const why = `is required for an address in ${regionCode}.`;
		required('address.locality', input.locality, why);
		required('address.administrativeArea', input.administrativeArea, why);
		if (!rule.postalCode.test(postalCode)) {
			throw invalidField('address.postalCode', `${postalCode === '' ? 'is missing' : `"${postalCode}" is not valid`}: an address in ${regionCode} needs ${rule.postalCodeText}.`);
		}
	}
	return {
		addressLines: [...lines],
		locality: input.locality ?? '',
		administrativeArea: input.administrativeArea ?? '',
		postalCode,
		regionCode,
	};
}

function checkEntity(input: ListingInput): ListingEntity {
	if (input.person !== undefined) {
		return {
			kind: 'person',
			givenName: requiredWithMax('person.givenName', input.person.givenName, MAX_PERSON_NAME),
			familyName: requiredWithMax('person.familyName', input.person.familyName, MAX_PERSON_NAME),
		};
	}
	if (input.business !== undefined) return { kind: 'business', business: requiredWithMax('business.business', input.business.business, MAX_BUSINESS_NAME) };
	throw invalidField('entity', "one of 'person' or 'business' is required.");
}

export function checkNewListing(input: ListingInput): Pick<StoredListing, 'displayName' | 'address' | 'entity'> {
	const displayName = input.displayName ?? '';
	checkDisplayName(displayName);
	return { displayName, address: checkAddress(input.address), entity: checkEntity(input) };
}
