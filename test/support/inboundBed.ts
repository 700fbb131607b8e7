/** Shared by the Inbound Trigger tests: the emulator, the engine harness and its webhook host. */
import type { INodeParameters } from 'n8n-workflow';

import type { Emulator, PhoneNumberInstanceJson } from '../emulator';
import { startEmulator } from '../emulator';
import type { Harness, HostedWebhookTrigger, WebhookHost } from '../harness';
import { createHarness } from '../harness';

export const INBOUND_TYPE = 'n8n-nodes-enfonica.enfonicaInboundTrigger';
export const PROJECT = 'acme';
export const OTHER_MESSAGE_URL = 'https://sms.example.com/inbound';
export const OTHER_CALL_URL = 'https://voice.example.com/answer';

export interface InboundBed {
	emu: Emulator;
	h: Harness;
	host: WebhookHost;
	/** A credential with the project's Signing Key. */
	credentialId: string;
	/** A new credential of the same account: `signingKey` overrides the project's. */
	credential(signingKey?: string): string;
	/** A number of the project, with other handlers already set. */
	seedNumber(phoneNumber: string, handlers?: { message?: string[]; call?: string[] }): PhoneNumberInstanceJson;
	trigger(parameters: INodeParameters, credentialId?: string): HostedWebhookTrigger;
	instance(name: string): PhoneNumberInstanceJson;
	close(): Promise<void>;
}

export function inboundParameters(instanceName: string, extra: INodeParameters = {}): INodeParameters {
	return { phoneNumberInstance: { __rl: true, mode: 'name', value: instanceName }, events: ['incomingMessage', 'incomingCall'], ...extra };
}

export async function startInboundBed(): Promise<InboundBed> {
	const emu = await startEmulator();
	const h = await createHarness();
	const host = await h.webhookHost();
	const key = emu.createServiceAccount({ projectId: PROJECT });
	const credential = (signingKey = emu.signingKeyOf(PROJECT)) =>
		h.addCredential({ authentication: 'serviceAccountKey', serviceAccountKey: JSON.stringify(key), baseUrl: emu.baseUrl, tokenUrl: emu.tokenUrl, signingKey }).id;
	const credentialId = credential();
	return {
		emu,
		h,
		host,
		credentialId,
		credential,
		seedNumber: (phoneNumber, handlers = { message: [OTHER_MESSAGE_URL], call: [OTHER_CALL_URL] }) =>
			emu.seed(PROJECT, [{ phoneNumber, incomingMessageHandlerUris: handlers.message ?? [], incomingCallHandlerUris: handlers.call ?? [] }])[0],
		trigger: (parameters, id = credentialId) => host.trigger({ parameters, credentialId: id, nodeType: INBOUND_TYPE }),
		instance: (name) => {
			const instance = emu.getInstance(name);
			if (!instance) throw new Error(`no instance ${name}`);
			return instance;
		},
		close: async () => {
			await host.close();
			await emu.close();
		},
	};
}
