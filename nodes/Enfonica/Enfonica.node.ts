import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as phoneNumberInstance from './actions/phoneNumberInstance';
import { router } from './actions/router';
import { searchPhoneNumberInstances } from './methods/listSearch';

export class Enfonica implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Enfonica',
		name: 'enfonica',
		icon: { light: 'file:enfonica.svg', dark: 'file:enfonica.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Manage Enfonica phone number instances',
		defaults: { name: 'Enfonica' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'enfonicaApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Phone Number Instance', value: 'phoneNumberInstance' }],
				default: 'phoneNumberInstance',
			},
			...phoneNumberInstance.description,
		],
	};

	methods = {
		listSearch: { searchPhoneNumberInstances },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
