/** Country/region rules of the regulatory listings service (the reference's, plus the emulator's choices). */
import type { NumberType } from './types';

export const NOT_A_REGION_CODE = 'is not an ISO 3166-1 alpha-2 code in capitals (e.g. AU).';

export function isRegionCode(value: string): boolean {
	return /^[A-Z]{2}$/.test(value);
}

/** Address fields a region requires beyond addressLines and regionCode, and its postal code format. */
export interface RegionAddressRule {
	postalCode: RegExp;
	postalCodeText: string;
}

const FOUR_DIGITS: RegionAddressRule = { postalCode: /^\d{4}$/, postalCodeText: 'a 4-digit postcode' };

/** AU and NZ: locality, administrativeArea, 4-digit postcode; US: the same with a 5-digit ZIP. Others: no extra rule. */
export const REGION_ADDRESS_RULES: Readonly<Record<string, RegionAddressRule>> = {
	AU: FOUR_DIGITS,
	NZ: FOUR_DIGITS,
	US: { postalCode: /^\d{5}$/, postalCodeText: 'a 5-digit ZIP code' },
};

/** The emulator's choice: in AU, mobile and toll-free numbers need a verified listing; elsewhere valid is enough. */
const NEEDS_VERIFICATION: Readonly<Record<string, readonly NumberType[]>> = {
	AU: ['MOBILE', 'TOLL_FREE'],
};

export function needsVerification(regionCode: string, numberType: NumberType): boolean {
	return NEEDS_VERIFICATION[regionCode]?.includes(numberType) ?? false;
}
