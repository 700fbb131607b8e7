import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { Effect, EnfonicaAction, EnfonicaCall, PathArgs } from '../api';
import type { Failure } from '../transport/retry';
import { MAX_RETRY_AFTER_MS } from '../transport/retry';
import { isTimeoutCode } from './network';

export interface RequestSummary extends PathArgs {
	call: EnfonicaCall;
	/** The body sent (a move's destination is read from it). */
	body?: { [key: string]: unknown };
	itemIndex?: number;
	attempts: number;
	/** The credential's Authentication (a refused bearer token may have expired). */
	authentication?: string;
	/** The credential's Request Timeout, in ms. */
	timeoutMs?: number;
	/** Retry-After (or RetryInfo) of a 429, in ms. */
	retryAfterMs?: number;
}

type OneOff = Extract<Effect, { repeatable: false }>;

/** A change that is never sent twice, with what may have happened when its answer was lost; undefined for reads and repeatable changes. */
function oneOffOf({ effect }: EnfonicaCall): OneOff | undefined {
	return effect.changes && !effect.repeatable ? effect : undefined;
}

/** The resource the call names: the instance or listing, else the project (a list), else the service. */
function resourceOf(request: RequestSummary): string {
	return request.name ?? request.parent ?? request.call.service;
}

function mayHaveHappened({ ifAnswerLost, check }: OneOff): string {
	return `The request was sent but no clear answer came back, so ${ifAnswerLost}. It was not retried automatically, to avoid doing it twice. Before running it again, ${check}.`;
}

/** What Enfonica answered, readable whatever its shape: a Google error, `{ "message": … }`, plain text or HTML. */
export function apiMessageOf(body: unknown): string {
	const shaped = body as { error?: unknown; message?: unknown } | undefined;
	const google = shaped?.error as { message?: unknown } | string | undefined;
	const candidates = [typeof google === 'object' ? google?.message : google, shaped?.message];
	for (const candidate of candidates) if (typeof candidate === 'string' && candidate.trim() !== '') return candidate.trim();
	if (typeof body === 'string') {
		// HTML pages (a proxy's) are read as their text; long answers are cut.
		const text = body.replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
		if (text !== '') return text.length > 300 ? `${text.slice(0, 300)}…` : text;
	}
	return 'no message';
}

function seconds(ms: number): string {
	return `${Math.ceil(ms / 1000)} s`;
}

/** The destination of a move, when this request is one. */
function destinationOf(request: RequestSummary): string | undefined {
	const destination = request.body?.destinationParent;
	return request.call.action === 'move' && typeof destination === 'string' ? destination : undefined;
}

const VERBS: Record<EnfonicaAction, string> = { create: 'create', get: 'read', list: 'list', update: 'update', delete: 'delete', move: 'move', splitRange: 'split' };

interface Explained {
	/** What happened, in words (n8n's guidelines: no "error", no API status names). */
	message: string;
	/** How to fix it. */
	fix: string;
}

function explainStatus(status: number, googleStatus: string, apiMessage: string, request: RequestSummary): Explained {
	const { call } = request;
	const { service, action: method } = call;
	const retried = request.attempts > 1 ? ` (tried ${request.attempts} times)` : '';
	const thing = service === 'regulatoryListings' ? 'listing' : 'instance';
	if (status === 401 && request.authentication === 'bearerToken') {
		return {
			message: 'Enfonica did not accept the bearer token',
			fix: 'Bearer tokens from Enfonica support expire (they last two years). Ask Enfonica support for a new token, or switch the credential to a Service Account Key (recommended), then use the credential\'s Test button.',
		};
	}
	if (status === 401) {
		return {
			message: 'Enfonica did not accept the credential',
			fix: 'Check the service account key (is it current, not revoked?) or the bearer token in the Enfonica API credential, and use its Test button.',
		};
	}
	if (status === 403 && service === 'phoneNumbers') {
		return { message: 'Enfonica refused the search for numbers to buy', fix: 'Check that the credential is for an account allowed to buy numbers in that country.' };
	}
	if (status === 403) {
		const permission = /numbering\.\w+\.\w+/.exec(apiMessage)?.[0] ?? call.permission;
		const resource = /on resource '([^']+)'/.exec(apiMessage)?.[1] ?? resourceOf(request);
		return {
			message: `The credential is not allowed to ${VERBS[method]} ${service === 'regulatoryListings' ? 'regulatory listings' : 'phone number instances'} in ${resource.split('/').slice(0, 2).join('/')}`,
			fix: `The service account or token lacks the permission ${permission} on ${resource}, or that project does not exist. Grant the permission in the Enfonica Console or check the project ID.${method === 'move' ? ' Moving needs the permission on both the source and the destination project.' : ''}`,
		};
	}
	if (status === 404) {
		const destination = destinationOf(request);
		const missingResource = /'(projects\/[^']+)'/.exec(apiMessage)?.[1];
		if (destination && (missingResource === undefined || missingResource === destination || !missingResource.startsWith(`${resourceOf(request)}`))) {
			const names = missingResource && missingResource !== destination ? missingResource : destination;
			return {
				message: `${names} was not found`,
				fix: `Check the Destination Project (${destination}): it must be an existing Enfonica project the credential can use${missingResource && missingResource !== destination ? `, and ${missingResource} must exist there` : ''}. The instance ${resourceOf(request)} was not moved.`,
			};
		}
		return { message: `${resourceOf(request)} was not found`, fix: `${resourceOf(request)} was not found. Check the project and the ${thing}: it may be in another project or never existed.` };
	}
	if (status === 409) {
		return service === 'phoneNumberInstances'
			? { message: 'Enfonica reports a conflict', fix: 'For a create, the number is already provisioned. Look it up with Get Many using the number as Prefix.' }
			: { message: 'Enfonica reports a conflict', fix: 'The resource changed or already exists; look it up and try again.' };
	}
	if (status === 400 && googleStatus === 'FAILED_PRECONDITION') {
		return { message: `The ${thing} is not in a state that allows ${method}`, fix: `Look the ${thing} up (Get) and check its state.` };
	}
	if (status === 400) return { message: 'Enfonica refused a value in the request', fix: 'Correct the value Enfonica names below.' };
	if (status === 429) {
		const asked = request.retryAfterMs;
		if (asked !== undefined && asked > MAX_RETRY_AFTER_MS) {
			return {
				message: `Enfonica is limiting the request rate and asked to wait ${seconds(asked)}`,
				fix: `That is longer than the node waits on its own (${seconds(MAX_RETRY_AFTER_MS)}). Run the workflow again after ${seconds(asked)}, or process fewer items at once.`,
			};
		}
		return { message: `Enfonica is limiting the request rate${retried}`, fix: 'Lower the number of items processed at once or try again later.' };
	}
	const change = oneOffOf(call);
	if (status >= 500 && change) return { message: `No clear answer from Enfonica: ${change.ifAnswerLost}`, fix: mayHaveHappened(change) };
	if (status >= 500) return { message: `Enfonica had a temporary problem${retried}`, fix: 'Try again later.' };
	return { message: `Enfonica refused the request (HTTP ${status})`, fix: 'See Enfonica\'s answer below.' };
}

/** An HTTP error answer → a NodeApiError that says what happened and how to fix it, with Enfonica's own status and text in the description. */
export function apiStatusError(node: INode, status: number, body: unknown, request: RequestSummary): NodeApiError {
	const error = (body as { error?: { status?: unknown } } | undefined)?.error;
	const apiMessage = apiMessageOf(body);
	const googleStatus = typeof error === 'object' && typeof error?.status === 'string' ? error.status : '';
	const { message, fix } = explainStatus(status, googleStatus, apiMessage, request);
	// Only the API's own error fields go into the NodeApiError: never the request, which holds the token.
	const errorBody: JsonObject = { code: status, status: googleStatus, message: apiMessage };
	const apiError = new NodeApiError(node, errorBody, {
		httpCode: String(status),
		message,
		description: `${fix} Enfonica answered HTTP ${status}${googleStatus ? ` ${googleStatus}` : ''}: ${apiMessage}`,
		itemIndex: request.itemIndex,
	});
	apiError.context.attempts = request.attempts;
	apiError.context.googleStatus = googleStatus;
	return apiError;
}

/** No usable HTTP answer (connection reset, timeout, unreadable body). */
export function noAnswerError(node: INode, failure: Exclude<Failure, { kind: 'status' }>, request: RequestSummary): NodeApiError {
	const { call } = request;
	const change = oneOffOf(call);
	const retried = request.attempts > 1 ? ` after ${request.attempts} attempts` : '';
	const timedOut = failure.kind === 'network' && isTimeoutCode(failure.code);
	const what =
		failure.kind === 'malformed'
			? 'an unreadable answer (not a JSON object)'
			: timedOut
				? `no answer within ${request.timeoutMs ? seconds(request.timeoutMs) : 'the Request Timeout'}`
				: 'no answer (connection failed)';
	const message =
		failure.kind === 'malformed' ? `Enfonica's answer to the ${call.action} could not be read${retried}` : `No answer from Enfonica to the ${call.action} (${timedOut ? 'timed out' : 'connection failed'})${retried}`;
	const noAnswer = new NodeApiError(
		node,
		{ message: what },
		{
			message,
			description: change
				? mayHaveHappened(change)
				: failure.kind === 'malformed'
					? 'Enfonica, or a proxy in between, answered with something other than a JSON object. Check the API Base URL in the credential (it must point at the Enfonica API, not a web page or another service), then try again.'
					: timedOut
						? `Nothing came back within ${request.timeoutMs ? seconds(request.timeoutMs) : 'the Request Timeout'} (the credential's Request Timeout). Check the API Base URL and the network, or raise the Request Timeout, then try again.`
						: 'Check the API Base URL in the credential and the network, then try again.',
			itemIndex: request.itemIndex,
		},
	);
	noAnswer.context.attempts = request.attempts;
	// What no answer means, for an error saying what a read after it found (notDoneError).
	noAnswer.context.noAnswer = failure.kind === 'malformed' ? 'malformed JSON' : timedOut ? 'timed out' : 'connection failed';
	return noAnswer;
}

/** A listing whose next page token was already read: paging on would never end. */
export function repeatedPageTokenError(node: INode, itemIndex: number | undefined): NodeApiError {
	return new NodeApiError(node, { message: 'repeated page token' }, {
		message: 'Enfonica returned the same page token twice',
		description: 'Listing stopped to avoid an endless loop. Try again; if it persists, report it to Enfonica support.',
		itemIndex,
	});
}

/** Enfonica refused to delete a regulatory listing (400 FAILED_PRECONDITION): a phone number instance still uses it. */
export function listingInUseError(node: INode, refusal: NodeApiError, name: string, itemIndex: number): NodeApiError {
	return new NodeApiError(node, { message: refusal.message }, {
		itemIndex,
		message: `The regulatory listing ${name} is still used by a phone number and cannot be deleted`,
		description: `${refusal.description ?? refusal.message}\nMove those numbers to another listing (Phone Number Instance → Move, option Regulatory Listing) or delete them, then delete the listing.`,
		httpCode: '400',
	});
}
