/**
 * What Enfonica sends to a number's handler URIs (INCOMING_MESSAGE, CALL): signed POSTs to the
 * first http(s) URI, then the next when one fails (no answer or not 2xx). The answers are
 * recorded. Not reachable over HTTP: tests and scripts call Emulator.deliverMessage / deliverCall.
 */
import type { EmulatorCore } from './core';
import type { StoredInstance } from './model';
import { newSigningKey, signRequest } from './signing';

export interface DeliveryAttempt {
	url: string;
	/** 0: no answer (connection refused, reset, timeout). */
	status: number;
	contentType?: string;
	/** The answer's body, as text. */
	body: string;
	error?: string;
}

export interface Delivery {
	event: 'INCOMING_MESSAGE' | 'CALL';
	instance: string;
	/** The raw body sent, byte for byte what was signed. */
	payload: string;
	/** Each URI tried, in order. */
	attempts: DeliveryAttempt[];
	/** The attempt that got a 2xx, if any. */
	answer?: DeliveryAttempt;
}

export interface DeliveryOptions {
	/** Default: the project's correct signature. A string is sent instead; null sends no signature header. */
	signature?: string | null;
	/** Per attempt (default 10 s). */
	timeoutMs?: number;
}

export class SigningKeys {
	private readonly keys = new Map<string, string>();

	/** The project's key as the Console shows it (base64); made on first use. */
	of(project: string): string {
		let key = this.keys.get(project);
		if (!key) {
			key = newSigningKey();
			this.keys.set(project, key);
		}
		return key;
	}

	set(project: string, keyBase64: string): void {
		this.keys.set(project, keyBase64);
	}
}

async function attempt(url: string, event: string, payload: string, signature: string | null, timeoutMs: number): Promise<DeliveryAttempt> {
	const headers: Record<string, string> = { 'Content-Type': 'application/json; charset=utf-8', 'X-Enfonica-Event': event };
	if (signature !== null) headers['X-Enfonica-Signature'] = signature;
	try {
		const response = await fetch(url, { method: 'POST', headers, body: payload, redirect: 'follow', signal: AbortSignal.timeout(timeoutMs) });
		return { url, status: response.status, contentType: response.headers.get('content-type') ?? undefined, body: await response.text() };
	} catch (error) {
		return { url, status: 0, body: '', error: (error as Error).message };
	}
}

/** POSTs to each http(s) URI in turn until one answers 2xx (sip:/tel: entries route calls elsewhere: no request). */
export async function deliver(
	core: EmulatorCore,
	keys: SigningKeys,
	instance: StoredInstance,
	event: Delivery['event'],
	payload: string,
	options: DeliveryOptions = {},
): Promise<Delivery> {
	const list = event === 'CALL' ? instance.incomingCallHandlerUris : instance.incomingMessageHandlerUris;
	const delivery: Delivery = { event, instance: core.render(instance).name, payload, attempts: [] };
	for (const url of (list ?? []).filter((uri) => /^https?:\/\//i.test(uri))) {
		const signature = options.signature === undefined ? signRequest(keys.of(instance.project), url, event, payload) : options.signature;
		const result = await attempt(url, event, payload, signature, options.timeoutMs ?? 10_000);
		delivery.attempts.push(result);
		if (result.status >= 200 && result.status < 300) {
			delivery.answer = result;
			break;
		}
	}
	return delivery;
}
