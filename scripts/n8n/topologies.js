'use strict';
/**
 * The two ways the restart drill (drill.js) runs n8n: one `n8n start` on SQLite, or queue mode
 * (main + workers). Both offer the same operations, so the drill reads the same for either.
 * prepare() only imports; workflows are activated through the REST API once n8n runs (one HTTP
 * call instead of a CLI process per workflow, which takes 10 to 30 s on a busy machine).
 */
const fs = require('node:fs');
const path = require('node:path');
const { installPackage } = require('./install');
const { importAll, major, startServer } = require('./n8n');
const { ensureOwner, login } = require('./editorApi');
const { freePort } = require('./util');

/**
 * Activates a workflow the way the editor does. n8n 2.x publishes a version
 * (POST /rest/workflows/:id/activate with the version to publish); n8n 1.x flips the `active`
 * flag with PATCH /rest/workflows/:id.
 * @param {import('./types').Install} install @param {import('./types').Session} session @param {string} id
 */
async function activate(install, session, id) {
	const current = (await session.get(`/rest/workflows/${id}`)).data;
	if (major(install) >= 2) await session.post(`/rest/workflows/${id}/activate`, { versionId: current.versionId });
	else await session.patch(`/rest/workflows/${id}`, { active: true, versionId: current.versionId });
}

/** @param {import('./types').Install} install @param {import('./types').Session} session @param {string} id */
async function deactivate(install, session, id) {
	const current = (await session.get(`/rest/workflows/${id}`)).data;
	if (major(install) >= 2) await session.post(`/rest/workflows/${id}/deactivate`, {});
	else await session.patch(`/rest/workflows/${id}`, { active: false, versionId: current.versionId });
}

/**
 * What a user does to rename a node in the editor: the node renamed (and in the connections, which
 * are keyed by node name), the workflow saved with PATCH /rest/workflows/:id as the editor saves it
 * (no static data in the body), then published. n8n 2.x publishes the saved version
 * (POST /rest/workflows/:id/activate); n8n 1.x re-activates an active workflow when it is saved.
 * @param {import('./types').Install} install @param {import('./types').Session} session @param {string} id @param {string} from @param {string} to
 */
async function renameNode(install, session, id, from, to) {
	const current = (await session.get(`/rest/workflows/${id}`)).data;
	if (!current.nodes.some((/** @type {import('./types').WorkflowNode} */ node) => node.name === from)) throw new Error(`workflow ${id} has no node "${from}"`);
	const nodes = current.nodes.map((/** @type {import('./types').WorkflowNode} */ node) => (node.name === from ? { ...node, name: to } : node));
	const connections = JSON.parse(JSON.stringify(current.connections || {}), (key, value) => (key === 'node' && value === from ? to : value));
	if (connections[from]) {
		connections[to] = connections[from];
		delete connections[from];
	}
	const saved = (await session.patch(`/rest/workflows/${id}`, { name: current.name, nodes, connections, settings: current.settings, versionId: current.versionId })).data;
	if (major(install) >= 2) await session.post(`/rest/workflows/${id}/activate`, { versionId: saved.versionId });
}

/**
 * What a user does to re-activate a workflow: deactivate it, then activate (publish) it again.
 * @param {import('./types').Install} install @param {import('./types').Session} session @param {string} id
 */
async function reactivate(install, session, id) {
	await deactivate(install, session, id);
	await activate(install, session, id);
}

/**
 * One `n8n start` with its SQLite database in a fresh user folder under `base`.
 * @param {{ install: import('./types').Install, base: string, credentials: import('./types').CredentialRecord[], owner: import('./types').Owner, env?: Record<string, string> }} options
 * @returns {import('./types').Topology}
 */
function regularTopology({ install, base, credentials, owner, env = {} }) {
	const userFolder = path.join(base, 'user');
	const logsDir = path.join(base, 'logs');
	fs.rmSync(base, { recursive: true, force: true });
	fs.mkdirSync(userFolder, { recursive: true });
	fs.mkdirSync(logsDir, { recursive: true });
	installPackage(userFolder);
	/** @type {number | null} */
	let port = null;
	/** @type {import('./types').N8nServer | null} */
	let server = null;
	/** @type {import('./types').Session | null} */
	let session = null;
	/** @type {import('./types').Topology} */
	const topology = {
		label: 'n8n',
		restartLabel: 'n8n',
		get session() {
			if (!session) throw new Error('n8n is not started: no session');
			return session;
		},
		async prepare(workflows) {
			await importAll(install, userFolder, credentials, workflows, env);
		},
		async start() {
			port = port || (await freePort());
			// Debug: the log then shows each poll ("Poll trigger initiated") and, with durable cursors,
			// whether a silent poll's cursor was committed.
			server = await startServer(install, userFolder, { port, env: { N8N_LOG_LEVEL: 'debug', ...env, ...owner.env }, logFile: path.join(logsDir, 'n8n-start.log') });
			await ensureOwner(server.url, owner);
			session = await login(server.url, owner.email, owner.password);
		},
		async restart(whileDown) {
			if (server) await server.stop();
			await whileDown();
			await this.start();
		},
		async reactivate(id) {
			await reactivate(install, this.session, id);
		},
		async rename(id, from, to) {
			await renameNode(install, this.session, id, from, to);
		},
		async stopAll() {
			if (server) await server.stop();
		},
	};
	return topology;
}

/**
 * Queue mode: `cluster` from queue/cluster.js; a restart stops main and the first worker together.
 * @param {{ install: import('./types').Install, cluster: import('./queue/cluster').Cluster, credentials: import('./types').CredentialRecord[], owner: import('./types').Owner }} options
 * @returns {import('./types').Topology}
 */
function queueTopology({ install, cluster, credentials, owner }) {
	/** @type {import('./types').Session | null} */
	let session = null;
	const logIn = async () => {
		await ensureOwner(cluster.url, owner);
		session = await login(cluster.url, owner.email, owner.password);
	};
	return {
		label: `main + ${cluster.workerNames.length} workers`,
		restartLabel: `main and ${cluster.workerNames[0]}`,
		get session() {
			if (!session) throw new Error('n8n main is not started: no session');
			return session;
		},
		workerOf: (executionId) => cluster.workerOf(executionId),
		async prepare(workflows) {
			await importAll(install, cluster.folders.main, credentials, workflows, cluster.shared);
		},
		async start() {
			await cluster.start();
			await logIn();
		},
		async restart(whileDown) {
			const [first] = cluster.workerNames;
			await Promise.all([cluster.stop('main'), cluster.stop(first)]);
			await whileDown();
			await cluster.startMain();
			await Promise.all([cluster.startWorker(first), logIn()]);
		},
		async reactivate(id) {
			await reactivate(install, this.session, id);
		},
		async rename(id, from, to) {
			await renameNode(install, this.session, id, from, to);
		},
		async stopAll() {
			await cluster.stopAll();
		},
	};
}

module.exports = { activate, deactivate, queueTopology, reactivate, regularTopology, renameNode };
