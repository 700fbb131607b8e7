import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import type { EnfonicaCall, EnfonicaListCall, PathArgs } from '../api';
import { pathOf } from '../api';
import { apiStatusError, asNodeError, networkErrorCode, noAnswerError, repeatedPageTokenError } from '../errors';
import { baseUrlOf, CredentialSettingError, FIX_IN_CREDENTIAL, timeoutMsOf } from '../helpers/credentialSettings';
import { closeGate, passGate } from './gate';
import type { Failure } from './retry';
import { MAX_ATTEMPTS, MAX_RETRY_AFTER_MS, isRetryable, parseRetryAfter, retryDelayMs, retryInfoDelayMs } from './retry';

export type EnfonicaContext = IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions | IHookFunctions;

export const CREDENTIAL_TYPE = 'enfonicaApi';

/** A call's arguments: the resource its path names (already validated, see helpers/resourceNames), query, body. */
export interface CallArgs extends PathArgs {
	qs?: IDataObject;
	body?: IDataObject;
	itemIndex?: number;
}

export interface RawResponse {
	statusCode: number;
	headers: Record<string, unknown>;
	body: unknown;
}

async function sendOnce(this: EnfonicaContext, call: EnfonicaCall, args: CallArgs, baseUrl: string, timeoutMs: number): Promise<RawResponse | Failure> {
	const options: IHttpRequestOptions = {
		method: call.http,
		url: `${baseUrl}${pathOf(call, args)}`,
		qs: args.qs,
		body: args.body,
		json: true,
		timeout: timeoutMs,
		returnFullResponse: true,
	};
	try {
		return (await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, options)) as RawResponse;
	} catch (error) {
		// Statuses ≥ 400 arrive as errors (n8n must see a 401 itself to renew the token and retry;
		// n8n 1.x would not, were they ignored): the HTTP answer is the error's cause.
		const answer = answerInError(error);
		if (answer) return answer;
		const code = networkErrorCode(error);
		if (code) return { kind: 'network', code };
		throw asNodeError(this.getNode(), error, args.itemIndex);
	}
}

/** The HTTP answer inside the error n8n threw for a status ≥ 400, or undefined (no answer). */
export function answerInError(error: unknown): RawResponse | undefined {
	for (const candidate of [error, (error as { cause?: unknown } | undefined)?.cause]) {
		const response = (candidate as { response?: { status?: unknown; headers?: unknown; data?: unknown } } | undefined)?.response;
		if (response && typeof response.status === 'number' && response.status >= 400) {
			return { statusCode: response.status, headers: (response.headers ?? {}) as Record<string, unknown>, body: response.data };
		}
	}
	// n8n 1.x wraps the HTTP error in a NodeApiError that keeps only the status and the body
	// (context.data), not the response: its headers (Retry-After) are lost, the backoff applies.
	// Recognised by name, not instanceof: n8n's n8n-workflow need not be the copy this package loads.
	const wrapped = error as { name?: unknown; httpCode?: unknown; context?: { data?: unknown } } | undefined;
	if (wrapped?.name === 'NodeApiError' && /^[45]\d\d$/.test(String(wrapped.httpCode))) {
		return { statusCode: Number(wrapped.httpCode), headers: {}, body: wrapped.context?.data };
	}
	return undefined;
}

function isRawResponse(value: RawResponse | Failure): value is RawResponse {
	return 'statusCode' in value;
}

export interface RequestSettings {
	baseUrl: string;
	timeoutMs: number;
	/** The credential's Authentication, for messages (a refused bearer token may have expired). */
	authentication?: string;
	/** How many times a failed read is sent in all; interactive lookups give up sooner (see listSearch). */
	maxAttempts?: number;
}

/** The credential's settings for requests, checked before anything is sent. */
export async function requestSettings(this: EnfonicaContext, itemIndex?: number): Promise<RequestSettings> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE, itemIndex ?? 0);
	let baseUrl: string;
	try {
		baseUrl = baseUrlOf(credentials);
	} catch (error) {
		if (!(error instanceof CredentialSettingError)) throw asNodeError(this.getNode(), error, itemIndex);
		throw new NodeOperationError(this.getNode(), error.message, { itemIndex, description: FIX_IN_CREDENTIAL });
	}
	return { baseUrl, timeoutMs: timeoutMsOf(credentials), authentication: String(credentials.authentication ?? '') };
}

/**
 * The one way this package talks to Enfonica: authenticated through n8n, retried per the
 * policy in ./retry, and failures turned into errors that say what happened and how to fix it.
 * It answers the type the catalogue entry declares. The node context is the first argument, not
 * `this`: `fn.call(this, …)` would drop the type parameters, and every caller with them.
 */
export async function enfonicaApiRequest<Response>(context: EnfonicaContext, call: EnfonicaCall<Response>, args: CallArgs = {}, settings?: RequestSettings): Promise<Response> {
	// A listing reads the credential's settings once for all its pages (n8n decrypts on every read).
	const { baseUrl, timeoutMs, authentication, maxAttempts = MAX_ATTEMPTS } = settings ?? (await requestSettings.call(context, args.itemIndex));
	for (let attempt = 1; ; attempt++) {
		await passGate(context);
		const outcome = await sendOnce.call(context, call, args, baseUrl, timeoutMs);
		const summary = { ...args, call, attempts: attempt, authentication, timeoutMs };
		let failure: Failure;
		if (isRawResponse(outcome)) {
			if (outcome.statusCode < 400) {
				// Every Enfonica answer is a JSON object (or empty); an array or text (a proxy's page) is unreadable.
				// The one place the declared type is taken on trust: Enfonica's answer is not checked field by field.
				if (outcome.body === undefined || outcome.body === '' || isJsonObject(outcome.body)) return (outcome.body || {}) as Response;
				failure = { kind: 'malformed' };
			} else {
				failure = { kind: 'status', status: outcome.statusCode, retryAfterMs: parseRetryAfter(outcome.headers['retry-after']) ?? retryInfoDelayMs(outcome.body) };
			}
			if (failure.kind === 'status' && (!isRetryable(call, failure) || attempt >= maxAttempts || (failure.retryAfterMs ?? 0) > MAX_RETRY_AFTER_MS)) {
				throw apiStatusError(context.getNode(), failure.status, outcome.body, { ...summary, retryAfterMs: failure.retryAfterMs });
			}
		} else {
			failure = outcome;
		}
		if (failure.kind !== 'status' && (!isRetryable(call, failure) || attempt >= maxAttempts)) {
			throw noAnswerError(context.getNode(), failure, summary);
		}
		const delayMs = retryDelayMs(attempt, failure.kind === 'status' ? failure.retryAfterMs : undefined);
		// A 429 is about the credential, not this request: every request of the run waits (at the gate above).
		if (failure.kind === 'status' && failure.status === 429) closeGate(context, delayMs);
		else await sleep(delayMs);
	}
}

function isJsonObject(body: unknown): boolean {
	return typeof body === 'object' && body !== null && !Array.isArray(body);
}

export interface ListPage<Item> {
	items: Item[];
	nextPageToken?: string;
}

/** One page of a list or search call (also used by searchable dropdowns, which page through n8n's UI). */
export async function enfonicaApiListPage<Item>(context: EnfonicaContext, list: EnfonicaListCall<Item>, args: CallArgs, settings?: RequestSettings): Promise<ListPage<Item>> {
	const page = await enfonicaApiRequest(context, list, args, settings);
	// An empty page may leave the field out (proto3 omits empty lists).
	const field = page[list.listField];
	const items: Item[] = Array.isArray(field) ? field : [];
	const nextPageToken = typeof page.nextPageToken === 'string' && page.nextPageToken !== '' ? page.nextPageToken : undefined;
	return { items, nextPageToken };
}

/**
 * Lists with pageSize 100, following nextPageToken until the end or `limit`; refuses a repeated token.
 * `keep` filters client-side: paging goes on until `limit` kept items are found or the list ends.
 */
export async function enfonicaApiRequestAllItems<Item>(
	context: EnfonicaContext,
	list: EnfonicaListCall<Item>,
	{ parent, qs = {} }: { parent?: string; qs?: IDataObject },
	options: { limit?: number; itemIndex?: number; keep?: (item: Item) => boolean } = {},
): Promise<Item[]> {
	const results: Item[] = [];
	const seenTokens = new Set<string>();
	const settings = await requestSettings.call(context, options.itemIndex);
	let pageToken: string | undefined;
	do {
		// Without a filter, ask for no more than is still needed; with one, any page may hold few matches.
		const remaining = options.limit === undefined || options.keep ? 100 : Math.min(100, options.limit - results.length);
		const page = await enfonicaApiListPage(context, list, { parent, qs: { ...qs, pageSize: remaining, ...(pageToken ? { pageToken } : {}) }, itemIndex: options.itemIndex }, settings);
		for (const item of page.items) if (!options.keep || options.keep(item)) results.push(item);
		pageToken = page.nextPageToken;
		if (pageToken !== undefined) {
			if (seenTokens.has(pageToken)) {
				throw repeatedPageTokenError(context.getNode(), options.itemIndex);
			}
			seenTokens.add(pageToken);
		}
	} while (pageToken !== undefined && (options.limit === undefined || results.length < options.limit));
	return options.limit === undefined ? results : results.slice(0, options.limit);
}
