'use strict';
/**
 * n8n's own processes: the CLI commands the tests use (import, publish, execute) and the
 * long-running `n8n start` / `n8n worker`, each with a private user folder and nothing phoned home.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { freePort, npmFreeEnv, seconds, sleep } = require('./util');

/** @param {import('./types').Install} install */
function major(install) {
	return Number(install.version.split('.')[0]);
}

/**
 * Environment for every n8n process. npm's variables are dropped: n8n runs npm for community packages.
 * @param {import('./types').Install} install @param {string} userFolder @param {Record<string, string>} [extra]
 */
function n8nEnv(install, userFolder, extra = {}) {
	return npmFreeEnv({
		N8N_USER_FOLDER: userFolder,
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_SECURE_COOKIE: 'false',
		DB_TYPE: 'sqlite',
		...(major(install) >= 2 ? { N8N_DISABLED_MODULES: 'mcp-registry' } : {}),
		N8N_LOG_LEVEL: 'warn',
		...extra,
	});
}

/**
 * Runs one n8n CLI command to completion (cwd = the user folder, so no stray .env is read).
 * @param {import('./types').Install} install @param {string} userFolder @param {string[]} args
 * @param {{ env?: Record<string, string>, timeoutMs?: number }} [options]
 * @returns {Promise<{ code: number | null, signal: NodeJS.Signals | null, stdout: string, stderr: string, ms: number }>}
 */
function n8nCli(install, userFolder, args, { env = {}, timeoutMs = 180000 } = {}) {
	return new Promise((resolve) => {
		const started = Date.now();
		const child = spawn(install.node, [install.n8n, ...args], {
			cwd: userFolder,
			env: n8nEnv(install, userFolder, env),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk) => (stdout += chunk));
		child.stderr.on('data', (chunk) => (stderr += chunk));
		const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			resolve({ code, signal, stdout, stderr, ms: Date.now() - started });
		});
	});
}

/**
 * Like n8nCli, but throws with n8n's output when the command fails.
 * @param {import('./types').Install} install @param {string} userFolder @param {string[]} args
 * @param {{ env?: Record<string, string>, timeoutMs?: number }} [options]
 */
async function n8nCliOk(install, userFolder, args, options) {
	const result = await n8nCli(install, userFolder, args, options);
	const output = `${result.stdout}\n${result.stderr}`;
	if (result.code !== 0 || /An error occurred while importing/.test(result.stdout)) {
		throw new Error(`n8n ${args.join(' ')} failed (exit ${result.code}):\n${output.trim()}`);
	}
	return result;
}

/**
 * Imports the credential(s) and the workflows (written to <userFolder>/import/). `env` reaches every command.
 * @param {import('./types').Install} install @param {string} userFolder
 * @param {import('./types').CredentialRecord[]} credentials
 * @param {Array<{ id: string, workflow: import('./types').Workflow }>} workflows
 * @param {Record<string, string>} [env]
 */
async function importAll(install, userFolder, credentials, workflows, env = {}) {
	const importDir = path.join(userFolder, 'import');
	fs.rmSync(importDir, { recursive: true, force: true });
	fs.mkdirSync(path.join(importDir, 'workflows'), { recursive: true });
	const credentialFile = path.join(importDir, 'credentials.json');
	fs.writeFileSync(credentialFile, JSON.stringify(credentials, null, 2), { mode: 0o600 });
	let result = await n8nCliOk(install, userFolder, ['import:credentials', `--input=${credentialFile}`], { env });
	const timings = { credentials: result.ms, workflows: 0, expressionEngine: 'none (no workflow imported)' };
	fs.rmSync(credentialFile);
	if (workflows.length) {
		for (const { id, workflow } of workflows) {
			fs.writeFileSync(path.join(importDir, 'workflows', `${id}.json`), JSON.stringify({ active: false, ...workflow, id }, null, 2));
		}
		// Debug logs tell which expression engine n8n initialised (import:workflow starts it).
		result = await n8nCliOk(install, userFolder, ['import:workflow', '--separate', `--input=${path.join(importDir, 'workflows')}`], {
			env: { ...env, N8N_LOG_LEVEL: 'debug' },
		});
		timings.workflows = result.ms;
		timings.expressionEngine = /\[IsolatedVmBridge\] Initialized successfully/.test(result.stdout)
			? 'vm (isolated-vm)'
			: /QuickJs/i.test(result.stdout)
				? 'quickjs'
				: 'legacy (in-process, no isolate)';
	}
	return timings;
}

/**
 * Marks a workflow active so that `n8n start` activates it (2.x: publish; 1.x: active flag).
 * @param {import('./types').Install} install @param {string} userFolder @param {string} id @param {Record<string, string>} [env]
 */
async function activateWorkflow(install, userFolder, id, env = {}) {
	const args = major(install) >= 2 ? ['publish:workflow', `--id=${id}`] : ['update:workflow', `--id=${id}`, '--active=true'];
	return await n8nCliOk(install, userFolder, args, { env });
}

/**
 * Starts a long-running n8n command (`start`, `worker`) and resolves once `ready(output)` holds
 * (it may be async). Output goes to `logFile` (and to this terminal when `echo` is set).
 * @param {import('./types').Install} install @param {string} userFolder
 * @param {{ args: string[], env?: Record<string, string>, logFile?: string, echo?: boolean, timeoutMs?: number, ready: (output: string) => boolean | Promise<boolean> }} options
 * @returns {Promise<import('./types').N8nProcess>}
 */
async function startProcess(install, userFolder, { args, env, logFile, echo = false, timeoutMs = 240000, ready }) {
	const child = spawn(install.node, [install.n8n, ...args], {
		cwd: userFolder,
		env: n8nEnv(install, userFolder, env),
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const log = logFile ? fs.createWriteStream(logFile, { flags: 'a' }) : null;
	let output = '';
	let full = '';
	for (const stream of [child.stdout, child.stderr]) {
		stream.on('data', (chunk) => {
			output = (output + chunk).slice(-20000);
			full += chunk;
			if (log) log.write(chunk);
			if (echo) process.stdout.write(chunk);
		});
	}
	/** @type {{ code: number | null, signal: NodeJS.Signals | null } | null} */
	let exited = null;
	/** @type {Promise<{ code: number | null, signal: NodeJS.Signals | null }>} */
	const exitPromise = new Promise((resolve) => {
		child.on('close', (code, signal) => {
			exited = { code, signal };
			if (log) log.end();
			resolve(exited);
		});
	});
	const started = Date.now();
	const name = `n8n ${args[0]}`;
	for (;;) {
		const exit = /** @type {{ code: number | null, signal: NodeJS.Signals | null } | null} */ (exited);
		if (exit) throw new Error(`${name} exited (${exit.code ?? exit.signal}) before it was ready:\n${output.slice(-4000)}`);
		if (Date.now() - started > timeoutMs) {
			child.kill('SIGTERM');
			throw new Error(`${name} was not ready after ${seconds(timeoutMs)}:\n${output.slice(-4000)}`);
		}
		if (await ready(output)) break;
		await sleep(500);
	}
	return {
		child,
		readyMs: Date.now() - started,
		output: () => output,
		/** Everything the process printed since it started (not trimmed). */
		fullOutput: () => full,
		exited: exitPromise,
		async stop() {
			if (!exited) child.kill('SIGTERM');
			const timer = setTimeout(() => !exited && child.kill('SIGKILL'), 30000);
			await exitPromise;
			clearTimeout(timer);
		},
	};
}

/** @param {string} url */
async function answers(url) {
	try {
		return (await fetch(url)).ok;
	} catch {
		return false; // not listening yet
	}
}

/**
 * `n8n start`, resolved once its editor answers.
 * @param {import('./types').Install} install @param {string} userFolder
 * @param {{ port: number, env?: Record<string, string>, logFile?: string, echo?: boolean, timeoutMs?: number }} options
 * @returns {Promise<import('./types').N8nServer>}
 */
async function startServer(install, userFolder, { port, env = {}, logFile, echo = false, timeoutMs = 240000 }) {
	const brokerPort = await freePort();
	const url = `http://localhost:${port}`;
	const server = await startProcess(install, userFolder, {
		args: ['start'],
		env: {
			N8N_PORT: String(port),
			N8N_LISTEN_ADDRESS: process.env.N8N_LISTEN_ADDRESS || '127.0.0.1',
			N8N_HOST: 'localhost',
			N8N_EDITOR_BASE_URL: url,
			N8N_RUNNERS_BROKER_PORT: String(brokerPort),
			N8N_LOG_LEVEL: 'info',
			...env,
		},
		logFile,
		echo,
		timeoutMs,
		ready: async (output) => /Editor is now accessible via/.test(output) && (await answers(`${url}/healthz/readiness`)),
	});
	return Object.assign(server, { url, port });
}

module.exports = { activateWorkflow, importAll, major, n8nCli, n8nCliOk, n8nEnv, startProcess, startServer };
