/**
 * How the transport finds Enfonica's answer in the error n8n throws for a status ≥ 400: n8n 2.x
 * keeps the HTTP response (as the error's cause), n8n 1.x (1.123, its n8n-workflow 1.120) keeps
 * only the status and the body. Both must give the status, or retries and error mapping are lost
 * (measured on 1.123.81 in queue mode: a 429 was not retried).
 */
import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { answerInError } from '../../../../nodes/Enfonica/transport';

const node: INode = { id: '1', name: 'Enfonica', type: 'n8n-nodes-enfonica.enfonica', typeVersion: 1, position: [0, 0], parameters: {} };
const body = { error: { code: 429, message: 'Quota exceeded', status: 'RESOURCE_EXHAUSTED' } };

function axiosError(status: number) {
	return Object.assign(new Error(`Request failed with status code ${status}`), { isAxiosError: true, response: { status, headers: { 'retry-after': '2' }, data: body } });
}

describe('answerInError', () => {
	it('reads status, headers and body from n8n 2.x\'s error (the response as its cause)', () => {
		const wrapped = new NodeApiError(node, axiosError(429) as unknown as JsonObject);
		expect(answerInError(wrapped)).toEqual({ statusCode: 429, headers: { 'retry-after': '2' }, body });
	});

	it('reads status and body from n8n 1.x\'s error, which keeps no response', () => {
		// What NodeApiError of n8n-workflow 1.120 keeps of an axios error: httpCode and context.data.
		const wrapped = new NodeApiError(node, { message: 'Request failed with status code 429' }, { httpCode: '429' });
		wrapped.context.data = body;
		expect(wrapped.cause).toBeUndefined();
		expect(answerInError(wrapped)).toEqual({ statusCode: 429, headers: {}, body });
	});

	it('recognises that error from another copy of n8n-workflow too (n8n 1.x in real n8n)', () => {
		// n8n's own n8n-workflow is not necessarily the module this package resolves: instanceof fails there.
		const foreign = Object.assign(new Error('The service is receiving too many requests from you'), { name: 'NodeApiError', httpCode: '429', context: { data: body } });
		expect(answerInError(foreign)).toEqual({ statusCode: 429, headers: {}, body });
	});

	it('finds no answer in errors without one', () => {
		expect(answerInError(new NodeApiError(node, { message: 'socket hang up' }))).toBeUndefined();
		expect(answerInError(new NodeOperationError(node, 'bad input'))).toBeUndefined();
		expect(answerInError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toBeUndefined();
	});
});
