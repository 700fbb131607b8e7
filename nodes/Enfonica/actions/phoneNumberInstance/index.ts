import type { INodeProperties } from 'n8n-workflow';

import { INSTANCE_OUTPUT } from '../../models/phoneNumberInstance';
import type { Operation } from '../operation';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as move from './move.operation';
import * as splitRange from './splitRange.operation';
import * as update from './update.operation';

/** Operation values are stored in workflows: keep them stable. */
export const operations: Record<string, Operation<unknown>> = { create, delete: del, get, getMany, move, splitRange, update };

/** What every operation of this resource outputs. */
export const output = INSTANCE_OUTPUT;

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['phoneNumberInstance'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Provision (buy) a phone number in a project',
				action: 'Create a phone number instance',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Disconnect a phone number instance',
				action: 'Delete a phone number instance',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Retrieve a phone number instance',
				action: 'Get a phone number instance',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List phone number instances, with filters',
				action: 'Get many phone number instances',
			},
			{
				name: 'Move',
				value: 'move',
				description: 'Move a phone number instance to another project',
				action: 'Move a phone number instance',
			},
			{
				name: 'Split Range',
				value: 'splitRange',
				description: 'Split a range of numbers in two',
				action: 'Split a phone number range',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Change the configuration of a phone number instance',
				action: 'Update a phone number instance',
			},
		],
		default: 'get',
	},
	...create.description,
	...del.description,
	...get.description,
	...getMany.description,
	...move.description,
	...splitRange.description,
	...update.description,
];
