/**
 * The list pages the emulator gives for a project, served again at constant cost per page, for
 * the 100,000-number rows. The emulator filters and sorts the whole project on every page (fine
 * for tests, quadratic in a listing: a bare fetch loop over 100,000 numbers takes over a minute),
 * which would hide how the node itself scales. The bodies are the emulator's own instances, in
 * its list order (Emulator.listStored), serialised once; page tokens are page numbers.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { Emulator } from '../../test/emulator';

export interface PageReplay {
	baseUrl: string;
	/** List requests served, by project. */
	lists: Map<string, number>;
	close(): Promise<void>;
}

export async function startPageReplay(
	emu: Emulator,
	projects: string[],
	token: string,
	{ pageSize = 100, includeDeleted = false }: { pageSize?: number; includeDeleted?: boolean } = {},
): Promise<PageReplay> {
	const pages = new Map<string, string[]>();
	for (const project of projects) {
		const instances = emu.listStored(project, { includeDeleted });
		const bodies: string[] = [];
		for (let start = 0, page = 1; start < instances.length || start === 0; start += pageSize, page++) {
			const slice = instances.slice(start, start + pageSize);
			const more = start + pageSize < instances.length;
			bodies.push(JSON.stringify({ ...(slice.length > 0 ? { phoneNumberInstances: slice } : {}), ...(more ? { nextPageToken: String(page) } : {}) }));
			if (!more) break;
		}
		pages.set(project, bodies);
	}
	const lists = new Map<string, number>();
	const server = createServer((request, response) => {
		const url = new URL(request.url ?? '/', 'http://replay');
		const match = /^\/v1beta1\/projects\/([^/]+)\/phoneNumberInstances$/.exec(url.pathname);
		const bodies = match && request.method === 'GET' ? pages.get(match[1]) : undefined;
		const send = (status: number, body: string) => {
			response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
			response.end(body);
		};
		if (request.headers.authorization !== `Bearer ${token}`) return send(401, '{"error":{"code":401,"status":"UNAUTHENTICATED"}}');
		if (!match || !bodies) return send(404, '{"error":{"code":404,"status":"NOT_FOUND"}}');
		if (url.searchParams.get('pageSize') !== String(pageSize)) return send(400, `{"error":{"code":400,"message":"the replay serves pageSize=${pageSize} only"}}`);
		const body = bodies[Number(url.searchParams.get('pageToken') ?? '0')];
		if (body === undefined) return send(400, '{"error":{"code":400,"status":"INVALID_ARGUMENT"}}');
		lists.set(match[1], (lists.get(match[1]) ?? 0) + 1);
		send(200, body);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		baseUrl: `http://127.0.0.1:${port}`,
		lists,
		close: async () => await new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
