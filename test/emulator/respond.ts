/** One request in, one response out (no faults, no latency): routing and error mapping. */
import type { IncomingHttpHeaders } from 'node:http';
import type { EmulatorCore } from './core';
import { handleApi } from './dispatch';
import { ApiError, invalidArgument, notFound } from './errors';
import { bodyTooLarge, errorResponse, type EmulatorResponse, type RequestTarget } from './http';
import { route } from './router';
import { handleToken } from './tokenEndpoint';

export function respond(core: EmulatorCore, method: string, target: RequestTarget, headers: IncomingHttpHeaders, rawBody: Buffer): EmulatorResponse {
	try {
		if (target.path === undefined) throw invalidArgument(`Malformed percent-encoding in the URL path ${target.rawPath}.`);
		if (bodyTooLarge(rawBody)) throw invalidArgument('Request payload size exceeds the limit: 1048576 bytes.');
		const matched = route(method, target.path);
		switch (matched.kind) {
			case 'token':
				return handleToken(core, headers['content-type'], rawBody);
			case 'unknownPath':
				throw notFound(`The requested URL ${target.path} was not found on this server.`);
			case 'wrongMethod':
				// Google front ends answer an unmapped verb with 404, not 405; Allow is a courtesy for debugging.
				throw new ApiError(404, 'NOT_FOUND', `Method ${method} is not supported for ${target.path} (supported: ${matched.allowed.join(', ')}).`, [], {
					Allow: matched.allowed.join(', '),
				});
			case 'api':
				return handleApi(core, {
					endpoint: matched.endpoint,
					project: matched.project,
					id: matched.id,
					authorization: headers.authorization,
					pairs: target.pairs,
					rawBody,
				});
		}
	} catch (error) {
		if (error instanceof ApiError) return errorResponse(error);
		// Surface emulator bugs loudly instead of letting a client mistake them for a real outage.
		return errorResponse(new ApiError(500, 'INTERNAL', `Emulator bug: ${(error as Error).stack ?? String(error)}`));
	}
}
