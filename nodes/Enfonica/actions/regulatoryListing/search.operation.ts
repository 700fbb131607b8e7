import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { regulatoryListings } from '../../api';
import { checked, inputError } from '../../errors';
import { checkRegionCode } from '../../helpers/listingRules';
import { NUMBER_TYPE_OPTIONS, NUMBER_TYPES } from '../../helpers/numberTypes';
import { checkChoice } from '../../helpers/validation';
import { LISTING_OUTPUT } from '../../models/regulatoryListing';
import { itemProject, listToItems, readLimit } from '../common';
import { outputChoice, projectField, regionCodeField, returnAllFields } from '../common.descriptions';

const properties: INodeProperties[] = [
	projectField,
	regionCodeField('regionCode', 'Region Code', 'Two-letter ISO 3166 code of the country of the numbers'),
	{
		displayName: 'Number Type',
		name: 'numberType',
		type: 'options',
		required: true,
		options: NUMBER_TYPE_OPTIONS,
		default: 'LOCAL',
		description: 'The kind of number the listing must be usable for',
	},
	...returnAllFields(),
	...outputChoice(LISTING_OUTPUT),
];

export const description = updateDisplayOptions({ show: { resource: ['regulatoryListing'], operation: ['search'] } }, properties);

interface Prepared {
	projectName: string;
	regionCode: string;
	numberType: string;
	limit?: number;
}

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<Prepared> {
	const node = this.getNode();
	const projectName = await itemProject.call(this, itemIndex);
	const regionCode = checked(node, itemIndex, 'Region Code', () => checkRegionCode(this.getNodeParameter('regionCode', itemIndex, '')));
	const numberType = checked(node, itemIndex, 'Number Type', () => checkChoice(this.getNodeParameter('numberType', itemIndex, ''), NUMBER_TYPES));
	if (!numberType) throw inputError(node, itemIndex, 'Number Type', 'is required: the kind of number the listing must be usable for');
	return { projectName, regionCode, numberType, limit: readLimit.call(this, itemIndex) };
}

/** The project's listings usable for numbers of that region and type. */
export async function execute(this: IExecuteFunctions, { projectName, regionCode, numberType, limit }: Prepared, itemIndex: number): Promise<INodeExecutionData[]> {
	return await listToItems.call(this, regulatoryListings.search, { parent: projectName, qs: { regionCode, numberType } }, { limit, itemIndex, model: LISTING_OUTPUT });
}
