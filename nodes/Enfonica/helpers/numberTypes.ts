import type { INodePropertyOptions } from 'n8n-workflow';

/** Enfonica's phone number types, sorted by name (PHONE_NUMBER_TYPE_UNSPECIFIED = any, not offered). */
export const NUMBER_TYPE_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Local', value: 'LOCAL', description: 'A geographic number, such as +61 2 … in Sydney' },
	{ name: 'Mobile', value: 'MOBILE' },
	{ name: 'National', value: 'NATIONAL', description: 'A non-geographic number reachable nationally' },
	{ name: 'Shared Rate', value: 'SHARED_RATE', description: 'Such as 1300 numbers in Australia' },
	{ name: 'Toll Free', value: 'TOLL_FREE', description: 'Such as 1800 numbers in Australia' },
];

export const NUMBER_TYPES = NUMBER_TYPE_OPTIONS.map((option) => String(option.value));
