/** What an injected fault puts on the wire. */
import type { ServerResponse } from 'node:http';
import { ApiError, statusNameFor } from './errors';
import { errorResponse, serializeBody, type EmulatorResponse } from './http';
import type { FaultSpec } from './types';

const DEFAULT_MESSAGES: Readonly<Record<number, string>> = {
	429: 'Resource has been exhausted (e.g. check quota).',
	500: 'Internal error encountered.',
	503: 'The service is currently unavailable.',
	504: 'Deadline exceeded.',
};

export function statusFault(fault: Extract<FaultSpec, { kind: 'status' }>): EmulatorResponse {
	const headers: Record<string, string> = {};
	const details: unknown[] = [];
	if (fault.retryAfterSeconds !== undefined) {
		headers['Retry-After'] = String(fault.retryAfterSeconds);
		details.push({ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: `${fault.retryAfterSeconds}s` });
	}
	const message = fault.message ?? DEFAULT_MESSAGES[fault.status] ?? `Injected fault (HTTP ${fault.status}).`;
	return errorResponse(new ApiError(fault.status, fault.statusName ?? statusNameFor(fault.status), message, details, headers));
}

/** A 200 whose JSON is cut in half: the client sees a body it cannot parse. */
export function writeMalformed(res: ServerResponse, real: EmulatorResponse | undefined): void {
	const text = serializeBody(real?.body ?? { name: 'projects/unknown/phoneNumberInstances/unknown', lifecycleState: 'ACTIVE' });
	const truncated = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
	res.writeHead(200, { 'Content-Type': 'application/json; charset=UTF-8', 'Content-Length': Buffer.byteLength(truncated) });
	res.end(truncated);
}
