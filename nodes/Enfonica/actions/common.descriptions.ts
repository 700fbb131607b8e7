import type { IDataObject, INodeProperties, INodePropertyMode } from 'n8n-workflow';

import type { Collection } from '../helpers/resourceNames';
import { INSTANCES, locatorNameRegex } from '../helpers/resourceNames';
import type { OutputModel } from '../models/output';

export const projectField: INodeProperties = {
	displayName: 'Project',
	name: 'project',
	type: 'string',
	default: '',
	placeholder: 'e.g. my-project',
	description: 'Project ID ("my-project" or "projects/my-project"). Empty: the project set in the credential.',
};

/** A resource locator: a searchable list and the resource name (or bare ID); `modes` adds other handles. */
export function resourceLocator(options: {
	displayName: string;
	name: string;
	of: Collection;
	searchListMethod: string;
	listPlaceholder: string;
	modes?: INodePropertyMode[];
}): INodeProperties {
	const { displayName, name, of, searchListMethod, listPlaceholder, modes = [] } = options;
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		modes: [
			{ displayName: 'From List', name: 'list', type: 'list', placeholder: listPlaceholder, typeOptions: { searchListMethod, searchable: true } },
			{
				displayName: 'By Name',
				name: 'name',
				type: 'string',
				placeholder: `e.g. projects/my-project/${of.segment}/abc123 or abc123`,
				validation: [
					{
						type: 'regex',
						// Anchored: unanchored, n8n accepts any value that merely contains a valid ID.
						properties: { regex: locatorNameRegex(of), errorMessage: `Use projects/<project>/${of.segment}/<id> or the ${of.noun} ID` },
					},
				],
			},
			...modes,
		],
	};
}

export const instanceLocator = resourceLocator({
	displayName: 'Phone Number Instance',
	name: 'phoneNumberInstance',
	of: INSTANCES,
	searchListMethod: 'searchPhoneNumberInstances',
	listPlaceholder: 'Select a phone number...',
	modes: [
		{
			displayName: 'By Phone Number',
			name: 'phoneNumber',
			type: 'string',
			placeholder: 'e.g. +61 2 5550 1100',
			hint: 'Any written form; national formats need a Default Country (E.164 always works)',
		},
	],
});

/** Return All + Limit, as n8n's list operations offer them (n8n's rules fix Limit's default at 50). */
export function returnAllFields(): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
		},
	];
}

/** A display name field (create's Additional Fields, update's Update Fields). */
export function displayNameField(description: string): INodeProperties {
	return { displayName: 'Display Name', name: 'displayName', type: 'string', default: '', description };
}

/** A two-letter country code field, AU by default. */
export function regionCodeField(name: string, displayName: string, description: string): INodeProperties {
	return { displayName, name, type: 'string', required: true, default: 'AU', placeholder: 'e.g. AU', description };
}

export const simplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
};

const FROM_VERSION_2 = { '@version': [{ _cnd: { gte: 2 } }] };

/** Output (version 2 on): Simplified, Raw or Selected Fields; `simplified` says what Simplified keeps. */
export function outputFormatField(simplified: string): INodeProperties {
	return {
		displayName: 'Output',
		name: 'outputFormat',
		type: 'options',
		default: 'simple',
		options: [
			{ name: 'Raw', value: 'raw', description: "Enfonica's object as returned, with nested fields" },
			{ name: 'Selected Fields', value: 'selectedFields', description: 'Only the fields chosen below' },
			{ name: 'Simplified', value: 'simple', description: simplified },
		],
		displayOptions: { show: FROM_VERSION_2 },
	};
}

/** The fields Output → Selected Fields offers from `model`, sorted by label; `show` adds conditions. */
export function selectedFieldsField(
	model: OutputModel<unknown, unknown>,
	{ name = 'fields', displayName = 'Fields', description = 'The fields to output', show = {} }: { name?: string; displayName?: string; description?: string; show?: IDataObject } = {},
): INodeProperties {
	const options = Object.entries(model.fields)
		.map(([value, field]) => ({ name: field.name, value }))
		// Not localeCompare: its first call loads ICU's collator (≈ 10 ms of the node's cold load). On
		// these plain English names both give the same order (descriptions.test.ts checks it with localeCompare).
		.sort((a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : a.name.toLowerCase() > b.name.toLowerCase() ? 1 : 0));
	return {
		displayName,
		name,
		type: 'multiOptions',
		options,
		default: [],
		description: `${description}; ${model.fields[model.identity].name} (${model.identity}) is always included`,
		displayOptions: { show: { ...FROM_VERSION_2, outputFormat: ['selectedFields'], ...show } },
	};
}

/**
 * The output choice of an operation whose output is `model`'s resource: Output and its Fields from
 * node version 2; version 1 keeps Simplify, the parameter its stored workflows have.
 */
export function outputChoice(model: OutputModel<unknown, unknown>): INodeProperties[] {
	return [
		{ ...simplifyField, displayOptions: { show: { '@version': [1] } } },
		outputFormatField(`Flat fields: ${model.simplified.join(', ')}`),
		selectedFieldsField(model),
	];
}

export const defaultCountryOption: INodeProperties = {
	displayName: 'Default Country',
	name: 'defaultCountry',
	type: 'string',
	default: '',
	placeholder: 'e.g. AU',
	description: 'Two-letter country code (ISO 3166) used to read phone numbers and prefixes written in national format, such as "02 5550 1100". Not needed for numbers starting with +.',
};

export const MAX_CONCURRENCY = 20;

const concurrencyOption: INodeProperties = {
	displayName: 'Concurrency',
	name: 'concurrency',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: MAX_CONCURRENCY, numberPrecision: 0 },
	default: 1,
	description: `How many items to process at the same time (1 to ${MAX_CONCURRENCY}). Output order is the same as with 1.`,
	hint: 'Higher is faster for bulk work but meets Enfonica\'s rate limits sooner; then all items wait together',
};

function optionsCollection(options: INodeProperties[]): INodeProperties {
	return { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add option', default: {}, options };
}

/** Filters, as the list operations and the trigger offer them. */
export function filtersCollection(options: INodeProperties[]): INodeProperties {
	return { displayName: 'Filters', name: 'filters', type: 'collection', placeholder: 'Add Filter', default: {}, options };
}

const dryRunOption: INodeProperties = {
	displayName: 'Dry Run',
	name: 'dryRun',
	type: 'boolean',
	default: false,
	description:
		'Whether to only show what the run would do: every check and lookup runs, nothing is changed, and each item outputs the request the real run would send',
};

const maxNumbersToBuyOption: INodeProperties = {
	displayName: 'Max Numbers to Buy',
	name: 'maxNumbersToBuy',
	type: 'number',
	typeOptions: { minValue: 0, numberPrecision: 0 },
	default: 10,
	description: 'The most numbers one run may buy, counted after the lookups (numbers already held do not count). A run that would buy more buys nothing.',
};

/** Options of the operations that read typed phone numbers or prefixes (Default Country reads national formats). */
export const phoneNumberOptions = optionsCollection([concurrencyOption, defaultCountryOption]);

/** Options of the operations that change an instance: Dry Run too. */
export const changeOptions = optionsCollection([concurrencyOption, defaultCountryOption, dryRunOption]);

/** Options of the operations that buy numbers: Dry Run and the cap. */
export const purchaseOptions = optionsCollection([concurrencyOption, defaultCountryOption, dryRunOption, maxNumbersToBuyOption]);

/** Options of the regulatory listing operations that change a listing. */
export const listingChangeOptions = optionsCollection([concurrencyOption, dryRunOption]);
