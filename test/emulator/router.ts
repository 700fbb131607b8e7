/** Maps method + decoded path to an API endpoint (the REST mappings in the reference). */
import type { ApiMethod, ListingMethod } from './types';

/** `<collection>.<method>`: the handler and (except phoneNumbers.search) the permission follow from it. */
export type Endpoint = `phoneNumberInstances.${ApiMethod}` | `regulatoryListings.${ListingMethod | 'search'}` | 'phoneNumbers.search';

export type Route =
	| { kind: 'token' }
	/** `project` is '' for phoneNumbers:search, which has no project in its path. */
	| { kind: 'api'; endpoint: Endpoint; project: string; id?: string }
	| { kind: 'unknownPath' }
	| { kind: 'wrongMethod'; allowed: string[] };

/** Custom methods (`…:verb`) of each project-scoped collection, with their HTTP verb. */
interface CollectionRoutes {
	onCollection: Readonly<Record<string, string>>;
	onResource: Readonly<Record<string, string>>;
}

const COLLECTIONS: Readonly<Record<string, CollectionRoutes>> = {
	phoneNumberInstances: { onCollection: {}, onResource: { move: 'POST', splitRange: 'POST' } },
	regulatoryListings: { onCollection: { search: 'GET' }, onResource: {} },
};

const COLLECTION_VERBS: Readonly<Record<string, string>> = { GET: 'list', POST: 'create' };
const RESOURCE_VERBS: Readonly<Record<string, string>> = { GET: 'get', PATCH: 'update', DELETE: 'delete' };

const PROJECT_PATH = /^\/v1beta1\/projects\/([^/:]+)\/([A-Za-z]+)(?:\/([^/:]+))?(?::([A-Za-z]+))?$/;
const PHONE_NUMBER_SEARCH = '/v1beta1/phoneNumbers:search';

function api(collection: string, method: string, project: string, id?: string): Route {
	return { kind: 'api', endpoint: `${collection}.${method}` as Endpoint, project, id };
}

function standard(verbs: Readonly<Record<string, string>>, httpMethod: string, collection: string, project: string, id?: string): Route {
	const method = verbs[httpMethod];
	return method ? api(collection, method, project, id) : { kind: 'wrongMethod', allowed: Object.keys(verbs) };
}

function custom(verbs: Readonly<Record<string, string>>, verb: string, httpMethod: string, collection: string, project: string, id?: string): Route {
	if (!Object.hasOwn(verbs, verb)) return { kind: 'unknownPath' };
	return httpMethod === verbs[verb] ? api(collection, verb, project, id) : { kind: 'wrongMethod', allowed: [verbs[verb]] };
}

export function route(method: string, path: string): Route {
	if (path === '/token') return method === 'POST' ? { kind: 'token' } : { kind: 'wrongMethod', allowed: ['POST'] };
	if (path === PHONE_NUMBER_SEARCH) return method === 'GET' ? api('phoneNumbers', 'search', '') : { kind: 'wrongMethod', allowed: ['GET'] };
	const match = PROJECT_PATH.exec(path);
	const routes = match && Object.hasOwn(COLLECTIONS, match[2]) ? COLLECTIONS[match[2]] : undefined;
	if (!match || !routes) return { kind: 'unknownPath' };
	const [, project, collection, id, verb] = match;
	if (id === undefined) {
		return verb === undefined ? standard(COLLECTION_VERBS, method, collection, project) : custom(routes.onCollection, verb, method, collection, project);
	}
	return verb === undefined ? standard(RESOURCE_VERBS, method, collection, project, id) : custom(routes.onResource, verb, method, collection, project, id);
}
