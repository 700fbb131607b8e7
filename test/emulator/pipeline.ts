/** The node:http request handler: log, fault selection, latency, then the real response or the fault. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorCore } from './core';
import { statusFault, writeMalformed } from './faultResponse';
import { describeFault } from './faults';
import { bodyForLog, parseTarget, queryRecord, readBody, serializeBody, type EmulatorResponse } from './http';
import { claimedKey } from './jwtAssertion';
import { respond } from './respond';
import type { RequestLogEntry } from './types';

function write(res: ServerResponse, response: EmulatorResponse): void {
	const text = serializeBody(response.body);
	res.writeHead(response.status, {
		...response.headers,
		'Content-Type': 'application/json; charset=UTF-8',
		'Content-Length': Buffer.byteLength(text),
	});
	res.end(text);
}

/** Who a request claims to be, for the log only (never the secret itself). */
function principalLabel(core: EmulatorCore, isToken: boolean, req: IncomingMessage, body: unknown): string | undefined {
	if (isToken) {
		const assertion = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).assertion : undefined;
		return typeof assertion === 'string' ? claimedKey(assertion, { byId: (kid) => core.auth.keyById(kid), byEmail: (email) => core.auth.keysByEmail(email) })?.clientEmail : undefined;
	}
	const authentication = core.auth.authenticate(req.headers.authorization);
	return authentication.ok ? authentication.principal.label : authentication.label;
}

export function createRequestHandler(core: EmulatorCore): (req: IncomingMessage, res: ServerResponse) => void {
	return (req, res) => {
		// respond() already turns handler errors into 500s; this only guards the plumbing.
		handleRequest(core, req, res).catch(() => res.destroy());
	};
}

async function handleRequest(core: EmulatorCore, req: IncomingMessage, res: ServerResponse): Promise<void> {
	const method = (req.method ?? 'GET').toUpperCase();
	const target = parseTarget(req.url);
	const path = target.path ?? target.rawPath;
	const isToken = path === '/token';
	const entry: RequestLogEntry = { method, path, query: queryRecord(target.pairs), body: undefined, status: 0, startedAt: Date.now(), endedAt: 0 };
	core.log.push(entry);
	if (!isToken) core.enter();

	// Runs once: when we send (before the bytes leave, so a client that got its answer sees a settled log
	// and counters) or when the connection closes first (client gave up, reset, emulator closed).
	let finished = false;
	const finish = (status: number): void => {
		if (finished) return;
		finished = true;
		entry.status = status;
		entry.endedAt = Date.now();
		if (!isToken) core.leave();
	};
	res.on('close', () => finish(entry.status));
	const send = (response: EmulatorResponse): void => {
		if (finished) return;
		finish(response.status);
		write(res, response);
	};

	// Faults are chosen on arrival so nth/times follow arrival order.
	const rule = core.faults.take(method, path);
	if (rule) entry.fault = describeFault(rule);

	let rawBody: Buffer;
	try {
		rawBody = await readBody(req);
	} catch {
		finish(0);
		return;
	}
	entry.body = bodyForLog(rawBody, req.headers['content-type']);
	entry.principal = principalLabel(core, isToken, req, entry.body);

	// Like a real server, work is still done if the client gives up during the latency (send() then no-ops).
	if (core.latencyMs > 0) await core.sleep(core.latencyMs);
	if (core.closed) return;
	const process = (): EmulatorResponse => respond(core, method, target, req.headers, rawBody);
	if (!rule) {
		send(process());
		return;
	}

	const fault = rule.fault;
	const processed = rule.applyAfterProcessing ? process() : undefined;
	switch (fault.kind) {
		case 'status':
			send(statusFault(fault));
			return;
		case 'malformed':
			if (finished) return;
			finish(200);
			writeMalformed(res, processed);
			return;
		case 'answer':
			if (finished) return;
			finish(fault.status);
			res.writeHead(fault.status, { 'Content-Type': fault.contentType ?? 'application/json; charset=UTF-8', 'Content-Length': Buffer.byteLength(fault.body) });
			res.end(fault.body);
			return;
		case 'reset':
			finish(0);
			if (!req.socket.destroyed) req.socket.resetAndDestroy();
			return;
		case 'hang':
			if (fault.ms === undefined) return; // never answered; the socket closes when the client or close() ends it
			await core.sleep(fault.ms);
			// A client that gave up meanwhile leaves no trace unless the work was done up front.
			if (finished || core.closed) return;
			send(processed ?? process());
			return;
	}
}
