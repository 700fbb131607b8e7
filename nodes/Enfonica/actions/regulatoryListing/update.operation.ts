import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { regulatoryListings } from '../../api';
import { checked, inputError } from '../../errors';
import { checkDisplayName, MAX_DISPLAY_NAME } from '../../helpers/validation';
import type { RegulatoryListing } from '../../models/regulatoryListing';
import { LISTING_OUTPUT } from '../../models/regulatoryListing';
import { displayNameField, listingChangeOptions, outputChoice, projectField } from '../common.descriptions';
import type { Change } from '../plannedChange';
import { dryRunItem, isDryRun, sendChange } from '../plannedChange';
import { itemListing, listingLocator, listingOutput } from './shared';

const properties: INodeProperties[] = [
	projectField,
	listingLocator,
	{
		displayName:
			'Only the display name of a listing can change: the person or business and the address are fixed once created (Enfonica reviews them). To change those, create a new listing and move the numbers to it.',
		name: 'updateNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [displayNameField(`A name for the listing, up to ${MAX_DISPLAY_NAME} characters; empty clears it`)],
	},
	...outputChoice(LISTING_OUTPUT),
	listingChangeOptions,
];

export const description = updateDisplayOptions({ show: { resource: ['regulatoryListing'], operation: ['update'] } }, properties);

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<Change<RegulatoryListing>> {
	const name = await itemListing.call(this, itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	if (!('displayName' in fields)) {
		throw inputError(this.getNode(), itemIndex, 'Update Fields', 'is empty: add Display Name (the only field of a listing that can change)');
	}
	const displayName = checked(this.getNode(), itemIndex, 'Display Name', () => checkDisplayName(fields.displayName));
	return { call: regulatoryListings.update, name, qs: { updateMask: 'displayName' }, body: { displayName } };
}

/** One PATCH with exactly the changed field in updateMask. */
export async function execute(this: IExecuteFunctions, change: Change<RegulatoryListing>, itemIndex: number): Promise<INodeExecutionData[]> {
	if (isDryRun.call(this, itemIndex)) return dryRunItem.call(this, change, itemIndex);
	const listing = await sendChange(this, change, itemIndex);
	return [listingOutput.call(this, listing, itemIndex)];
}
