/** What the API says about a number (country, type, capabilities), derived with libphonenumber-js. */
import { isValidPhoneNumber, parsePhoneNumberFromString, type NumberType as LibNumberType } from 'libphonenumber-js/max';
import metadata from 'libphonenumber-js/metadata.max.json';
import type { NumberOffer } from './inventory';
import type { Capability, NumberType, PhoneNumberJson } from './types';

export interface PhoneInfo {
	countryCode?: string;
	numberType?: NumberType;
	capabilities: Capability[];
	/** Country calling code digits, '' if unknown. */
	callingCode: string;
	/** Digits a national (0NSN-style) rendering puts before the NSN: '0' for AU geographic, '' for 1800. */
	trunkPrefix: string;
}

function mapNumberType(type: LibNumberType): NumberType | undefined {
	switch (type) {
		case 'FIXED_LINE':
		case 'FIXED_LINE_OR_MOBILE':
			return 'LOCAL';
		case 'MOBILE':
			return 'MOBILE';
		case 'TOLL_FREE':
			return 'TOLL_FREE';
		case 'SHARED_COST':
			return 'SHARED_RATE';
		case undefined:
			return undefined;
		default:
			return 'NATIONAL';
	}
}

export function capabilitiesFor(type: NumberType | undefined): Capability[] {
	if (type === 'MOBILE') return ['SMS', 'MMS', 'VOICE'];
	if (type === 'LOCAL') return ['SMS', 'VOICE'];
	return ['VOICE'];
}

/** Per-emulator memo: parsing with full metadata costs ~40 µs a number, and list filters touch many. */
export class PhoneDirectory {
	private readonly cache = new Map<string, PhoneInfo>();

	/** A number the service would sell: E.164 and valid per the numbering plan. */
	isDialable(number: string): boolean {
		return isValidPhoneNumber(number);
	}

	describe(number: string): PhoneInfo {
		let info = this.cache.get(number);
		if (!info) {
			info = this.compute(number);
			this.cache.set(number, info);
		}
		return info;
	}

	/** The PhoneNumber message; `offer` (an inventory number's commercial terms) overrides the derived capabilities. */
	render(number: string, offer?: NumberOffer): PhoneNumberJson {
		const info = this.describe(number);
		// Key order follows the proto field order.
		const json: PhoneNumberJson = { name: `phoneNumbers/${number}`, phoneNumber: number };
		json.capabilities = [...(offer?.capabilities ?? info.capabilities)];
		if (offer?.sku) json.sku = offer.sku;
		if (offer?.activationSku) json.activationSku = offer.activationSku;
		if (info.numberType) json.numberType = info.numberType;
		if (info.countryCode) json.countryCode = info.countryCode;
		return json;
	}

	private compute(number: string): PhoneInfo {
		const parsed = parsePhoneNumberFromString(number);
		if (!parsed) return { capabilities: capabilitiesFor(undefined), callingCode: '', trunkPrefix: '' };
		const callingCode = String(parsed.countryCallingCode);
		// Numbers the plan does not pin to a region still belong to the code's main country.
		const mainCountry = metadata.country_calling_codes[callingCode]?.[0];
		const countryCode = parsed.country ?? (mainCountry && /^[A-Z]{2}$/.test(mainCountry) ? mainCountry : undefined);
		const numberType = mapNumberType(parsed.getType());
		const nationalDigits = parsed.formatNational().replace(/\D/g, '');
		const nsn = String(parsed.nationalNumber);
		const trunkPrefix = nationalDigits.endsWith(nsn) ? nationalDigits.slice(0, nationalDigits.length - nsn.length) : '';
		return { countryCode, numberType, capabilities: capabilitiesFor(numberType), callingCode, trunkPrefix };
	}
}
