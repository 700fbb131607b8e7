import type { INodeProperties } from 'n8n-workflow';

import { INSTANCE_OUTPUT } from '../../models/phoneNumberInstance';
import type { Operation } from '../operation';
import * as create from './create.operation';
import * as createOrUpdate from './createOrUpdate.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as move from './move.operation';
import * as splitRange from './splitRange.operation';
import * as update from './update.operation';

/** Operation values are stored in workflows: keep them stable. */
export const operations: Record<string, Operation<unknown>> = { create, createOrUpdate, delete: del, get, getMany, move, splitRange, update };

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
				description: 'Buy (provision) a phone number into a project. Costs money: Enfonica charges for it from then on.',
				action: 'Create a phone number instance which costs money',
			},
			{
				name: 'Create or Update',
				value: 'createOrUpdate',
				description: 'Update the instance that matches (by phone number or by a label), or buy the number when none does: safe to re-run',
				action: 'Create or update a phone number instance',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Release a phone number: calls and messages to it stop. Irreversible: the number is lost.',
				action: 'Delete a phone number instance irreversibly',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get one phone number of the project, by name or by the number itself. Changes nothing.',
				action: 'Get a phone number instance',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List the phone numbers a project holds, filtered by prefix, state or compliance. Changes nothing.',
				action: 'Get many phone number instances',
			},
			{
				name: 'Move',
				value: 'move',
				description: 'Move a phone number to another project the credential can reach',
				action: 'Move a phone number instance',
			},
			{
				name: 'Split Range',
				value: 'splitRange',
				description: 'Split a range of numbers in two at a given size',
				action: 'Split a phone number range',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Change the display name, labels, handlers or call recording of a phone number',
				action: 'Update a phone number instance',
			},
		],
		default: 'get',
	},
	...create.description,
	...createOrUpdate.description,
	...del.description,
	...get.description,
	...getMany.description,
	...move.description,
	...splitRange.description,
	...update.description,
];
