/**
 * Error mapping (transport/errors.ts), from the sources: what an Enfonica refusal or a lost
 * answer becomes — the message, how to fix it, whether something may have happened — and that
 * only the API's own error fields are kept.
 */
import type { INode } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { apiStatusError, attemptsOf, isFailedPrecondition, isNotFound, noAnswerError } from '../nodes/Enfonica/transport/errors';

const node: INode = { id: '1', name: 'Enfonica', type: 'n8n-nodes-enfonica.enfonica', typeVersion: 1, position: [0, 0], parameters: {} };
const INSTANCE = 'projects/p/phoneNumberInstances/abc';
const body = (code: number, status: string, message: string) => ({ error: { code, status, message } });

describe('apiStatusError', () => {
	it('names the permission and the resource of a 403, from Enfonica’s message or else from the call', () => {
		const fromMessage = apiStatusError(node, 403, body(403, 'PERMISSION_DENIED', "Permission 'numbering.phoneNumberInstances.update' denied on resource 'projects/q/phoneNumberInstances/x'"), { method: 'PATCH', path: INSTANCE, attempts: 1 });
		expect(fromMessage.message).toBe("Enfonica API error 403 PERMISSION_DENIED: Permission 'numbering.phoneNumberInstances.update' denied on resource 'projects/q/phoneNumberInstances/x'");
		expect(fromMessage.description).toMatch(/^The service account or token lacks the permission numbering\.phoneNumberInstances\.update on projects\/q\/phoneNumberInstances\/x/);
		const fromCall = apiStatusError(node, 403, body(403, 'PERMISSION_DENIED', 'denied'), { method: 'POST', path: `${INSTANCE}:move`, attempts: 1 });
		expect(fromCall.description).toMatch(/permission numbering\.phoneNumberInstances\.move on projects\/p\/phoneNumberInstances\/abc.* on both the source and the destination project/);
	});

	it('says which call a path is: list, get, search, custom verbs', () => {
		const permission = (method: string, path: string) => /permission (\S+)/.exec(apiStatusError(node, 403, body(403, 'PERMISSION_DENIED', 'denied'), { method, path, attempts: 1 }).description ?? '')?.[1];
		expect(permission('GET', 'projects/p/phoneNumberInstances')).toBe('numbering.phoneNumberInstances.list');
		expect(permission('GET', INSTANCE)).toBe('numbering.phoneNumberInstances.get');
		expect(permission('DELETE', 'projects/p/regulatoryListings/l1')).toBe('numbering.regulatoryListings.delete');
		expect(permission('POST', `${INSTANCE}:splitRange`)).toBe('numbering.phoneNumberInstances.splitRange');
		expect(permission('GET', 'projects/p/regulatoryListings:search')).toBe('numbering.regulatoryListings.list');
	});

	it('explains 401, 404, 409 and FAILED_PRECONDITION in the user’s terms', () => {
		const descriptionOf = (status: number, googleStatus: string, method = 'GET', path = INSTANCE) => apiStatusError(node, status, body(status, googleStatus, 'text'), { method, path, attempts: 1 }).description;
		expect(descriptionOf(401, 'UNAUTHENTICATED')).toMatch(/did not accept the credentials.*Test button/);
		expect(descriptionOf(404, 'NOT_FOUND')).toBe(`${INSTANCE} was not found. Check the project and the instance: it may be in another project or never existed.`);
		expect(descriptionOf(409, 'ALREADY_EXISTS', 'POST', 'projects/p/phoneNumberInstances')).toMatch(/the number is already provisioned/);
		expect(descriptionOf(400, 'FAILED_PRECONDITION', 'DELETE')).toBe('The instance is not in a state that allows delete: text');
	});

	it('after a 5xx, says a create may have happened and a read may be tried again', () => {
		expect(apiStatusError(node, 500, body(500, 'INTERNAL', 'boom'), { method: 'POST', path: 'projects/p/phoneNumberInstances', attempts: 1 }).description).toMatch(/so the number may have been bought\. It was not retried automatically/);
		expect(apiStatusError(node, 503, body(503, 'UNAVAILABLE', 'boom'), { method: 'GET', path: INSTANCE, attempts: 3 }).description).toBe('Enfonica had a temporary problem (tried 3 times). Try again later.');
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
		const split = noAnswerError(node, { kind: 'network', code: 'ETIMEDOUT' }, { method: 'POST', path: `${INSTANCE}:splitRange`, attempts: 1 });
		expect(split.message).toBe('Enfonica splitRange got no response (timed out)');
		expect(split.description).toMatch(/^The request was sent but no clear answer came back, so the range may have been split\./);
		const listing = noAnswerError(node, { kind: 'malformed' }, { method: 'POST', path: 'projects/p/regulatoryListings', attempts: 1 });
		expect(listing.description).toMatch(/the listing may have been created.*Regulatory Listing → Get Many/);
		const read = noAnswerError(node, { kind: 'network', code: 'ECONNRESET' }, { method: 'GET', path: INSTANCE, attempts: 5 });
		expect(read.message).toBe('Enfonica get got no response (connection failed) after 5 attempts');
		expect(read.description).toBe('Check the API Base URL in the credential and the network, then try again.');
		expect(attemptsOf(read)).toBe(5);
	});
});
