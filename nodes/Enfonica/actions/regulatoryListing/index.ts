import type { INodeProperties } from 'n8n-workflow';

import { LISTING_OUTPUT } from '../../models/regulatoryListing';
import type { Operation } from '../operation';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as search from './search.operation';
import * as update from './update.operation';

/** Operation values are stored in workflows: keep them stable. */
export const operations: Record<string, Operation<unknown>> = { create, delete: del, get, getMany, search, update };

/** What every operation of this resource outputs. */
export const output = LISTING_OUTPUT;

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['regulatoryListing'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Register the person or business that uses numbers, for regulators',
				action: 'Create a regulatory listing',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a regulatory listing no number uses. Irreversible.',
				action: 'Delete a regulatory listing',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get one regulatory listing by name. Changes nothing.',
				action: 'Get a regulatory listing',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List the regulatory listings of a project, newest first. Changes nothing.',
				action: 'Get many regulatory listings',
			},
			{
				name: 'Search',
				value: 'search',
				description: 'Find the listings usable for a kind of number in a region. Changes nothing.',
				action: 'Search regulatory listings',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Change the display name of a regulatory listing',
				action: 'Update a regulatory listing',
			},
		],
		default: 'get',
	},
	...create.description,
	...del.description,
	...get.description,
	...getMany.description,
	...search.description,
	...update.description,
];
