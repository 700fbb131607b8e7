/** HTTP plumbing shared by the API and the token endpoint. */
import type { IncomingMessage } from 'node:http';
import { ApiError } from './errors';

export interface EmulatorResponse {
	status: number;
	headers?: Record<string, string>;
	body: unknown;
}

export interface RequestTarget {
	/** Percent-decoded path; undefined when the path has broken percent-encoding. */
	path: string | undefined;
	rawPath: string;
	/** Decoded query pairs in order ('+' decodes to a space, as for HTML forms and Google front ends). */
	pairs: Array<[string, string]>;
}

const MAX_BODY_BYTES = 1024 * 1024;

export function parseTarget(url: string | undefined): RequestTarget {
	const raw = url ?? '/';
	const queryStart = raw.indexOf('?');
	const rawPath = queryStart === -1 ? raw : raw.slice(0, queryStart);
	const pairs = [...new URLSearchParams(queryStart === -1 ? '' : raw.slice(queryStart + 1)).entries()];
	let path: string | undefined;
	try {
		path = decodeURIComponent(rawPath);
	} catch {
		path = undefined;
	}
	return { path, rawPath, pairs };
}

export function queryRecord(pairs: Array<[string, string]>): Record<string, string> {
	return Object.fromEntries(pairs);
}

export function readBody(req: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			// Keep up to the chunk that crosses the limit, so bodyTooLarge() can tell; drop the rest.
			if (size <= MAX_BODY_BYTES) chunks.push(chunk);
			size += chunk.length;
		});
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

export function bodyTooLarge(raw: Buffer): boolean {
	return raw.length > MAX_BODY_BYTES;
}

export function isFormContentType(contentType: string | undefined): boolean {
	return (contentType ?? '').split(';')[0].trim().toLowerCase() === 'application/x-www-form-urlencoded';
}

/** What the request log shows as `body`: parsed form or JSON, else the raw text. */
export function bodyForLog(raw: Buffer, contentType: string | undefined): unknown {
	if (raw.length === 0) return undefined;
	const text = raw.toString('utf8');
	if (isFormContentType(contentType)) return Object.fromEntries(new URLSearchParams(text).entries());
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

export function errorResponse(error: ApiError): EmulatorResponse {
	return { status: error.httpStatus, headers: error.headers, body: error.toBody() };
}

/** Google front ends pretty-print JSON; clients must not care, but it keeps logs readable. */
export function serializeBody(body: unknown): string {
	return `${JSON.stringify(body, null, 2)}\n`;
}
