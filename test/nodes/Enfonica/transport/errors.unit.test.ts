/**
 * Error mapping (transport/errors.ts), from the sources: what an Enfonica refusal or a lost
 * answer becomes — what happened and how to fix it (checked in message and description
 * together), whether something may have happened — and that only the API's own error fields are
 * kept.
 */
import type { INode } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { apiStatusError, attemptsOf, isFailedPrecondition, isNotFound, noAnswerError } from '../../../../nodes/Enfonica/transport/errors';

const node: INode = { id: '1', name: 'Enfonica', type: 'n8n-nodes-enfonica.enfonica', typeVersion: 1, position: [0, 0], parameters: {} };
const INSTANCE = 'projects/p/phoneNumberInstances/abc';
const body = (code: number, status: string, message: string) => ({ error: { code, status, message } });
/** What the user reads: the message, then the description. */
const textOf = (error: NodeApiError) => `${error.message}\n${error.description ?? ''}`;
const statusText = (status: number, googleStatus: string, method = 'GET', path = INSTANCE, attempts = 1) =>
	textOf(apiStatusError(node, status, body(status, googleStatus, 'text'), { method, path, attempts }));

describe('apiStatusError', () => {
	it('names the permission and the resource of a 403, from Enfonica’s message or else from the call', () => {
		const fromMessage = apiStatusError(node, 403, body(403, 'PERMISSION_DENIED', "Permission 'numbering.phoneNumberInstances.update' denied on resource 'projects/q/phoneNumberInstances/x'"), { method: 'PATCH', path: INSTANCE, attempts: 1 });
		expect(textOf(fromMessage)).toContain('the permission numbering.phoneNumberInstances.update on projects/q/phoneNumberInstances/x');
		const fromCall = apiStatusError(node, 403, body(403, 'PERMISSION_DENIED', 'denied'), { method: 'POST', path: `${INSTANCE}:move`, attempts: 1 });
		expect(textOf(fromCall)).toMatch(/permission numbering\.phoneNumberInstances\.move on projects\/p\/phoneNumberInstances\/abc.* on both the source and the destination project/);
	});

	it('says which call a path is: list, get, search, custom verbs', () => {
		const permission = (method: string, path: string) => /the permission (\S+)/.exec(statusText(403, 'PERMISSION_DENIED', method, path))?.[1];
		expect(permission('GET', 'projects/p/phoneNumberInstances')).toBe('numbering.phoneNumberInstances.list');
		expect(permission('GET', INSTANCE)).toBe('numbering.phoneNumberInstances.get');
		expect(permission('DELETE', 'projects/p/regulatoryListings/l1')).toBe('numbering.regulatoryListings.delete');
		expect(permission('POST', `${INSTANCE}:splitRange`)).toBe('numbering.phoneNumberInstances.splitRange');
		expect(permission('GET', 'projects/p/regulatoryListings:search')).toBe('numbering.regulatoryListings.list');
	});

	it('explains 401, 404, 409 and FAILED_PRECONDITION in the user’s terms', () => {
		expect(statusText(401, 'UNAUTHENTICATED')).toMatch(/service account key.*Test button/);
		expect(statusText(404, 'NOT_FOUND')).toContain(`${INSTANCE} was not found`);
		expect(statusText(409, 'ALREADY_EXISTS', 'POST', 'projects/p/phoneNumberInstances')).toContain('the number is already provisioned');
		expect(statusText(400, 'FAILED_PRECONDITION', 'DELETE')).toContain('The instance is not in a state that allows delete');
	});

	it('after a 5xx, says a create may have happened and a read may be tried again', () => {
		expect(statusText(500, 'INTERNAL', 'POST', 'projects/p/phoneNumberInstances')).toMatch(/the number may have been bought\. It was not retried automatically/);
		const read = statusText(503, 'UNAVAILABLE', 'GET', INSTANCE, 3);
		expect(read).toContain('Enfonica had a temporary problem (tried 3 times)');
		expect(read).toContain('Try again later.');
		expect(read).not.toContain('may have been');
	});

	it('keeps only the API’s error fields, never the request, and records the attempts', () => {
		const error = apiStatusError(node, 404, body(404, 'NOT_FOUND', 'no such instance'), { method: 'GET', path: INSTANCE, itemIndex: 2, attempts: 1 });
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.httpCode).toBe('404');
		expect(error.errorResponse).toEqual({ code: 404, status: 'NOT_FOUND', message: 'no such instance' });
		expect(error.context.itemIndex).toBe(2);
		expect(attemptsOf(error)).toBe(1);
		expect(isNotFound(error)).toBe(true);
		expect(isFailedPrecondition(error)).toBe(false);
		expect(isFailedPrecondition(apiStatusError(node, 400, body(400, 'FAILED_PRECONDITION', 'deleted'), { method: 'DELETE', path: INSTANCE, attempts: 1 }))).toBe(true);
		expect(attemptsOf(new Error('other'))).toBeUndefined();
	});
});

describe('noAnswerError', () => {
	it('for a change, says it may have happened and how to check; for a read, what to check', () => {
		const split = textOf(noAnswerError(node, { kind: 'network', code: 'ETIMEDOUT' }, { method: 'POST', path: `${INSTANCE}:splitRange`, attempts: 1 }));
		expect(split).toContain('splitRange');
		expect(split).toContain('timed out');
		expect(split).toContain('The request was sent but no clear answer came back, so the range may have been split.');
		const listing = textOf(noAnswerError(node, { kind: 'malformed' }, { method: 'POST', path: 'projects/p/regulatoryListings', attempts: 1 }));
		expect(listing).toMatch(/the listing may have been created.*Regulatory Listing → Get Many/);
		const read = noAnswerError(node, { kind: 'network', code: 'ECONNRESET' }, { method: 'GET', path: INSTANCE, attempts: 5 });
		expect(read.message).toMatch(/connection failed\) after 5 attempts$/);
		expect(read.description).toBe('Check the API Base URL in the credential and the network, then try again.');
		expect(attemptsOf(read)).toBe(5);
	});
});
