import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { Failure } from './retry';

export type EnfonicaMethod = 'create' | 'get' | 'list' | 'update' | 'delete' | 'move' | 'splitRange';

/** The services of Numbering v1beta1, as they appear in paths and permission names. */
export type EnfonicaService = 'phoneNumberInstances' | 'regulatoryListings' | 'phoneNumbers';

export interface RequestSummary {
	method: string;
	/** Resource path after /v1beta1/, e.g. `projects/p/phoneNumberInstances/abc:move`. */
	path: string;
	itemIndex?: number;
	attempts: number;
}

export interface EnfonicaCall {
	service: EnfonicaService;
	method: EnfonicaMethod;
}

/** Which service and method a request is, from its HTTP method and path (for permission names and hints). */
export function enfonicaCallOf(httpMethod: string, path: string): EnfonicaCall {
	const service: EnfonicaService = path.startsWith('phoneNumbers') ? 'phoneNumbers' : /\/regulatoryListings(\/|:|$)/.test(path) ? 'regulatoryListings' : 'phoneNumberInstances';
	if (path.endsWith(':move')) return { service, method: 'move' };
	if (path.endsWith(':splitRange')) return { service, method: 'splitRange' };
	// A search reads like a list and needs the list permission.
	if (path.endsWith(':search')) return { service, method: 'list' };
	if (httpMethod === 'POST') return { service, method: 'create' };
	if (httpMethod === 'PATCH') return { service, method: 'update' };
	if (httpMethod === 'DELETE') return { service, method: 'delete' };
	return { service, method: path.endsWith(`/${service}`) ? 'list' : 'get' };
}

/** Calls that change something and are never retried after they may have reached Enfonica. */
const CHANGES: Record<string, string> = {
	'phoneNumberInstances.create': 'the number may have been bought',
	'phoneNumberInstances.move': 'the instance may have been moved',
	'phoneNumberInstances.splitRange': 'the range may have been split',
	'regulatoryListings.create': 'the listing may have been created',
};

function changeOf({ service, method }: EnfonicaCall): string | undefined {
	return CHANGES[`${service}.${method}`];
}

function resourceOf(path: string): string {
	return path.replace(/:(move|splitRange|search)$/, '').replace(/\/(phoneNumberInstances|regulatoryListings)$/, '');
}

function mayHaveHappened(call: EnfonicaCall, what: string): string {
	const check =
		call.service === 'regulatoryListings'
			? 'check with Regulatory Listing → Get Many'
			: 'check with the Get Many operation (use the phone number as Prefix and turn on Include Deleted)';
	return `The request was sent but no clear answer came back, so ${what}. It was not retried automatically, to avoid doing it twice. Before running it again, ${check}.`;
}

function describeStatus(status: number, googleStatus: string, apiMessage: string, call: EnfonicaCall, request: RequestSummary): string {
	const { service, method } = call;
	const retried = request.attempts > 1 ? ` (tried ${request.attempts} times)` : '';
	if (status === 401) {
		return 'Enfonica did not accept the credentials. Check the service account key (is it current, not revoked?) or the bearer token in the Enfonica API credential, and use its Test button.';
	}
	if (status === 403 && service === 'phoneNumbers') {
		return 'Enfonica refused the search for numbers to buy. Check that the credential is for an account allowed to buy numbers in that country.';
	}
	if (status === 403) {
		const permission = /numbering\.\w+\.\w+/.exec(apiMessage)?.[0] ?? `numbering.${service}.${method}`;
		const resource = /on resource '([^']+)'/.exec(apiMessage)?.[1] ?? resourceOf(request.path);
		return `The service account or token lacks the permission ${permission} on ${resource}, or that project does not exist. Grant the permission in the Enfonica Console or check the project ID.${method === 'move' ? ' Moving needs the permission on both the source and the destination project.' : ''}`;
	}
	if (status === 404) {
		const what = service === 'regulatoryListings' ? 'listing' : 'instance';
		return `${resourceOf(request.path)} was not found. Check the project and the ${what}: it may be in another project or never existed.`;
	}
	if (status === 409) {
		return service === 'phoneNumberInstances'
			? `Enfonica reports a conflict (${googleStatus || 'ALREADY_EXISTS'}): for a create, the number is already provisioned. Look it up with Get Many using the number as Prefix.`
			: `Enfonica reports a conflict (${googleStatus || 'ALREADY_EXISTS'}): ${apiMessage}`;
	}
	if (status === 400 && googleStatus === 'FAILED_PRECONDITION') {
		return `The ${service === 'regulatoryListings' ? 'listing' : 'instance'} is not in a state that allows ${method}: ${apiMessage}`;
	}
	if (status === 400) return `Enfonica rejected a value in the request: ${apiMessage}`;
	if (status === 429) return `Enfonica is rate limiting requests${retried}. Lower the number of items processed at once or try again later.`;
	const change = changeOf(call);
	if (status >= 500 && change) return mayHaveHappened(call, change);
	if (status >= 500) return `Enfonica had a temporary problem${retried}. Try again later.`;
	return apiMessage;
}

/** A Google-style error response → a NodeApiError with the status, the API's message and how to fix it. */
export function apiStatusError(node: INode, status: number, body: unknown, request: RequestSummary): NodeApiError {
	const error = (body as { error?: { code?: number; message?: string; status?: string } } | undefined)?.error;
	const apiMessage = typeof error?.message === 'string' ? error.message : typeof body === 'string' && body.length < 300 ? body : 'no message';
	const googleStatus = typeof error?.status === 'string' ? error.status : '';
	const call = enfonicaCallOf(request.method, request.path);
	// Only the API's own error fields go into the NodeApiError: never the request, which holds the token.
	const errorBody: JsonObject = { code: status, status: googleStatus, message: apiMessage };
	const apiError = new NodeApiError(node, errorBody, {
		httpCode: String(status),
		message: `Enfonica API error ${status}${googleStatus ? ` ${googleStatus}` : ''}: ${apiMessage}`,
		description: describeStatus(status, googleStatus, apiMessage, call, request),
		itemIndex: request.itemIndex,
	});
	apiError.context.attempts = request.attempts;
	apiError.context.googleStatus = googleStatus;
	return apiError;
}

/** How many times the request that failed with this error was sent (1 = not retried); undefined for other errors. */
export function attemptsOf(error: unknown): number | undefined {
	if (!(error instanceof NodeApiError)) return undefined;
	const attempts = error.context.attempts;
	return typeof attempts === 'number' ? attempts : undefined;
}

/** Enfonica answered 404: the resource does not exist (in that project). */
export function isNotFound(error: unknown): boolean {
	return error instanceof NodeApiError && error.httpCode === '404';
}

/** Enfonica refused the request because of the resource's state (400 FAILED_PRECONDITION), e.g. "already deleted". */
export function isFailedPrecondition(error: unknown): boolean {
	return error instanceof NodeApiError && error.httpCode === '400' && error.context.googleStatus === 'FAILED_PRECONDITION';
}

/** No usable HTTP answer (connection reset, timeout, unreadable body). */
export function noAnswerError(node: INode, failure: Exclude<Failure, { kind: 'status' }>, request: RequestSummary): NodeApiError {
	const call = enfonicaCallOf(request.method, request.path);
	const change = changeOf(call);
	const what = failure.kind === 'malformed' ? 'an unreadable (malformed JSON) response' : `no response (${failure.code === 'ETIMEDOUT' || failure.code === 'ECONNABORTED' ? 'timed out' : 'connection failed'})`;
	const retried = request.attempts > 1 ? ` after ${request.attempts} attempts` : '';
	const noAnswer = new NodeApiError(
		node,
		{ message: what },
		{
			message: `Enfonica ${call.method} got ${what}${retried}`,
			description: change ? mayHaveHappened(call, change) : 'Check the API Base URL in the credential and the network, then try again.',
			itemIndex: request.itemIndex,
		},
	);
	noAnswer.context.attempts = request.attempts;
	return noAnswer;
}
