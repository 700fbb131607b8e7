/** phoneNumbers:search: numbers for sale in a country, lowest number first; held numbers are never offered. */
import { Metadata, type CountryCode, type MetadataJson } from 'libphonenumber-js/core';
import metadata from 'libphonenumber-js/metadata.max.json';

import { e164Value } from '../../e164';
import { invalidField } from '../../errors';
import type { InventoryEntry } from '../../inventory';
import { page, readPageSize } from '../../paging';
import { NUMBER_TYPE_ENUM } from '../../phoneNumberEnums';
import { readBoolParam, readEnumParam, readQuery, readRegionParam } from '../../query';
import type { Capability } from '../../types';
import { ok, type MethodHandler } from '../call';

const FLAGS: ReadonlyArray<[string, Capability]> = [
	['supportsVoice', 'VOICE'],
	['supportsSms', 'SMS'],
	['supportsMms', 'MMS'],
];

/** The country's national (trunk) prefix: '0' in AU, none in IT, whose numbers themselves start with 0. */
function trunkPrefixOf(countryCode: string): string {
	const plan = new Metadata(metadata as unknown as MetadataJson);
	try {
		plan.selectNumberingPlan(countryCode as CountryCode);
	} catch {
		return '';
	}
	const prefix = (plan.numberingPlan as unknown as { nationalPrefix(): unknown } | undefined)?.nationalPrefix();
	return typeof prefix === 'string' ? prefix : '';
}

/** Digits after the country code; the country's trunk prefix is dropped (AU: '02' ≡ '2'; IT: '06' stays '06'). */
function readSearchPrefix(value: string | undefined, countryCode: string): string {
	const text = value ?? '';
	if (!/^\d*$/.test(text)) {
		const hint = text.startsWith('+') || text.startsWith(' ') ? ' Give the digits after the country code, without "+" or the country code.' : '';
		throw invalidField('prefix', `"${text}" must contain digits only.${hint}`);
	}
	const trunk = trunkPrefixOf(countryCode);
	return trunk !== '' && text.startsWith(trunk) ? text.slice(trunk.length) : text;
}

export const searchPhoneNumbers: MethodHandler = (core, call) => {
	const query = readQuery(call.pairs, ['pageSize', 'pageToken', 'numberType', 'countryCode', 'prefix', 'supportsVoice', 'supportsSms', 'supportsMms']);
	const pageSize = readPageSize(query.pageSize);
	const countryCode = readRegionParam(query.countryCode, 'countryCode');
	const type = readEnumParam(query.numberType, NUMBER_TYPE_ENUM, 'numberType');
	const numberType = type === 'PHONE_NUMBER_TYPE_UNSPECIFIED' ? undefined : type;
	const prefix = readSearchPrefix(query.prefix, countryCode);
	// false is the proto3 default: "no filter", not "without the capability".
	const required = FLAGS.filter(([flag]) => readBoolParam(query[flag], flag) === true).map(([, capability]) => capability);

	// Bound to the normalised query: '02' and '2', 'LOCAL' and '1' are the same query.
	const scope = JSON.stringify(['phoneNumbers:search', countryCode, numberType ?? '', prefix, required]);
	const after = query.pageToken ? core.pageTokens.decodeKey(query.pageToken, scope, 'countryCode, numberType, prefix and the supports… flags') : undefined;

	const matches = (entry: InventoryEntry): boolean => {
		const info = core.phones.describe(entry.number);
		return (
			info.countryCode === countryCode &&
			(numberType === undefined || info.numberType === numberType) &&
			entry.number.slice(1 + info.callingCode.length).startsWith(prefix) &&
			required.every((capability) => entry.offer.capabilities.includes(capability)) &&
			// Belt and braces: a number a live instance holds is never for sale.
			core.store.holderOf(entry.number, 1) === undefined
		);
	};
	const matching = core.inventory
		.sorted()
		.filter((entry) => after === undefined || e164Value(entry.number) > e164Value(after))
		.filter(matches);
	const nextToken = (last: InventoryEntry): string => core.pageTokens.encodeKey(scope, last.number);
	return ok(page('phoneNumbers', matching, pageSize, nextToken, (entry) => core.phones.render(entry.number, entry.offer)));
};
