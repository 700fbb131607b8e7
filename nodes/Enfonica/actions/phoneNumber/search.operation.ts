import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { phoneNumbers } from '../../api';
import { checked } from '../../errors';
import { NUMBER_TYPE_OPTIONS, NUMBER_TYPES } from '../../helpers/numberTypes';
import { toCountryCode, toSearchPrefix } from '../../helpers/phoneNumbers';
import { prefixFilterField, readPrefixFilter } from '../../helpers/prefixFilter';
import { checkChoice, checkChoices } from '../../helpers/validation';
import { PHONE_NUMBER_OUTPUT } from '../../models/phoneNumber';
import { listToItems, readLimit } from '../common';
import { filtersCollection, outputChoice, regionCodeField, returnAllFields } from '../common.descriptions';

const CAPABILITY_FLAGS: Record<string, string> = { MMS: 'supportsMms', SMS: 'supportsSms', VOICE: 'supportsVoice' };
const properties: INodeProperties[] = [
	regionCodeField('countryCode', 'Country Code', 'Two-letter ISO 3166 code of the country to search in, such as AU, NZ or US'),
	...returnAllFields(),
	filtersCollection([
		{
			displayName: 'Capabilities',
			name: 'capabilities',
			type: 'multiOptions',
			options: [
				{ name: 'MMS', value: 'MMS' },
				{ name: 'SMS', value: 'SMS' },
				{ name: 'Voice', value: 'VOICE' },
			],
			default: [],
			description: 'Only numbers that support all of these',
		},
		{
			displayName: 'Number Type',
			name: 'numberType',
			type: 'options',
			options: NUMBER_TYPE_OPTIONS,
			default: 'LOCAL',
		},
		prefixFilterField(
			'e.g. 2',
			'Digits the number starts with after the country code: 2, 02, +61 2 and 0061 2 all mean Sydney numbers in AU; in IT, 06 and +39 06 both mean Rome',
		),
	]),
	...outputChoice(PHONE_NUMBER_OUTPUT),
];

export const description = updateDisplayOptions({ show: { resource: ['phoneNumber'], operation: ['search'] } }, properties);

interface Prepared {
	qs: IDataObject;
	limit?: number;
}

/** Reads and checks the search; no request. */
export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<Prepared> {
	const node = this.getNode();
	const countryCode = checked(node, itemIndex, 'Country Code', () => toCountryCode(this.getNodeParameter('countryCode', itemIndex, '')));
	const limit = readLimit.call(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = { countryCode };
	const numberType = checked(node, itemIndex, 'Number Type', () => checkChoice(filters.numberType, NUMBER_TYPES));
	if (numberType) qs.numberType = numberType;
	const prefix = readPrefixFilter(node, itemIndex, filters, (input) => toSearchPrefix(input, countryCode));
	if (prefix !== '') qs.prefix = prefix;
	const capabilities = checked(node, itemIndex, 'Capabilities', () => checkChoices(filters.capabilities, Object.keys(CAPABILITY_FLAGS)));
	for (const capability of capabilities) qs[CAPABILITY_FLAGS[capability]] = true;
	return { qs, limit };
}

export async function execute(this: IExecuteFunctions, { qs, limit }: Prepared, itemIndex: number): Promise<INodeExecutionData[]> {
	return await listToItems.call(this, phoneNumbers.search, { qs }, { limit, itemIndex, model: PHONE_NUMBER_OUTPUT });
}
