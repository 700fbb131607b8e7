import type { IDataObject } from 'n8n-workflow';

import { formatsOf } from '../../helpers/phoneNumbers';

/** A PhoneNumber as `phoneNumbers:search` returns it; absent fields mean their proto3 defaults. */
export interface AvailablePhoneNumber {
	name?: string;
	phoneNumber?: string;
	capabilities?: string[];
	sku?: string;
	activationSku?: string;
	numberType?: string;
	countryCode?: string;
}

/** The flat shape of a number for sale; `activationSku` null = no once-off charge. */
export function simplifyPhoneNumber(number: AvailablePhoneNumber): IDataObject {
	const phoneNumber = number.phoneNumber ?? '';
	const formats = formatsOf(phoneNumber);
	return {
		phoneNumber,
		nationalFormat: formats.nationalFormat,
		internationalFormat: formats.internationalFormat,
		country: number.countryCode || formats.country,
		numberType: number.numberType ?? 'PHONE_NUMBER_TYPE_UNSPECIFIED',
		capabilities: number.capabilities ?? [],
		sku: number.sku || null,
		activationSku: number.activationSku || null,
	};
}
