/**
 * What the Inbound Trigger does with each request Enfonica sends: verify the signature before
 * anything else (401, no execution, when it is missing or wrong), then start one execution with
 * the payload as Enfonica sent it, and answer as Enfonica expects (messages 200 at once; calls
 * with VoiceML, or through a Respond to Webhook node).
 */
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import type { InboundEvent } from './events';
import { eventOfWebhook, INCOMING_CALL } from './events';
import { selectedEvents, signingKey } from './settings';
import { isValidSignature } from './signature';

export const VOICEML_CONTENT_TYPE = 'text/xml; charset=utf-8';

/** What a caller hears when the user has not written VoiceML of their own. */
export const DEFAULT_VOICEML = `<?xml version="1.0" encoding="UTF-8"?>
<Response>
  <Say>Thank you for calling. We have received your call. Goodbye.</Say>
</Response>`;

interface RequestWithBody {
	rawBody?: Buffer;
	/** n8n reads the body on demand (2.x); normally done before the node runs. */
	readRawBody?: () => Promise<void>;
}

/**
 * The URL Enfonica called, as registered: n8n's production URL, or in a test ("Listen for test
 * event") the test URL. n8n 2.x gives that as the resource URL; n8n 1.x only gives the production
 * one, whose /webhook/ becomes /webhook-test/ (n8n's Twilio Trigger does the same).
 */
function registeredUrl(this: IWebhookFunctions, event: InboundEvent): string | undefined {
	const production = this.getNodeWebhookUrl(event.webhook);
	if (this.getMode() !== 'manual') return production;
	if (typeof this.getWebhookResourceUrl === 'function') return this.getWebhookResourceUrl(event.webhook);
	return production?.replace('/webhook/', '/webhook-test/');
}

function payloadOf(rawBody: Buffer): IDataObject | undefined {
	try {
		const payload = JSON.parse(rawBody.toString('utf8')) as unknown;
		return payload !== null && typeof payload === 'object' && !Array.isArray(payload) ? (payload as IDataObject) : undefined;
	} catch {
		return undefined;
	}
}

export async function receive(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const event = eventOfWebhook(this.getWebhookName());
	const request = this.getRequestObject();
	const response = this.getResponseObject();
	const refuse = (status: number): IWebhookResponseData => {
		response.status(status).end();
		return { noWebhookResponse: true };
	};
	if (!selectedEvents.call(this).includes(event)) return refuse(404);

	let key: Buffer;
	try {
		key = await signingKey.call(this);
	} catch (error) {
		// Activation refuses a missing key; this is a key removed or changed since. The message holds no key.
		this.logger.warn(`Enfonica Inbound Trigger refused a request: ${(error as Error).message}`);
		return refuse(401);
	}
	const body = request as unknown as RequestWithBody;
	if (!body.rawBody && body.readRawBody) await body.readRawBody();
	const url = registeredUrl.call(this, event);
	const eventHeader = request.header('x-enfonica-event') ?? '';
	if (!body.rawBody || !url || !isValidSignature(key, url, eventHeader, body.rawBody, request.header('x-enfonica-signature'))) {
		return refuse(401);
	}
	// Signed by Enfonica, but not what this URL receives (or not JSON): nothing to run.
	const payload = eventHeader === event.header ? payloadOf(body.rawBody) : undefined;
	if (!payload) return refuse(400);

	const workflowData = [this.helpers.returnJsonArray([{ event: event.name, ...payload, receivedAt: new Date().toISOString() }])];
	if (event === INCOMING_CALL) {
		if (this.getNodeParameter('callResponse', 'voiceml') === 'respondToWebhook') return { workflowData };
		response.status(200);
		response.setHeader('Content-Type', VOICEML_CONTENT_TYPE);
		response.end(String(this.getNodeParameter('voiceml', '')));
		return { noWebhookResponse: true, workflowData };
	}
	// Enfonica retries anything but a 2xx: answer before the workflow runs.
	response.status(200).end();
	return { noWebhookResponse: true, workflowData };
}
