/**
 * The catalogue of Enfonica calls (nodes/Enfonica/api), from the sources: every call of the
 * reference is declared once, with the retry policy and the messages its effect implies, and the
 * transport's retry and error mapping read the entry, not the HTTP verb or the path.
 */
import type { INode } from 'n8n-workflow';

import type { EnfonicaCall } from '../../../../nodes/Enfonica/api';
import { ENFONICA_CALLS, pathOf, pathPattern, phoneNumberInstances, phoneNumbers, regulatoryListings } from '../../../../nodes/Enfonica/api';
import { apiStatusError, noAnswerError } from '../../../../nodes/Enfonica/errors';
import type { Failure } from '../../../../nodes/Enfonica/transport/retry';
import { isRetryable } from '../../../../nodes/Enfonica/transport/retry';

const node: INode = { id: '1', name: 'Enfonica', type: 'n8n-nodes-enfonica.enfonica', typeVersion: 2, position: [0, 0], parameters: {} };
const INSTANCE = 'projects/p/phoneNumberInstances/abc';
const TRANSIENT: Failure[] = [
	{ kind: 'status', status: 500 },
	{ kind: 'status', status: 503 },
	{ kind: 'network', code: 'ECONNRESET' },
	{ kind: 'network', code: 'ETIMEDOUT' },
	{ kind: 'malformed' },
];
const id = (call: EnfonicaCall) => `${call.service}.${call.method}`;

describe('the catalogue', () => {
	it('declares every Numbering v1beta1 call of the reference once, with its REST mapping', () => {
		const mapping = Object.fromEntries(ENFONICA_CALLS.map((call) => [id(call), `${call.http} ${call.path}`]));
		expect(mapping).toEqual({
			'phoneNumbers.search': 'GET /v1beta1/phoneNumbers:search',
			'phoneNumberInstances.create': 'POST /v1beta1/{parent=projects/*}/phoneNumberInstances',
			'phoneNumberInstances.get': 'GET /v1beta1/{name=projects/*/phoneNumberInstances/*}',
			'phoneNumberInstances.list': 'GET /v1beta1/{parent=projects/*}/phoneNumberInstances',
			'phoneNumberInstances.update': 'PATCH /v1beta1/{name=projects/*/phoneNumberInstances/*}',
			'phoneNumberInstances.delete': 'DELETE /v1beta1/{name=projects/*/phoneNumberInstances/*}',
			'phoneNumberInstances.move': 'POST /v1beta1/{name=projects/*/phoneNumberInstances/*}:move',
			'phoneNumberInstances.splitRange': 'POST /v1beta1/{name=projects/*/phoneNumberInstances/*}:splitRange',
			'regulatoryListings.create': 'POST /v1beta1/{parent=projects/*}/regulatoryListings',
			'regulatoryListings.get': 'GET /v1beta1/{name=projects/*/regulatoryListings/*}',
			'regulatoryListings.list': 'GET /v1beta1/{parent=projects/*}/regulatoryListings',
			'regulatoryListings.update': 'PATCH /v1beta1/{name=projects/*/regulatoryListings/*}',
			'regulatoryListings.delete': 'DELETE /v1beta1/{name=projects/*/regulatoryListings/*}',
			'regulatoryListings.search': 'GET /v1beta1/{parent=projects/*}/regulatoryListings:search',
		});
		expect(ENFONICA_CALLS).toHaveLength(14);
	});

	it('names the permission each call needs (a search needs list; phoneNumbers.search none)', () => {
		for (const call of ENFONICA_CALLS) {
			if (call.service === 'phoneNumbers') expect(call.permission).toBeUndefined();
			else expect(call.permission).toBe(`numbering.${call.service}.${call.action}`);
		}
		expect(regulatoryListings.search.permission).toBe('numbering.regulatoryListings.list');
	});

	it('fills the path with the resource name or parent', () => {
		expect(pathOf(phoneNumberInstances.move, { name: INSTANCE })).toBe(`/v1beta1/${INSTANCE}:move`);
		expect(pathOf(regulatoryListings.search, { parent: 'projects/p' })).toBe('/v1beta1/projects/p/regulatoryListings:search');
		expect(pathOf(phoneNumbers.search, {})).toBe('/v1beta1/phoneNumbers:search');
		expect(() => pathOf(phoneNumberInstances.get, { parent: 'projects/p' })).toThrow('phoneNumberInstances.get needs its name');
	});

	it('recognises the paths a call is sent to, capturing the project and the resource ID', () => {
		expect(pathPattern(phoneNumberInstances.move).exec(`/v1beta1/${INSTANCE}:move`)?.slice(1)).toEqual(['p', 'abc']);
		expect(pathPattern(regulatoryListings.search).exec('/v1beta1/projects/p/regulatoryListings:search')?.slice(1)).toEqual(['p']);
		expect(pathPattern(phoneNumberInstances.move).test(`/v1beta1/${INSTANCE}:archive`)).toBe(false);
		expect(pathPattern(phoneNumberInstances.get).test(`/v1beta1/${INSTANCE}:move`)).toBe(false);
		for (const call of ENFONICA_CALLS) expect(pathPattern(call).test(pathOf(call, { name: `projects/p/${call.service}/x`, parent: 'projects/p' }))).toBe(true);
	});

	it('gives every list its items field', () => {
		expect([phoneNumberInstances.list, regulatoryListings.list, regulatoryListings.search, phoneNumbers.search].map((call) => call.listField)).toEqual([
			'phoneNumberInstances',
			'regulatoryListings',
			'regulatoryListings',
			'phoneNumbers',
		]);
	});
});

describe('retries and messages follow the entry', () => {
	const changesOnce = ENFONICA_CALLS.filter((call) => call.effect.changes && !call.effect.repeatable);

	it('never sends a change that must not happen twice again once it may have been sent: only after a 429', () => {
		expect(changesOnce.map(id).sort()).toEqual(['phoneNumberInstances.create', 'phoneNumberInstances.move', 'phoneNumberInstances.splitRange', 'regulatoryListings.create']);
		for (const call of changesOnce) {
			for (const failure of TRANSIENT) expect([id(call), failure, isRetryable(call, failure)]).toEqual([id(call), failure, false]);
			expect(isRetryable(call, { kind: 'status', status: 429 })).toBe(true);
		}
	});

	it('retries reads and repeatable changes after any transient failure', () => {
		for (const call of ENFONICA_CALLS.filter((entry) => !changesOnce.includes(entry))) {
			for (const failure of [...TRANSIENT, { kind: 'status', status: 429 } as Failure]) expect([id(call), isRetryable(call, failure)]).toEqual([id(call), true]);
			expect(isRetryable(call, { kind: 'status', status: 400 })).toBe(false);
		}
	});

	it('says what may have happened, and how to check, for each change sent once whose answer was lost', () => {
		const said = changesOnce.map((call) => noAnswerError(node, { kind: 'network', code: 'ECONNRESET' }, { call, name: INSTANCE, parent: 'projects/p', attempts: 1 }).description);
		expect(said).toEqual(changesOnce.map((call) => expect.stringContaining(`so ${(call.effect as { ifAnswerLost: string }).ifAnswerLost}. It was not retried automatically`)));
	});

	it('does not take a new custom POST verb for a create: its entry decides', () => {
		// A hypothetical `POST …:archive` that is safe to repeat: retried, and a lost answer is not "may have been bought".
		const archive: EnfonicaCall = { ...phoneNumberInstances.update, method: 'archive', http: 'POST', path: '/v1beta1/{name=projects/*/phoneNumberInstances/*}:archive' };
		expect(isRetryable(archive, { kind: 'status', status: 503 })).toBe(true);
		const unavailable = apiStatusError(node, 503, { error: { code: 503, status: 'UNAVAILABLE', message: 'busy' } }, { call: archive, name: INSTANCE, attempts: 5 });
		expect(unavailable.message).toBe('Enfonica had a temporary problem (tried 5 times)');
		const denied = apiStatusError(node, 403, { error: { code: 403, status: 'PERMISSION_DENIED', message: 'denied' } }, { call: archive, name: INSTANCE, attempts: 1 });
		expect(denied.description).toContain(`the permission numbering.phoneNumberInstances.update on ${INSTANCE}`);
		expect(noAnswerError(node, { kind: 'malformed' }, { call: archive, name: INSTANCE, attempts: 5 }).description).not.toMatch(/may have been/);
		// The same verb and path declared as a one-off change: sent once, and a lost answer says what may have happened.
		const once: EnfonicaCall = { ...phoneNumberInstances.move, method: 'archive', path: archive.path };
		expect(isRetryable(once, { kind: 'status', status: 503 })).toBe(false);
		expect(apiStatusError(node, 503, {}, { call: once, name: INSTANCE, attempts: 1 }).message).toBe('No clear answer from Enfonica: the instance may have been moved');
	});
});
