/**
 * The two things that reach a number's handler URIs. Each has its own webhook, so its own URL in
 * its own list. n8n types a webhook's name as 'default' | 'setup' only: messages use 'default',
 * calls 'setup' (the name is n8n's key, nothing more).
 */
export type InboundEventName = 'incomingMessage' | 'incomingCall';

export interface InboundEvent {
	name: InboundEventName;
	webhook: 'default' | 'setup';
	/** The webhook's path, the last segment of its URL. */
	path: string;
	/** The value of X-Enfonica-Event Enfonica sends. */
	header: string;
	/** The phone number instance field listing the handler URIs. */
	field: 'incomingMessageHandlerUris' | 'incomingCallHandlerUris';
	/** In messages: "Incoming Message Handler URIs". */
	label: string;
}

export const INCOMING_MESSAGE: InboundEvent = {
	name: 'incomingMessage',
	webhook: 'default',
	path: 'message',
	header: 'INCOMING_MESSAGE',
	field: 'incomingMessageHandlerUris',
	label: 'Incoming Message Handler URIs',
};

export const INCOMING_CALL: InboundEvent = {
	name: 'incomingCall',
	webhook: 'setup',
	path: 'call',
	header: 'CALL',
	field: 'incomingCallHandlerUris',
	label: 'Incoming Call Handler URIs',
};

export const INBOUND_EVENTS: readonly InboundEvent[] = [INCOMING_MESSAGE, INCOMING_CALL];

export function eventOfWebhook(webhookName: string): InboundEvent {
	return webhookName === INCOMING_CALL.webhook ? INCOMING_CALL : INCOMING_MESSAGE;
}
