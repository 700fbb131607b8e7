import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as phoneNumber from './actions/phoneNumber';
import * as phoneNumberInstance from './actions/phoneNumberInstance';
import * as regulatoryListing from './actions/regulatoryListing';
import { router } from './actions/router';
import { searchPhoneNumberInstances, searchRegulatoryListings } from './methods/listSearch';

export class Enfonica implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Enfonica',
		name: 'enfonica',
		icon: { light: 'file:enfonica.svg', dark: 'file:enfonica.dark.svg' },
		group: ['transform'],
		// 2: Output (Simplified, Raw, Selected Fields) replaces Simplify; version 1 nodes keep Simplify.
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Find, buy and manage Enfonica phone numbers and their regulatory listings',
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
				options: [
					{ name: 'Phone Number', value: 'phoneNumber', description: 'Numbers available to buy' },
					{ name: 'Phone Number Instance', value: 'phoneNumberInstance', description: 'Numbers a project holds' },
					{ name: 'Regulatory Listing', value: 'regulatoryListing', description: 'Who uses a number, for regulators' },
				],
				default: 'phoneNumberInstance',
			},
			...phoneNumber.description,
			...phoneNumberInstance.description,
			...regulatoryListing.description,
		],
	};

	methods = {
		listSearch: { searchPhoneNumberInstances, searchRegulatoryListings },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
