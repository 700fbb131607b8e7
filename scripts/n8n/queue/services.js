'use strict';
/**
 * PostgreSQL and Redis for queue mode, from Debian's packages, on loopback only. Each run gets
 * its own throw-away PostgreSQL data folder and Redis without persistence, on free ports, so it
 * needs no system cluster, leaves nothing behind and cannot collide with a server already
 * running on the machine (the system cluster `15 main` is left as it is).
 */
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { freePort, log, npmFreeEnv, sleep } = require('../util');

/** @param {string} command */
function have(command) {
	return spawnSync('bash', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
}

/** The newest PostgreSQL server binaries folder (/usr/lib/postgresql/<major>/bin), or null. */
function postgresBin() {
	const base = '/usr/lib/postgresql';
	if (!fs.existsSync(base)) return null;
	const versions = fs
		.readdirSync(base)
		.filter((entry) => fs.existsSync(path.join(base, entry, 'bin', 'postgres')))
		.sort((a, b) => Number(b) - Number(a));
	return versions.length ? path.join(base, versions[0], 'bin') : null;
}

/** apt-get installs what is missing (redis-server; postgresql when no server is installed). */
function ensurePackages() {
	const missing = [];
	if (!have('redis-server')) missing.push('redis-server');
	if (!postgresBin()) missing.push('postgresql');
	if (!missing.length) return [];
	if (process.getuid && process.getuid() !== 0) throw new Error(`queue mode needs ${missing.join(' and ')}: sudo apt-get install -y ${missing.join(' ')}`);
	log(`  installing ${missing.join(', ')} from Debian's packages (apt-get)…`);
	const env = { ...npmFreeEnv(), DEBIAN_FRONTEND: 'noninteractive' };
	// Debian's packages start their service on install; policy-rc.d 101 keeps them stopped.
	const policy = '/usr/sbin/policy-rc.d';
	const hadPolicy = fs.existsSync(policy);
	if (!hadPolicy) fs.writeFileSync(policy, '#!/bin/sh\nexit 101\n', { mode: 0o755 });
	try {
		let result = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env, encoding: 'utf8' });
		if (result.status !== 0) {
			spawnSync('apt-get', ['update'], { env, encoding: 'utf8' });
			result = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env, encoding: 'utf8' });
		}
		if (result.status !== 0) throw new Error(`apt-get install ${missing.join(' ')} failed:\n${result.stderr.slice(-2000)}`);
	} finally {
		if (!hadPolicy) fs.rmSync(policy, { force: true });
	}
	return missing;
}

/**
 * Runs a PostgreSQL binary as the `postgres` user when we are root (the server refuses root).
 * @param {string} bin @param {string[]} args
 */
function asPostgres(bin, args) {
	const root = process.getuid && process.getuid() === 0;
	const [command, fullArgs] = root ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
	return spawnSync(command, /** @type {string[]} */ (fullArgs), { encoding: 'utf8', env: npmFreeEnv() });
}

/**
 * initdb into a new folder, a server on 127.0.0.1:<free port>, and a database `database`.
 * @typedef {{ host: string, port: number, database: string, user: string, version: string, createDatabase(name: string): Promise<Postgres>, stop(): Promise<void> }} Postgres
 * @returns {Promise<Postgres>}
 */
async function startPostgres(database = 'n8n') {
	const bin = postgresBin();
	if (!bin) throw new Error('no PostgreSQL server is installed (/usr/lib/postgresql/<major>/bin/postgres)');
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'enfonica-pg-'));
	const dataDir = path.join(dir, 'data');
	if (process.getuid && process.getuid() === 0) spawnSync('chown', ['postgres:postgres', dir]);
	let result = asPostgres(path.join(bin, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-instructions']);
	if (result.status !== 0) throw new Error(`initdb failed:\n${result.stderr}`);
	const port = await freePort();
	// A server of our own: loopback only, its socket in its own folder, small and fast (no fsync: throw-away data).
	result = asPostgres(path.join(bin, 'pg_ctl'), [
		'-D', dataDir, '-l', path.join(dir, 'server.log'), '-w', '-t', '60',
		'-o', `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off -c synchronous_commit=off -c max_connections=100`,
		'start',
	]);
	if (result.status !== 0) throw new Error(`pg_ctl start failed:\n${result.stdout}${result.stderr}\n${fs.existsSync(path.join(dir, 'server.log')) ? fs.readFileSync(path.join(dir, 'server.log'), 'utf8').slice(-2000) : ''}`);
	result = asPostgres(path.join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', database]);
	if (result.status !== 0) throw new Error(`createdb ${database} failed:\n${result.stderr}`);
	const version = asPostgres(path.join(bin, 'postgres'), ['--version']).stdout.trim();
	return {
		host: '127.0.0.1',
		port,
		database,
		user: 'postgres',
		version,
		/**
		 * Another database on the same server: the same connection settings, another name.
		 * @param {string} name @returns {Promise<Postgres>}
		 */
		async createDatabase(name) {
			const created = asPostgres(path.join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', name]);
			if (created.status !== 0) throw new Error(`createdb ${name} failed:\n${created.stderr}`);
			return { ...this, database: name };
		},
		async stop() {
			asPostgres(path.join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
			fs.rmSync(dir, { recursive: true, force: true });
		},
	};
}

/**
 * redis-server on 127.0.0.1:<free port>, in memory only, a child of this process.
 * @typedef {Awaited<ReturnType<typeof startRedis>>} Redis
 */
async function startRedis() {
	const port = await freePort();
	const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'yes'], {
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	child.stdout.on('data', (chunk) => (output += chunk));
	child.stderr.on('data', (chunk) => (output += chunk));
	/** @type {{ code: number | null, signal: NodeJS.Signals | null } | null} */
	let exited = null;
	const exitPromise = new Promise((resolve) => child.on('close', (code, signal) => resolve((exited = { code, signal }))));
	for (let waited = 0; !/Ready to accept connections/.test(output); waited += 100) {
		if (exited || waited > 20000) {
			child.kill('SIGKILL');
			throw new Error(`redis-server did not start:\n${output.slice(-2000)}`);
		}
		await sleep(100);
	}
	const version = spawnSync('redis-server', ['--version'], { encoding: 'utf8' }).stdout.trim();
	return {
		host: '127.0.0.1',
		port,
		version,
		async stop() {
			if (!exited) child.kill('SIGTERM');
			await exitPromise;
		},
	};
}

module.exports = { ensurePackages, startPostgres, startRedis };
