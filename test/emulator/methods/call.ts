/** What every API method handler receives once the request is authenticated and authorised. */
import type { Principal } from '../auth';
import type { EmulatorCore } from '../core';
import type { EmulatorResponse } from '../http';

export interface ApiCall {
	principal: Principal;
	project: string;
	/** Instance id from the path (absent for create/list). */
	id: string;
	/** Decoded query pairs, validated by each method against its own parameters. */
	pairs: Array<[string, string]>;
	/** Parsed JSON body ({} when empty) for methods with a body; undefined otherwise. */
	body: unknown;
}

export type MethodHandler = (core: EmulatorCore, call: ApiCall) => EmulatorResponse;

export function ok(body: unknown): EmulatorResponse {
	return { status: 200, body };
}
