'use strict';
/**
 * n8n in queue mode: one main (`n8n start`, EXECUTIONS_MODE=queue) and `n8n worker`s sharing one
 * PostgreSQL database, one Redis and one N8N_ENCRYPTION_KEY. Every process has its own user
 * folder holding the package as a community package (each loads its nodes from there), and its
 * own task-runner broker port and worker-server port, so they can share a machine.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { freePort, sleep } = require('../util');
const { installPackage } = require('../install');
const { startProcess, startServer } = require('../n8n');

/** @typedef {ReturnType<typeof createCluster>} Cluster */

/**
 * The environment every process of the cluster shares (CLI commands included).
 * @param {{ pg: import('./services').Postgres, redis: import('./services').Redis, encryptionKey: string, extra?: Record<string, string> }} options
 * @returns {Record<string, string>}
 */
function queueEnv({ pg, redis, encryptionKey, extra = {} }) {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: redis.host,
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: pg.host,
		DB_POSTGRESDB_PORT: String(pg.port),
		DB_POSTGRESDB_DATABASE: pg.database,
		DB_POSTGRESDB_USER: pg.user,
		DB_POSTGRESDB_PASSWORD: '',
		N8N_ENCRYPTION_KEY: encryptionKey,
		// Executions started from the editor or the REST API go to the workers too, not only triggered ones.
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
		// Debug: the logs tell which process polled ("Poll trigger initiated") and which worker ran
		// an execution ("Worker started execution", info).
		N8N_LOG_LEVEL: 'debug',
		...extra,
	};
}

/** @param {string} url */
async function answers(url) {
	try {
		return (await fetch(url)).ok;
	} catch {
		return false;
	}
}

/**
 * `base` holds main/ and worker-<n>/ user folders and logs/. Nothing starts until start().
 * `env` is added to every process (e.g. the durable poll cursor settings).
 * @param {{ install: import('../types').Install, base: string, pg: import('./services').Postgres, redis: import('./services').Redis, workers?: number, env?: Record<string, string>, owner: import('../types').Owner }} options
 */
function createCluster({ install, base, pg, redis, workers = 2, env = {}, owner }) {
	const encryptionKey = crypto.randomBytes(24).toString('hex');
	// Its own Bull prefix: clusters that share the Redis one after another never see each other's jobs.
	const shared = queueEnv({ pg, redis, encryptionKey, extra: { QUEUE_BULL_PREFIX: `enfonica-${encryptionKey.slice(0, 8)}`, ...env } });
	const logsDir = path.join(base, 'logs');
	fs.mkdirSync(logsDir, { recursive: true });
	/** @type {Record<string, string>} */
	const folders = { main: path.join(base, 'main') };
	for (let n = 1; n <= workers; n++) folders[`worker-${n}`] = path.join(base, `worker-${n}`);
	for (const folder of Object.values(folders)) {
		fs.mkdirSync(folder, { recursive: true });
		installPackage(folder);
	}
	const cluster = {
		shared,
		folders,
		logsDir,
		names: Object.keys(folders),
		workerNames: Object.keys(folders).filter((name) => name !== 'main'),
		/** @type {Record<string, import('../types').N8nProcess>} */
		processes: {},
		/** @type {Record<string, string>} Per process, everything it printed across restarts. */
		history: {},
		/** @type {number | null} */
		mainPort: null,
		/** main's URL, once started. */
		url: '',

		async startMain() {
			this.mainPort = this.mainPort || (await freePort());
			const server = await startServer(install, folders.main, {
				port: this.mainPort,
				env: { ...shared, ...owner.env },
				logFile: path.join(logsDir, 'main.log'),
			});
			this.processes.main = server;
			this.url = server.url;
			return server;
		},

		/** @param {string} name */
		async startWorker(name) {
			const healthPort = await freePort();
			const worker = await startProcess(install, folders[name], {
				args: ['worker', '--concurrency=5'],
				env: {
					...shared,
					N8N_RUNNERS_BROKER_PORT: String(await freePort()),
					// The worker server (health checks) on a port of its own; /healthz answers once it is up.
					QUEUE_HEALTH_CHECK_ACTIVE: 'true',
					QUEUE_HEALTH_CHECK_PORT: String(healthPort),
					N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
				},
				logFile: path.join(logsDir, `${name}.log`),
				ready: async (output) => /worker is now ready|Worker ready/i.test(output) && (await answers(`http://127.0.0.1:${healthPort}/healthz`)),
			});
			this.processes[name] = worker;
			return worker;
		},

		/** Main first (it migrates the database), then the workers together. */
		async start() {
			const started = Date.now();
			await this.startMain();
			const mainMs = Date.now() - started;
			await Promise.all(this.workerNames.map((name) => this.startWorker(name)));
			return { mainMs, workersMs: Date.now() - started - mainMs };
		},

		/** @param {string} name */
		async stop(name) {
			const running = this.processes[name];
			if (!running) return;
			this.history[name] = (this.history[name] || '') + running.fullOutput();
			delete this.processes[name];
			await running.stop();
		},

		async stopAll() {
			await Promise.all(this.workerNames.map((name) => this.stop(name)));
			await this.stop('main');
		},

		/** Everything a process printed, this run and earlier ones. */
		/** @param {string} name @returns {string} */
		outputOf(name) {
			return (this.history[name] || '') + (this.processes[name] ? this.processes[name].fullOutput() : '');
		},

		/** Which worker ran an execution: the one whose log says it started it. */
		/** @param {string} executionId @returns {string | null} */
		workerOf(executionId) {
			const pattern = new RegExp(`Worker started execution ${executionId}\\b`);
			const found = this.workerNames.filter((name) => pattern.test(this.outputOf(name)));
			return found.length === 1 ? found[0] : found.length ? found.join('+') : null;
		},

		/** Waits until a worker logged that it finished the execution. */
		/** @param {string} executionId @param {number} [timeoutMs] */
		async waitWorkerFinished(executionId, timeoutMs = 60000) {
			const pattern = new RegExp(`Worker (finished|errored) execution ${executionId}\\b|execution ${executionId}.*(finished|failed)`);
			for (const started = Date.now(); Date.now() - started < timeoutMs; await sleep(250)) {
				if (this.workerNames.some((name) => pattern.test(this.outputOf(name)))) return true;
			}
			return false;
		},
	};
	return cluster;
}

module.exports = { createCluster, queueEnv };
