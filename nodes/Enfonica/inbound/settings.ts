import type { IDataObject, IHookFunctions, INodeParameterResourceLocator, IWebhookFunctions } from 'n8n-workflow';

import { checked } from '../errors';
import { decodeSigningKey } from '../helpers/signingKey';
import { checkChoice, checkChoices } from '../helpers/validation';
import { readInstanceLocator } from '../shared/instanceLocator';
import { nodeProject, TRIGGER_PROJECT_HINT } from '../shared/nodeProject';
import { CREDENTIAL_TYPE } from '../transport';
import type { InboundEvent } from './events';
import { INBOUND_EVENTS } from './events';
import type { HandlerPosition } from './handlerList';

export interface InboundSettings {
	projectName: string;
	target: { name: string } | { phoneNumber: string };
	events: InboundEvent[];
	position: HandlerPosition;
}

export function selectedEvents(this: IHookFunctions | IWebhookFunctions): InboundEvent[] {
	const names = checked(this.getNode(), undefined, 'Trigger On', () => checkChoices(this.getNodeParameter('events', []), INBOUND_EVENTS.map((event) => event.name)));
	return INBOUND_EVENTS.filter((event) => names.includes(event.name));
}

/** The decoded Signing Key: activation and every request need it (the message says where to find it). */
export async function signingKey(this: IHookFunctions | IWebhookFunctions): Promise<Buffer> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	return checked(this.getNode(), undefined, 'Signing Key', () => decodeSigningKey(credentials.signingKey));
}

/** The trigger's parameters, checked before any request: a bad value fails activation with a clear message. */
export async function readSettings(this: IHookFunctions): Promise<InboundSettings> {
	const node = this.getNode();
	const projectName = await nodeProject.call(this, undefined, TRIGGER_PROJECT_HINT);
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const country = typeof options.defaultCountry === 'string' && options.defaultCountry.trim() !== '' ? options.defaultCountry.trim() : undefined;
	const locator = this.getNodeParameter('phoneNumberInstance') as INodeParameterResourceLocator;
	const target = readInstanceLocator.call(this, locator, projectName, undefined, country);
	const position = checked(node, undefined, 'Handler Position', () => checkChoice(this.getNodeParameter('handlerPosition', 'first'), ['first', 'last'])) as HandlerPosition;
	return { projectName, target, events: selectedEvents.call(this), position };
}
