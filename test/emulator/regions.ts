/** Country/region rules of the regulatory listings service (the reference's, plus the emulator's choices). */
import type { NumberType } from './types';

export const NOT_A_REGION_CODE = 'is not an assigned ISO 3166-1 alpha-2 code in capitals (e.g. AU).';

/** ISO 3166-1 alpha-2, officially assigned codes only (no UK, EU, XK, …). */
const ISO_3166_ALPHA_2 = new Set(
	`AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ
	CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR
	GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP
	KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT
	MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW
	SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ
	UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW`.split(/\s+/),
);

export function isRegionCode(value: string): boolean {
	return ISO_3166_ALPHA_2.has(value);
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
