/** Reading an Enfonica error after the fact: how often it was sent, what Enfonica said, whether the change may have happened. */
import type { INode } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

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

/**
 * The request may or may not have been carried out: no usable answer (timeout, reset, unreadable
 * body) or a 5xx. Only a read can tell what happened.
 */
export function isOutcomeUnknown(error: unknown): boolean {
	if (!(error instanceof NodeApiError)) return false;
	return typeof error.context.noAnswer === 'string' || /^5\d\d$/.test(String(error.httpCode));
}

/**
 * After an unclear outcome, a read showed the change was not made: `${what}: no clear answer from
 * Enfonica (HTTP 503 | timed out | connection failed | malformed JSON)`, with the finding (what the
 * read saw, that running again is safe) as the description. Independent of the original error's
 * wording, which says the change may have happened.
 */
export function notDoneError(node: INode, error: NodeApiError, itemIndex: number, what: string, finding: string): NodeApiError {
	const cause = typeof error.context.noAnswer === 'string' ? error.context.noAnswer : `HTTP ${error.httpCode}`;
	const message = `${what}: no clear answer from Enfonica (${cause})`;
	return new NodeApiError(node, { message }, { itemIndex, httpCode: error.httpCode ?? undefined, message, description: finding });
}
