/** Maps method + decoded path to an API method (the REST mapping in the reference). */
import type { ApiMethod } from './types';

export type Route =
	| { kind: 'token' }
	| { kind: 'api'; method: ApiMethod; project: string; id?: string }
	| { kind: 'unknownPath' }
	| { kind: 'wrongMethod'; allowed: string[] };

const COLLECTION = /^\/v1beta1\/projects\/([^/:]+)\/phoneNumberInstances$/;
const RESOURCE = /^\/v1beta1\/projects\/([^/:]+)\/phoneNumberInstances\/([^/:]+)$/;
const CUSTOM = /^\/v1beta1\/projects\/([^/:]+)\/phoneNumberInstances\/([^/:]+):([A-Za-z]+)$/;
const CUSTOM_METHODS: Readonly<Record<string, ApiMethod>> = { move: 'move', splitRange: 'splitRange' };

export function route(method: string, path: string): Route {
	if (path === '/token') return method === 'POST' ? { kind: 'token' } : { kind: 'wrongMethod', allowed: ['POST'] };
	const collection = COLLECTION.exec(path);
	if (collection) {
		if (method === 'GET') return { kind: 'api', method: 'list', project: collection[1] };
		if (method === 'POST') return { kind: 'api', method: 'create', project: collection[1] };
		return { kind: 'wrongMethod', allowed: ['GET', 'POST'] };
	}
	const resource = RESOURCE.exec(path);
	if (resource) {
		const verbs: Readonly<Record<string, ApiMethod>> = { GET: 'get', PATCH: 'update', DELETE: 'delete' };
		const apiMethod = verbs[method];
		return apiMethod ? { kind: 'api', method: apiMethod, project: resource[1], id: resource[2] } : { kind: 'wrongMethod', allowed: ['GET', 'PATCH', 'DELETE'] };
	}
	const custom = CUSTOM.exec(path);
	if (custom && Object.hasOwn(CUSTOM_METHODS, custom[3])) {
		const apiMethod = CUSTOM_METHODS[custom[3]];
		return method === 'POST' ? { kind: 'api', method: apiMethod, project: custom[1], id: custom[2] } : { kind: 'wrongMethod', allowed: ['POST'] };
	}
	return { kind: 'unknownPath' };
}
