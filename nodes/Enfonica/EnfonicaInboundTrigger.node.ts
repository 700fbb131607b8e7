import type { INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { defaultCountryOption, instanceLocator, projectField } from './actions/common.descriptions';
import { INCOMING_CALL, INCOMING_MESSAGE } from './inbound/events';
import { DEFAULT_VOICEML, receive } from './inbound/receive';
import { registrationMethods } from './inbound/registration';
import { searchPhoneNumberInstances } from './methods/listSearch';

export class EnfonicaInboundTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Enfonica Inbound Trigger',
		name: 'enfonicaInboundTrigger',
		icon: { light: 'file:enfonica.svg', dark: 'file:enfonica.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow when a message or a call arrives on an Enfonica phone number',
		defaults: { name: 'Enfonica Inbound Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'enfonicaApi', required: true }],
		webhooks: [
			{ name: INCOMING_MESSAGE.webhook, httpMethod: 'POST', responseMode: 'onReceived', path: INCOMING_MESSAGE.path },
			{
				name: INCOMING_CALL.webhook,
				httpMethod: 'POST',
				responseMode: '={{$parameter["callResponse"] === "respondToWebhook" ? "responseNode" : "onReceived"}}',
				path: INCOMING_CALL.path,
			},
		],
		properties: [
			{
				displayName:
					'Publishing puts this workflow\'s URL into the number\'s handler list; unpublishing takes it out again. Enfonica signs every request: set the Signing Key in the credential (Enfonica Console → Project → Settings).',
				name: 'registrationNotice',
				type: 'notice',
				default: '',
			},
			projectField,
			instanceLocator,
			{
				displayName: 'Trigger On',
				name: 'events',
				type: 'multiOptions',
				required: true,
				options: [
					{ name: 'Incoming Call', value: 'incomingCall', description: 'A call to the number; the workflow can decide what the caller hears' },
					{ name: 'Incoming Message', value: 'incomingMessage', description: 'An SMS arrives on the number' },
				],
				default: ['incomingMessage'],
				description: 'What starts the workflow; each request is one item',
			},
			{
				displayName: 'Handler Position',
				name: 'handlerPosition',
				type: 'options',
				options: [
					{ name: 'First (Primary)', value: 'first', description: 'This workflow becomes the primary handler; the handlers already there become its failovers' },
					{ name: 'Last (Failover)', value: 'last', description: 'This workflow is tried after the handlers already there fail' },
				],
				default: 'first',
				description: 'Where this workflow\'s URL goes in the number\'s handler list (Enfonica tries them in order, at most 5)',
			},
			{
				displayName: 'Call Response',
				name: 'callResponse',
				type: 'options',
				options: [
					{ name: 'Respond to Webhook Node', value: 'respondToWebhook', description: 'A Respond to Webhook node later in the workflow answers (with VoiceML, content type text/xml)' },
					{ name: 'VoiceML', value: 'voiceml', description: 'Answer at once with the VoiceML below' },
				],
				default: 'voiceml',
				description: 'How Enfonica learns what to do with the call',
				displayOptions: { show: { events: ['incomingCall'] } },
			},
			{
				displayName: 'VoiceML',
				name: 'voiceml',
				type: 'string',
				typeOptions: { rows: 5 },
				default: DEFAULT_VOICEML,
				description: 'The VoiceML document the caller gets: a Response element with actions such as Say, Call or Input',
				displayOptions: { show: { events: ['incomingCall'], callResponse: ['voiceml'] } },
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options: [defaultCountryOption],
			},
		],
	};

	methods = {
		listSearch: { searchPhoneNumberInstances },
	};

	webhookMethods = {
		[INCOMING_MESSAGE.webhook]: registrationMethods(INCOMING_MESSAGE),
		[INCOMING_CALL.webhook]: registrationMethods(INCOMING_CALL),
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receive.call(this);
	}
}
