import type { IHttpRequestMethods } from 'n8n-workflow';

/** The services of Numbering v1beta1, as they appear in paths and permission names. */
export type EnfonicaService = 'phoneNumberInstances' | 'regulatoryListings' | 'phoneNumbers';

/** What a call does, as permissions and messages name it: a search is a list. */
export type EnfonicaAction = 'create' | 'get' | 'list' | 'update' | 'delete' | 'move' | 'splitRange';

/**
 * When a failed call is sent again (transport/retry):
 * - `untilAnswered`: after a 429, a 5xx, a network failure or an unreadable answer;
 * - `onlyOn429`: only after a 429, which Enfonica sends before doing anything.
 */
export type RetryPolicy = 'untilAnswered' | 'onlyOn429';

/** What a call does to Enfonica's state. */
export type Effect =
	| { changes: false }
	/** Sent again, it ends in the same state (a PATCH of the same fields, a DELETE): retried like a read. */
	| { changes: true; repeatable: true }
	/**
	 * Must not happen twice (a create buys a number). When no clear answer came back it may have
	 * happened: `ifAnswerLost` says what ("the number may have been bought"), `check` how to find out.
	 */
	| { changes: true; repeatable: false; ifAnswerLost: string; check: string };

/** One Numbering v1beta1 call, declared once (see ./index): the transport, the error messages and the emulator read it. */
export interface EnfonicaCall<Response = unknown> {
	service: EnfonicaService;
	/** The method as Enfonica names it: `phoneNumberInstances.<method>`. */
	method: string;
	action: EnfonicaAction;
	http: IHttpRequestMethods;
	/**
	 * The REST mapping Enfonica publishes, e.g. `/v1beta1/{name=projects/*\/phoneNumberInstances/*}:move`:
	 * `{name=…}` or `{parent=…}` is filled with that argument (see pathOf).
	 */
	path: string;
	/** `numbering.<service>.<method>` the credential needs; undefined when being authenticated is enough. */
	permission?: string;
	effect: Effect;
	retry: RetryPolicy;
	/** Type only, never set: what the call answers, and so what the transport's caller gets. */
	readonly response?: Response;
}

/** One page of a list or search: the items under the call's `listField`, and `nextPageToken`. */
export type ListPageResponse = Record<string, unknown> & { nextPageToken?: string };

/** A list or search: which field of each page holds the items (an empty page may leave it out). */
export interface EnfonicaListCall<Item> extends EnfonicaCall<ListPageResponse> {
	listField: string;
	/** Type only, never set: one item of the list. */
	readonly item?: Item;
}

/** The resource a call's path names, as its template calls it. */
export interface PathArgs {
	/** A resource name, e.g. `projects/p/phoneNumberInstances/abc`. */
	name?: string;
	/** The project a collection belongs to, `projects/p`. */
	parent?: string;
}

const TEMPLATE_VARIABLE = /\{(name|parent)=[^}]*\}/g;

/** The call's path with its resource filled in: `/v1beta1/projects/p/phoneNumberInstances/abc:move`. */
export function pathOf(call: EnfonicaCall, args: PathArgs): string {
	return call.path.replace(TEMPLATE_VARIABLE, (_, variable: keyof PathArgs) => {
		const value = args[variable];
		if (value === undefined) throw new Error(`${call.service}.${call.method} needs its ${variable}`);
		return value;
	});
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The paths a call is sent to, as a regex: each `*` of its template is one captured path segment
 * (the project, then the resource ID). For whoever serves or recognises calls (the test emulator).
 */
export function pathPattern(call: EnfonicaCall): RegExp {
	const source = call.path
		.split(/(\{[^}]*\})/)
		.map((part) => {
			const variable = /^\{\w+=(.*)\}$/.exec(part);
			return variable ? variable[1].split('*').map(escape).join('([^/:]+)') : escape(part);
		})
		.join('');
	return new RegExp(`^${source}$`);
}

export const READ = { effect: { changes: false }, retry: 'untilAnswered' } as const;
export const REPEATABLE_CHANGE = { effect: { changes: true, repeatable: true }, retry: 'untilAnswered' } as const;

/** A change that must not happen twice: never sent again after it may have reached Enfonica. */
export function oneOffChange(ifAnswerLost: string, check: string): { effect: Effect; retry: RetryPolicy } {
	return { effect: { changes: true, repeatable: false, ifAnswerLost, check }, retry: 'onlyOn429' };
}
