import type { INodeProperties } from 'n8n-workflow';

import { PHONE_NUMBER_OUTPUT } from '../../models/phoneNumber';
import type { Operation } from '../operation';
import * as search from './search.operation';

/** Operation values are stored in workflows: keep them stable. */
export const operations: Record<string, Operation<unknown>> = { search };

/** What every operation of this resource outputs. */
export const output = PHONE_NUMBER_OUTPUT;

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['phoneNumber'] } },
		options: [
			{
				name: 'Search',
				value: 'search',
				description: 'Find phone numbers available to buy in a country, with their charges. Buys nothing.',
				action: 'Search available phone numbers',
			},
		],
		default: 'search',
	},
	...search.description,
];
