'use strict';
/** Small helpers every scripts/n8n file uses: paths, printing, waiting, ports, a clean environment. */
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const LOCAL = process.env.N8N_LOCAL_DIR || path.join(ROOT, '.n8n-local');

/** @param {string} message */
function log(message) {
	process.stdout.write(`${message}\n`);
}

/** @param {number} ms */
function seconds(ms) {
	return `${(ms / 1000).toFixed(1)} s`;
}

/** @param {number} ms @returns {Promise<void>} */
function sleep(ms) {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** @param {string} file @returns {any} */
function readJson(file) {
	return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/**
 * Polls `predicate` until it returns something truthy (that value) or `timeoutMs` passes (null).
 * @template T
 * @param {() => T | Promise<T>} predicate
 * @param {number} timeoutMs
 * @returns {Promise<NonNullable<T> | null>}
 */
async function waitFor(predicate, timeoutMs, intervalMs = 1000) {
	const started = Date.now();
	for (;;) {
		const value = await predicate();
		if (value) return /** @type {NonNullable<T>} */ (value);
		if (Date.now() - started > timeoutMs) return null;
		await sleep(intervalMs);
	}
}

/** @returns {Promise<number>} */
function freePort() {
	return new Promise((resolve, reject) => {
		const server = require('node:net').createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
			server.close(() => resolve(port));
		});
	});
}

/**
 * This process's environment without what npm exported to it (npm_config_*, npm_package_*,
 * npm_lifecycle_*, in any case). Under `npm run`, npm_config_ignore_scripts=true from the
 * repository's .npmrc would otherwise reach every npm started from here: the installer's sqlite3
 * build and the npm n8n runs to install community packages.
 * @param {Record<string, string>} [extra]
 * @returns {Record<string, string | undefined>}
 */
function npmFreeEnv(extra = {}) {
	/** @type {Record<string, string | undefined>} */
	const env = {};
	for (const [key, value] of Object.entries(process.env)) if (!/^npm_/i.test(key)) env[key] = value;
	return { ...env, ...extra };
}

module.exports = { LOCAL, ROOT, freePort, log, npmFreeEnv, readJson, seconds, sleep, waitFor };
