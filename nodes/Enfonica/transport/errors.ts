import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { Failure } from './retry';

export type EnfonicaMethod = 'create' | 'get' | 'list' | 'update' | 'delete' | 'move' | 'splitRange';

export interface RequestSummary {
	method: string;
	/** Resource path after /v1beta1/, e.g. `projects/p/phoneNumberInstances/abc:move`. */
	path: string;
	itemIndex?: number;
	attempts: number;
}

/** Which API method a request is, from its HTTP method and path (for permission names and hints). */
export function enfonicaMethodOf(method: string, path: string): EnfonicaMethod {
	if (path.endsWith(':move')) return 'move';
	if (path.endsWith(':splitRange')) return 'splitRange';
	const isCollection = path.endsWith('/phoneNumberInstances');
	if (method === 'POST') return 'create';
	if (method === 'PATCH') return 'update';
	if (method === 'DELETE') return 'delete';
	return isCollection ? 'list' : 'get';
}

const CHANGES = new Set<EnfonicaMethod>(['create', 'move', 'splitRange']);

function resourceOf(path: string): string {
	return path.replace(/:(move|splitRange)$/, '').replace(/\/phoneNumberInstances$/, '');
}

function mayHaveHappened(method: EnfonicaMethod): string {
	const what = { create: 'the number may have been bought', move: 'the instance may have been moved', splitRange: 'the range may have been split' }[
		method as 'create' | 'move' | 'splitRange'
	];
	return `The request was sent but no clear answer came back, so ${what}. It was not retried automatically, to avoid doing it twice. Before running it again, check with the Get Many operation (use the phone number as Prefix and turn on Include Deleted).`;
}

function describeStatus(status: number, googleStatus: string, apiMessage: string, method: EnfonicaMethod, request: RequestSummary): string {
	const retried = request.attempts > 1 ? ` (tried ${request.attempts} times)` : '';
	if (status === 401) {
		return 'Enfonica did not accept the credentials. Check the service account key (is it current, not revoked?) or the bearer token in the Enfonica API credential, and use its Test button.';
	}
	if (status === 403) {
		const permission = /numbering\.phoneNumberInstances\.\w+/.exec(apiMessage)?.[0] ?? `numbering.phoneNumberInstances.${method}`;
		const resource = /on resource '([^']+)'/.exec(apiMessage)?.[1] ?? resourceOf(request.path);
		return `The service account or token lacks the permission ${permission} on ${resource}, or that project does not exist. Grant the permission in the Enfonica Console or check the project ID.${method === 'move' ? ' Moving needs the permission on both the source and the destination project.' : ''}`;
	}
	if (status === 404) {
		return `${resourceOf(request.path)} was not found. Check the project and the instance: it may have been moved to another project or never existed.`;
	}
	if (status === 409) return `Enfonica reports a conflict (${googleStatus || 'ALREADY_EXISTS'}): for a create, the number is already provisioned. Look it up with Get Many using the number as Prefix.`;
	if (status === 400 && googleStatus === 'FAILED_PRECONDITION') return `The instance is not in a state that allows ${method}: ${apiMessage}`;
	if (status === 400) return `Enfonica rejected a value in the request: ${apiMessage}`;
	if (status === 429) return `Enfonica is rate limiting requests${retried}. Lower the number of items processed at once or try again later.`;
	if (status >= 500 && CHANGES.has(method)) return mayHaveHappened(method);
	if (status >= 500) return `Enfonica had a temporary problem${retried}. Try again later.`;
	return apiMessage;
}

/** A Google-style error response → a NodeApiError with the status, the API's message and how to fix it. */
export function apiStatusError(node: INode, status: number, body: unknown, request: RequestSummary): NodeApiError {
	const error = (body as { error?: { code?: number; message?: string; status?: string } } | undefined)?.error;
	const apiMessage = typeof error?.message === 'string' ? error.message : typeof body === 'string' && body.length < 300 ? body : 'no message';
	const googleStatus = typeof error?.status === 'string' ? error.status : '';
	const method = enfonicaMethodOf(request.method, request.path);
	// Only the API's own error fields go into the NodeApiError: never the request, which holds the token.
	const errorBody: JsonObject = { code: status, status: googleStatus, message: apiMessage };
	const apiError = new NodeApiError(node, errorBody, {
		httpCode: String(status),
		message: `Enfonica API error ${status}${googleStatus ? ` ${googleStatus}` : ''}: ${apiMessage}`,
		description: describeStatus(status, googleStatus, apiMessage, method, request),
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
	const method = enfonicaMethodOf(request.method, request.path);
	const what = failure.kind === 'malformed' ? 'an unreadable (malformed JSON) response' : `no response (${failure.code === 'ETIMEDOUT' || failure.code === 'ECONNABORTED' ? 'timed out' : 'connection failed'})`;
	const retried = request.attempts > 1 ? ` after ${request.attempts} attempts` : '';
	const noAnswer = new NodeApiError(
		node,
		{ message: what },
		{
			message: `Enfonica ${method} got ${what}${retried}`,
			description: CHANGES.has(method)
				? mayHaveHappened(method)
				: 'Check the API Base URL in the credential and the network, then try again.',
			itemIndex: request.itemIndex,
		},
	);
	noAnswer.context.attempts = request.attempts;
	return noAnswer;
}
