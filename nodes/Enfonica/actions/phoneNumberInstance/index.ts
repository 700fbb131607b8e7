import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';

export { get };

export const operations = { get };

export type PhoneNumberInstanceOperation = keyof typeof operations;

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['phoneNumberInstance'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Retrieve a phone number instance',
				action: 'Get a phone number instance',
			},
		],
		default: 'get',
	},
	...get.description,
];
