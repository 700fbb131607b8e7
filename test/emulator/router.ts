/**
 * Maps method + decoded path to an API endpoint. The routes are the node's own catalogue of calls
 * (nodes/Enfonica/api: each call's HTTP method and REST path template), so what the node sends and
 * what the emulator serves cannot drift; what each endpoint checks and does stays the emulator's.
 */
import { ENFONICA_CALLS, pathPattern } from '../../nodes/Enfonica/api';
import type { ApiMethod, ListingMethod } from './types';

/** `<collection>.<method>`: the handler and (except phoneNumbers.search) the permission follow from it. */
export type Endpoint = `phoneNumberInstances.${ApiMethod}` | `regulatoryListings.${ListingMethod | 'search'}` | 'phoneNumbers.search';

export type Route =
	| { kind: 'token' }
	/** `project` is '' for phoneNumbers:search, which has no project in its path. */
	| { kind: 'api'; endpoint: Endpoint; project: string; id?: string }
	| { kind: 'unknownPath' }
	| { kind: 'wrongMethod'; allowed: string[] };

interface CompiledRoute {
	endpoint: Endpoint;
	http: string;
	/** Captures each `*` of the template: the project, then the resource ID. */
	pattern: RegExp;
}

const ROUTES: readonly CompiledRoute[] = ENFONICA_CALLS.map((call) => ({
	endpoint: `${call.service}.${call.method}` as Endpoint,
	http: call.http,
	pattern: pathPattern(call),
}));

/** The order `allowed` lists verbs in. */
const VERB_ORDER = ['GET', 'POST', 'PATCH', 'DELETE'];

export function route(method: string, path: string): Route {
	if (path === '/token') return method === 'POST' ? { kind: 'token' } : { kind: 'wrongMethod', allowed: ['POST'] };
	const matches = ROUTES.flatMap((candidate) => {
		const match = candidate.pattern.exec(path);
		return match ? [{ ...candidate, project: match[1] ?? '', id: match[2] }] : [];
	});
	if (matches.length === 0) return { kind: 'unknownPath' };
	const matched = matches.find((candidate) => candidate.http === method);
	if (!matched) return { kind: 'wrongMethod', allowed: VERB_ORDER.filter((verb) => matches.some((candidate) => candidate.http === verb)) };
	return { kind: 'api', endpoint: matched.endpoint, project: matched.project, id: matched.id };
}
