import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { regulatoryListings } from '../../api';
import { LISTING_OUTPUT } from '../../models/regulatoryListing';
import { itemProject, listToItems, readLimit } from '../common';
import { outputChoice, projectField, returnAllFields } from '../common.descriptions';

const properties: INodeProperties[] = [projectField, ...returnAllFields(), ...outputChoice(LISTING_OUTPUT)];

export const description = updateDisplayOptions({ show: { resource: ['regulatoryListing'], operation: ['getMany'] } }, properties);

interface Prepared {
	projectName: string;
	limit?: number;
}

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<Prepared> {
	return { projectName: await itemProject.call(this, itemIndex), limit: readLimit.call(this, itemIndex) };
}

/** The project's listings, newest first. */
export async function execute(this: IExecuteFunctions, { projectName, limit }: Prepared, itemIndex: number): Promise<INodeExecutionData[]> {
	return await listToItems.call(this, regulatoryListings.list, { parent: projectName }, { limit, itemIndex, model: LISTING_OUTPUT });
}
