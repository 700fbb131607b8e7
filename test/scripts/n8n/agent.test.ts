/**
 * The AI agent check of `npm run test:n8n` (scripts/n8n/agent.js) when a conversation stops early:
 * its request refused, or never reaching the review. Each of its checks must still be recorded,
 * with the reason, rather than the whole check failing on a conversation that has no requests.
 * n8n is stood in for by a loopback server whose webhook refuses the request, and by a REST
 * session that lists no executions; the emulator is the real one.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { startEmulator, type Emulator } from '../../emulator';
import { checkAgent } from '../../../scripts/n8n/agent';
import { startModelServer } from '../../../scripts/n8n/modelServer';
import { startSmtpSink } from '../../../scripts/n8n/smtpSink';
import { loadWorkflows } from '../../../scripts/n8n/workflows';
import type { CheckResult, N8nServer, Session } from '../../../scripts/n8n/types';

const ROOT = path.resolve(__dirname, '..', '..', '..');

let emulator: Emulator;
let refusing: Server;
let folder: string;

beforeAll(async () => {
	emulator = await startEmulator({ port: 0 });
	refusing = createServer((_req, res) => {
		res.writeHead(500, { 'content-type': 'application/json' });
		res.end('{"message":"Workflow could not be started!"}');
	});
	await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));
});

afterAll(async () => {
	await emulator.close();
	await new Promise((resolve) => refusing.close(resolve));
});

beforeEach(() => {
	folder = mkdtempSync(path.join(tmpdir(), 'enfonica-agent-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

/** An n8n install that has review for tools (the file agent.js looks for), and nothing else. */
function installWithToolReview() {
	const n8n = path.join(folder, 'n8n', 'bin', 'n8n');
	mkdirSync(path.join(folder, 'n8n', 'dist', 'tool-generation'), { recursive: true });
	writeFileSync(path.join(folder, 'n8n', 'dist', 'tool-generation', 'hitl-tools.js'), '');
	return { node: process.execPath, n8n, version: '2.40.7' };
}

const noExecutions: Session = {
	get: async () => ({ data: { results: [], count: 0 } }),
	post: async () => ({}),
	patch: async () => ({}),
	delete: async () => ({}),
};

describe('the AI agent check, when n8n refuses the requests', () => {
	it('records every check as failed, naming the refused request', async () => {
		const [wf] = loadWorkflows([path.join(ROOT, 'examples', 'aiAgentBuyWithApproval.json')]);
		const { port } = refusing.address() as AddressInfo;
		const server = { url: `http://127.0.0.1:${port}` } as N8nServer;
		const model = await startModelServer(() => ({ content: 'unused' }));
		const smtp = await startSmtpSink();
		const recorded: CheckResult[] = [];
		try {
			await checkAgent({
				install: installWithToolReview(),
				server,
				session: noExecutions,
				wf,
				emulator,
				model,
				smtp,
				record: (result) => {
					recorded.push(result);
					return result;
				},
				logsDir: folder,
			});
		} finally {
			await model.close();
			await smtp.close();
		}
		expect(recorded.length).toBeGreaterThanOrEqual(4);
		expect(recorded.filter((result) => result.ok)).toEqual([]);
		const refused = recorded.filter((result) => (result.problems || []).some((problem) => /^POST http:\/\/127\.0\.0\.1:\d+\/webhook\/\S+: 500 /.test(problem)));
		expect(refused.length).toBeGreaterThanOrEqual(2);
		expect(emulator.requests.filter((entry) => entry.method === 'POST')).toEqual([]);
	});
});
