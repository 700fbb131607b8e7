import type { INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/**
 * What the pure helpers throw: the problem in words, as a predicate that follows the field's name
 * ("is empty", "has 6 URIs: …"). A message that starts with the field's name is accepted too.
 */
export class InvalidValueError extends Error {}

/**
 * A complaint about where a value comes from rather than the value typed (the credential's Project
 * ID, the service account key): a whole sentence, reported as "<field> could not be determined: …".
 */
export class InvalidSourceError extends InvalidValueError {}

/**
 * A helper's complaint said again in other words (`restate` gets its message), as `Complaint`;
 * any other error (a bug) is returned as it is. For `throw restated(error, …)` inside a catch.
 */
export function restated(error: unknown, restate: (message: string) => string, Complaint: new (message: string) => InvalidValueError = InvalidValueError): Error {
	return error instanceof InvalidValueError ? new Complaint(restate(error.message)) : (error as Error);
}

/** Bad input, caught before any request: names the field and the item so the user can find it. */
export function inputError(node: INode, itemIndex: number | undefined, field: string, problem: string, description?: string): NodeOperationError {
	const where = itemIndex === undefined ? '' : ` [item ${itemIndex}]`;
	return new NodeOperationError(node, `${field} ${problem}${where}`, { itemIndex, description });
}

export interface InputPlace {
	field: string;
	/** Absent for the trigger, which has no items. */
	itemIndex?: number;
	description?: string;
}

/**
 * Any error as one n8n shows well: n8n's own pass through (with the item number added), anything
 * else (a bug, a credential's failure) becomes an operation error with the same message.
 */
export function asNodeError(node: INode, error: unknown, itemIndex?: number, description?: string): NodeOperationError | NodeApiError {
	if (error instanceof NodeOperationError || error instanceof NodeApiError) {
		if (error.context.itemIndex === undefined && itemIndex !== undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	return new NodeOperationError(node, error as Error, { itemIndex, description });
}

/** The one place a helper's complaint becomes an input error; other errors as asNodeError. */
export function toInputError(node: INode, error: unknown, { field, itemIndex, description }: InputPlace): NodeOperationError | NodeApiError {
	if (!(error instanceof InvalidValueError)) return asNodeError(node, error, itemIndex, description);
	const { message } = error;
	const problem =
		error instanceof InvalidSourceError
			? `could not be determined: ${message}`
			: message.startsWith(`${field} `)
				? message.slice(field.length + 1)
				: message;
	return inputError(node, itemIndex, field, problem, description);
}

/** Runs a pure check; its complaint becomes an input error naming the field (and the item, if any). */
export function checked<T>(node: INode, itemIndex: number | undefined, field: string, read: () => T, description?: string): T {
	try {
		return read();
	} catch (error) {
		throw toInputError(node, error, { field, itemIndex, description });
	}
}
