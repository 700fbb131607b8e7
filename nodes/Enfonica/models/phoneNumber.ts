import type { NumberFormats } from '../helpers/phoneNumberFormats';
import { formatsOf } from '../helpers/phoneNumberFormats';
import type { OutputModel } from './output';
import { once } from './output';

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

interface NumberContext {
	number: AvailablePhoneNumber;
	phoneNumber: string;
	formats: () => NumberFormats;
}

const ALL = ['phoneNumber', 'nationalFormat', 'internationalFormat', 'country', 'numberType', 'capabilities', 'sku', 'activationSku'];

/** A number for sale; `activationSku` null = no once-off charge. Simplified is all of it: 8 flat fields. */
export const PHONE_NUMBER_OUTPUT: OutputModel<AvailablePhoneNumber, NumberContext> = {
	identity: 'phoneNumber',
	simplified: ALL,
	legacy: ALL,
	context: (number) => {
		const phoneNumber = number.phoneNumber ?? '';
		return { number, phoneNumber, formats: once(() => formatsOf(phoneNumber)) };
	},
	fields: {
		phoneNumber: { name: 'Phone Number', read: ({ phoneNumber }) => phoneNumber },
		nationalFormat: { name: 'National Format', read: ({ formats }) => formats().nationalFormat },
		internationalFormat: { name: 'International Format', read: ({ formats }) => formats().internationalFormat },
		country: { name: 'Country', read: ({ number, formats }) => number.countryCode || formats().country },
		numberType: { name: 'Number Type', read: ({ number }) => number.numberType ?? 'PHONE_NUMBER_TYPE_UNSPECIFIED' },
		capabilities: { name: 'Capabilities', read: ({ number }) => number.capabilities ?? [] },
		sku: { name: 'SKU', read: ({ number }) => number.sku || null },
		activationSku: { name: 'Activation SKU', read: ({ number }) => number.activationSku || null },
	},
};
