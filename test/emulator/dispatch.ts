/** API request handling after routing: 401, then 403, then the method (which validates its own input). */
import { unauthenticated, invalidArgument } from './errors';
import type { EmulatorCore } from './core';
import type { EmulatorResponse } from './http';
import type { ApiCall, MethodHandler } from './methods/call';
import { create } from './methods/create';
import { deleteInstance } from './methods/delete';
import { get } from './methods/get';
import { list } from './methods/list';
import { createListing } from './methods/listings/create';
import { deleteListing } from './methods/listings/delete';
import { getListing } from './methods/listings/get';
import { listListings } from './methods/listings/list';
import { searchListings } from './methods/listings/search';
import { updateListing } from './methods/listings/update';
import { move } from './methods/move';
import { searchPhoneNumbers } from './methods/phoneNumbers/search';
import { splitRange } from './methods/splitRange';
import { update } from './methods/update';
import { requirePermission } from './permissions';
import type { Endpoint } from './router';
import { LISTING_PERMISSION_PREFIX, PERMISSION_PREFIX } from './types';

interface EndpointSpec {
	handler: MethodHandler;
	/** Checked on the path's project; undefined = authentication is enough. */
	permission?: string;
	/** GET and DELETE bodies are ignored, as Google front ends do. */
	hasBody: boolean;
}

const instance = (method: string, handler: MethodHandler, hasBody: boolean): EndpointSpec => ({ handler, permission: `${PERMISSION_PREFIX}${method}`, hasBody });
const listing = (method: string, handler: MethodHandler, hasBody: boolean): EndpointSpec => ({
	handler,
	permission: `${LISTING_PERMISSION_PREFIX}${method}`,
	hasBody,
});

const ENDPOINTS: Readonly<Record<Endpoint, EndpointSpec>> = {
	'phoneNumberInstances.create': instance('create', create, true),
	'phoneNumberInstances.get': instance('get', get, false),
	'phoneNumberInstances.list': instance('list', list, false),
	'phoneNumberInstances.update': instance('update', update, true),
	'phoneNumberInstances.delete': instance('delete', deleteInstance, false),
	'phoneNumberInstances.move': instance('move', move, true),
	'phoneNumberInstances.splitRange': instance('splitRange', splitRange, true),
	'regulatoryListings.create': listing('create', createListing, true),
	'regulatoryListings.get': listing('get', getListing, false),
	'regulatoryListings.list': listing('list', listListings, false),
	'regulatoryListings.update': listing('update', updateListing, true),
	'regulatoryListings.delete': listing('delete', deleteListing, false),
	// The reference: search "needs …list".
	'regulatoryListings.search': listing('list', searchListings, false),
	// No project and no numbering.* permission: any authenticated caller may look.
	'phoneNumbers.search': { handler: searchPhoneNumbers, hasBody: false },
};

export interface ApiRequest {
	endpoint: Endpoint;
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
	const spec = ENDPOINTS[request.endpoint];
	if (spec.permission !== undefined) {
		requirePermission(authentication.principal, request.project, spec.permission);
		core.requireProject(request.project);
	}
	const call: ApiCall = {
		principal: authentication.principal,
		project: request.project,
		id: request.id ?? '',
		pairs: request.pairs,
		body: spec.hasBody ? parseJsonBody(request.rawBody) : undefined,
	};
	return spec.handler(core, call);
}
