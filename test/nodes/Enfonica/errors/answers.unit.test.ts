/**
 * Error mapping (errors/answers.ts and errors/outcome.ts), from the sources: what an Enfonica refusal or a lost
 * answer becomes — what happened and how to fix it (checked in message and description
 * together), whether something may have happened — and that only the API's own error fields are
 * kept.
 */
import type { INode } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { phoneNumberInstances as instances, regulatoryListings as listings } from '../../../../nodes/Enfonica/api';
import type { RequestSummary } from '../../../../nodes/Enfonica/errors';
import { apiStatusError, attemptsOf, isFailedPrecondition, isNotFound, noAnswerError, repeatedPageTokenError } from '../../../../nodes/Enfonica/errors';

const node: INode = { id: '1', name: 'Enfonica', type: 'n8n-nodes-enfonica.enfonica', typeVersion: 1, position: [0, 0], parameters: {} };
const INSTANCE = 'projects/p/phoneNumberInstances/abc';
const body = (code: number, status: string, message: string) => ({ error: { code, status, message } });
/** What the user reads: the message, then the description. */
const textOf = (error: NodeApiError) => `${error.message}\n${error.description ?? ''}`;
const GET: RequestSummary = { call: instances.get, name: INSTANCE, attempts: 1 };
const statusText = (status: number, googleStatus: string, request: Partial<RequestSummary> = {}) =>
	textOf(apiStatusError(node, status, body(status, googleStatus, 'text'), { ...GET, ...request }));

describe('apiStatusError', () => {
	it('names the permission and the resource of a 403, from Enfonica’s message or else from the call', () => {
		const fromMessage = apiStatusError(node, 403, body(403, 'PERMISSION_DENIED', "Permission 'numbering.phoneNumberInstances.update' denied on resource 'projects/q/phoneNumberInstances/x'"), { call: instances.update, name: INSTANCE, attempts: 1 });
		expect(textOf(fromMessage)).toContain('the permission numbering.phoneNumberInstances.update on projects/q/phoneNumberInstances/x');
		const fromCall = apiStatusError(node, 403, body(403, 'PERMISSION_DENIED', 'denied'), { call: instances.move, name: INSTANCE, attempts: 1 });
		expect(textOf(fromCall)).toMatch(/permission numbering\.phoneNumberInstances\.move on projects\/p\/phoneNumberInstances\/abc.* on both the source and the destination project/);
	});

	it('names the permission of the call: list, get, search, custom verbs', () => {
		const permission = (request: Partial<RequestSummary>) => /the permission (\S+)/.exec(statusText(403, 'PERMISSION_DENIED', request))?.[1];
		expect(permission({ call: instances.list, name: undefined, parent: 'projects/p' })).toBe('numbering.phoneNumberInstances.list');
		expect(permission({ call: instances.get })).toBe('numbering.phoneNumberInstances.get');
		expect(permission({ call: listings.delete, name: 'projects/p/regulatoryListings/l1' })).toBe('numbering.regulatoryListings.delete');
		expect(permission({ call: instances.splitRange })).toBe('numbering.phoneNumberInstances.splitRange');
		expect(permission({ call: listings.search, name: undefined, parent: 'projects/p' })).toBe('numbering.regulatoryListings.list');
	});

	it('explains 401, 404, 409 and FAILED_PRECONDITION in the user’s terms', () => {
		expect(statusText(401, 'UNAUTHENTICATED')).toMatch(/service account key.*Test button/);
		expect(statusText(404, 'NOT_FOUND')).toContain(`${INSTANCE} was not found`);
		expect(statusText(409, 'ALREADY_EXISTS', { call: instances.create, name: undefined, parent: 'projects/p' })).toContain('the number is already provisioned');
		expect(statusText(400, 'FAILED_PRECONDITION', { call: instances.delete })).toContain('The instance is not in a state that allows delete');
	});

	it('after a 5xx, says a create may have happened and a read may be tried again', () => {
		expect(statusText(500, 'INTERNAL', { call: instances.create, name: undefined, parent: 'projects/p' })).toMatch(/the number may have been bought\. It was not retried automatically/);
		const read = statusText(503, 'UNAVAILABLE', { attempts: 3 });
		expect(read).toContain('Enfonica had a temporary problem (tried 3 times)');
		expect(read).toContain('Try again later.');
		expect(read).not.toContain('may have been');
	});

	it('keeps only the API’s error fields, never the request, and records the attempts', () => {
		const error = apiStatusError(node, 404, body(404, 'NOT_FOUND', 'no such instance'), { ...GET, itemIndex: 2 });
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.httpCode).toBe('404');
		expect(error.errorResponse).toEqual({ code: 404, status: 'NOT_FOUND', message: 'no such instance' });
		expect(error.context.itemIndex).toBe(2);
		expect(attemptsOf(error)).toBe(1);
		expect(isNotFound(error)).toBe(true);
		expect(isFailedPrecondition(error)).toBe(false);
		expect(isFailedPrecondition(apiStatusError(node, 400, body(400, 'FAILED_PRECONDITION', 'deleted'), { call: instances.delete, name: INSTANCE, attempts: 1 }))).toBe(true);
		expect(attemptsOf(new Error('other'))).toBeUndefined();
	});
});

describe('noAnswerError', () => {
	it('for a change, says it may have happened and how to check; for a read, what to check', () => {
		const split = textOf(noAnswerError(node, { kind: 'network', code: 'ETIMEDOUT' }, { call: instances.splitRange, name: INSTANCE, attempts: 1 }));
		expect(split).toContain('splitRange');
		expect(split).toContain('timed out');
		expect(split).toContain('The request was sent but no clear answer came back, so the range may have been split.');
		const listing = textOf(noAnswerError(node, { kind: 'malformed' }, { call: listings.create, parent: 'projects/p', attempts: 1 }));
		expect(listing).toMatch(/the listing may have been created.*Regulatory Listing → Get Many/);
		const read = noAnswerError(node, { kind: 'network', code: 'ECONNRESET' }, { ...GET, attempts: 5 });
		expect(read.message).toMatch(/connection failed\) after 5 attempts$/);
		expect(read.description).toBe('Check the API Base URL in the credential and the network, then try again.');
		expect(attemptsOf(read)).toBe(5);
	});
});

describe('repeatedPageTokenError', () => {
	it('says the listing stopped and what to do', () => {
		const error = repeatedPageTokenError(node, 3);
		expect([error.message, error.description, error.context.itemIndex]).toEqual([
			'Enfonica returned the same page token twice',
			'Listing stopped to avoid an endless loop. Try again; if it persists, report it to Enfonica support.',
			3,
		]);
	});
});
