/**
 * The one rule for a country or region code (Phone Number → Search's Country Code, a listing's
 * Region Code, Default Country): an officially assigned ISO 3166-1 alpha-2 code, in any case.
 * Node's ICU also names codes that are not (UK, EU, EZ, UN, XK, QO…): those are refused, as
 * Enfonica refuses them.
 */
import { InvalidValueError } from '../errors';
import { kindOf, preview } from './text';

/** The 249 officially assigned ISO 3166-1 alpha-2 codes. */
const ASSIGNED = new Set(
	(
		'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
		'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
		'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP ' +
		'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT ' +
		'MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW ' +
		'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ ' +
		'UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
	).split(' '),
);

/** Codes people write that ISO 3166-1 assigns differently. */
const INSTEAD: Readonly<Record<string, string>> = { UK: 'GB' };

export const REGION_EXAMPLE = 'a two-letter ISO 3166 country code such as AU, NZ or US';

export function isAssignedRegionCode(code: string): boolean {
	return ASSIGNED.has(code);
}

/** `au` → `AU`; empty, a number or a code ISO 3166-1 does not assign is refused. */
export function toRegionCode(input: unknown): string {
	if (input !== undefined && input !== null && typeof input !== 'string') {
		throw new InvalidValueError(`must be ${REGION_EXAMPLE}, not ${kindOf(input)} (got ${preview(input)})`);
	}
	const code = (input ?? '').trim().toUpperCase();
	if (code === '') throw new InvalidValueError(`is required: ${REGION_EXAMPLE}`);
	if (!isAssignedRegionCode(code)) {
		const instead = INSTEAD[code];
		throw new InvalidValueError(`"${code}" is not ${REGION_EXAMPLE}${instead ? ` (use ${instead})` : ''}`);
	}
	return code;
}
