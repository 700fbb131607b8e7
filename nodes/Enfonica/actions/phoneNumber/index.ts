import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../operation';
import * as search from './search.operation';

/** Operation values are stored in workflows: keep them stable. */
export const operations: Record<string, Operation<unknown>> = { search };

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
				description: 'Find phone numbers available to buy',
				action: 'Search available phone numbers',
			},
		],
		default: 'search',
	},
	...search.description,
];
