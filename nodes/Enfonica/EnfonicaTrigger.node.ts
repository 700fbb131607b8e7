import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { filtersCollection, outputFormatField, selectedFieldsField, simplifyField } from './actions/common.descriptions';
import { LIFECYCLE_STATE_OPTIONS } from './helpers/lifecycleStates';
import { prefixFilterField } from './helpers/prefixFilter';
import { INSTANCE_OUTPUT } from './models/phoneNumberInstance';
import { LISTING_OUTPUT } from './models/regulatoryListing';
import { pollChanges } from './trigger/poll';

export class EnfonicaTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Enfonica Trigger',
		name: 'enfonicaTrigger',
		icon: { light: 'file:enfonica.svg', dark: 'file:enfonica.dark.svg' },
		group: ['trigger'],
		// 2: Output (Simplified, Raw, Selected Fields) replaces Options → Simplify; version 1 nodes keep Simplify.
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description:
			'Starts the workflow when Enfonica phone numbers change lifecycle state, compliance or configuration, appear or disappear, or a regulatory listing\'s review changes',
		defaults: { name: 'Enfonica Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'enfonicaApi', required: true }],
		properties: [
			{
				displayName: 'Project',
				name: 'project',
				type: 'string',
				default: '',
				placeholder: 'e.g. my-project',
				description: 'Project ID ("my-project" or "projects/my-project") to watch. Empty: the project set in the credential.',
			},
			{
				displayName: 'Trigger On',
				name: 'events',
				type: 'multiOptions',
				required: true,
				options: [
					{
						name: 'Compliance Changed',
						value: 'complianceChanged',
						description: 'A number became compliant or stopped being compliant',
					},
					{
						name: 'Configuration Changed',
						value: 'configurationChanged',
						description: 'Display name, labels, message or call handlers, or call recording changed (e.g. in the Enfonica Console)',
					},
					{
						name: 'Instance Added',
						value: 'instanceAdded',
						description: 'A new instance appeared: a number bought or moved in, or the new range of a split',
					},
					{
						name: 'Instance Removed',
						value: 'instanceRemoved',
						description: 'An instance vanished from the project: moved to another project or purged',
					},
					{
						name: 'Lifecycle State Changed',
						value: 'lifecycleStateChanged',
						description: 'A number became active, suspended, pending or deleted',
					},
					{
						name: 'Regulatory Listing Review Changed',
						value: 'listingReviewChanged',
						description: 'Enfonica\'s review made a regulatory listing valid or invalid, verified or unverified',
					},
				],
				default: ['lifecycleStateChanged'],
				description: 'Which changes start the workflow; each change is one item',
			},
			{
				displayName: 'Lifecycle States',
				name: 'lifecycleStates',
				type: 'multiOptions',
				options: LIFECYCLE_STATE_OPTIONS,
				default: [],
				description: 'Report lifecycle changes only into these states, e.g. Suspended and Deleted. Empty: any state.',
				displayOptions: { show: { events: ['lifecycleStateChanged'] } },
			},
			filtersCollection([
				prefixFilterField('e.g. +612', 'Watch only numbers starting with this prefix, in E.164 ("+612") or national ("02") form. Changing it starts a new baseline.'),
			]),
			outputFormatField(
				`Flat fields, with the event's own fields (event, previous values, detectedAt). A number: ${INSTANCE_OUTPUT.simplified.join(', ')}. A listing: ${LISTING_OUTPUT.simplified.join(', ')}`,
			),
			selectedFieldsField(INSTANCE_OUTPUT, { description: "The number's fields to output with the event's own fields" }),
			selectedFieldsField(LISTING_OUTPUT, {
				name: 'listingFields',
				displayName: 'Listing Fields',
				description: "The listing's fields to output with the event's own fields",
				show: { events: ['listingReviewChanged'] },
			}),
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options: [
					{
						displayName: 'Durable Poll Cursors Enabled',
						name: 'durablePollCursors',
						type: 'boolean',
						default: false,
						description:
							'Whether your n8n saves what a trigger has seen after every poll, even a poll that starts no execution (durable poll cursors, n8n 2.37 or later, turned on by whoever runs n8n). On: a poll that sees only changes you filtered out starts no execution. Off, or when n8n turns out not to save it that way: such a poll starts an execution with no items, so that n8n saves what the trigger saw.',
					},
					{
						displayName: 'On Poll Failure',
						name: 'onPollFailure',
						type: 'options',
						default: 'fail',
						options: [
							{
								name: 'Alert Once',
								value: 'alertOnce',
								description: 'Output one pollFailing item when polls start failing, nothing while they keep failing, and pollRecovered with the changes missed once a poll succeeds',
							},
							{
								name: 'Fail',
								value: 'fail',
								description: 'Report an error on every failed poll (n8n\'s error workflow is called each time)',
							},
						],
						description: 'What a poll that cannot reach Enfonica does',
					},
					{ ...simplifyField, displayOptions: { show: { '@version': [1] } } },
				],
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollChanges.call(this);
	}
}
