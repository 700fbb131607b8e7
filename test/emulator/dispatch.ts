/** API request handling after routing: 401, then 403, then the method (which validates its own input). */
import { unauthenticated, invalidArgument } from './errors';
import type { EmulatorCore } from './core';
import type { EmulatorResponse } from './http';
import type { ApiCall, MethodHandler } from './methods/call';
import { create } from './methods/create';
import { deleteInstance } from './methods/delete';
import { get } from './methods/get';
import { list } from './methods/list';
import { move } from './methods/move';
import { splitRange } from './methods/splitRange';
import { update } from './methods/update';
import { requirePermission } from './permissions';
import type { ApiMethod } from './types';

const HANDLERS: Readonly<Record<ApiMethod, MethodHandler>> = {
	create,
	get,
	list,
	update,
	delete: deleteInstance,
	move,
	splitRange,
};

const METHODS_WITH_BODY: ReadonlySet<ApiMethod> = new Set(['create', 'update', 'move', 'splitRange']);

export interface ApiRequest {
	method: ApiMethod;
	project: string;
	id?: string;
	authorization: string | undefined;
	pairs: Array<[string, string]>;
	rawBody: Buffer;
}

function parseJsonBody(raw: Buffer): unknown {
	const text = raw.toString('utf8');
	if (text.trim() === '') return {};
	try {
		return JSON.parse(text);
	} catch (error) {
		throw invalidArgument(`Invalid JSON payload received. ${(error as Error).message}`);
	}
}

export function handleApi(core: EmulatorCore, request: ApiRequest): EmulatorResponse {
	const authentication = core.auth.authenticate(request.authorization);
	if (!authentication.ok) throw unauthenticated(authentication.reason);
	requirePermission(authentication.principal, request.project, request.method);
	const call: ApiCall = {
		principal: authentication.principal,
		project: request.project,
		id: request.id ?? '',
		pairs: request.pairs,
		// GET and DELETE bodies are ignored, as Google front ends do.
		body: METHODS_WITH_BODY.has(request.method) ? parseJsonBody(request.rawBody) : undefined,
	};
	return HANDLERS[request.method](core, call);
}
