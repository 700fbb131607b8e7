'use strict';
/**
 * Getting n8n and this package ready: n8n itself (install.sh, once), the package's build, and
 * the package installed into an n8n user folder the way n8n installs a community package.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ROOT, log, npmFreeEnv } = require('./util');

const PACKAGE_JSON = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const PACKAGE_NAME = PACKAGE_JSON.name;
const INSTALL_SH = path.join(__dirname, 'install.sh');

/**
 * @param {string} command @param {string[]} args @param {import('node:child_process').SpawnSyncOptions} [options]
 * @returns {string}
 */
function run(command, args, options = {}) {
	const result = spawnSync(command, args, { encoding: 'utf8', env: npmFreeEnv(), ...options });
	if (result.status !== 0) {
		throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status}):\n${result.stdout || ''}${result.stderr || ''}`);
	}
	return String(result.stdout);
}

/**
 * Runs scripts/n8n/install.sh (instant once installed); returns { node, n8n, version }.
 * @returns {import('./types').Install}
 */
function ensureN8n() {
	if (process.env.N8N_BIN && process.env.N8N_NODE) {
		const version = spawnSync(process.env.N8N_NODE, [process.env.N8N_BIN, '--version'], { encoding: 'utf8' }).stdout.trim();
		return { node: process.env.N8N_NODE, n8n: process.env.N8N_BIN, version };
	}
	// install.sh drops npm's variables itself; not handing them over keeps that true for any shell.
	const result = spawnSync('bash', [INSTALL_SH], { cwd: ROOT, encoding: 'utf8', env: npmFreeEnv(), stdio: ['ignore', 'pipe', 'inherit'] });
	if (result.status !== 0) throw new Error(`scripts/n8n/install.sh failed (exit ${result.status})`);
	const vars = Object.fromEntries(
		result.stdout
			.split('\n')
			.filter((line) => /^[A-Z0-9_]+=/.test(line))
			.map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
	);
	const version = JSON.parse(fs.readFileSync(path.join(path.dirname(vars.N8N), '..', 'package.json'), 'utf8')).version;
	return { node: vars.NODE, n8n: vars.N8N, version };
}

/** install.sh --check-build-env started exactly as ensureN8n starts the installer (for the fast test). */
function checkBuildEnv() {
	return run('bash', [INSTALL_SH, '--check-build-env'], { cwd: ROOT });
}

/** @param {string} dir @param {(name: string) => boolean} filter @returns {number} */
function newestMtime(dir, filter) {
	let newest = 0;
	if (!fs.existsSync(dir)) return newest;
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full, filter));
		else if (filter(entry.name)) newest = Math.max(newest, fs.statSync(full).mtimeMs);
	}
	return newest;
}

/** `npm run build` when a file listed in package.json's n8n section is missing or older than a source. */
function ensureBuilt() {
	const listed = [...(PACKAGE_JSON.n8n.nodes || []), ...(PACKAGE_JSON.n8n.credentials || [])].map((file) => path.join(ROOT, file));
	const sources = Math.max(
		...['nodes', 'credentials'].map((dir) => newestMtime(path.join(ROOT, dir), (name) => /\.(ts|json|svg|png)$/.test(name))),
		fs.statSync(path.join(ROOT, 'package.json')).mtimeMs,
	);
	const stale = listed.some((file) => !fs.existsSync(file) || fs.statSync(file).mtimeMs < sources);
	if (!stale && process.env.N8N_REBUILD !== '1') return false;
	log('Building the package (npm run build)...');
	const result = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
	if (result.status !== 0) throw new Error('npm run build failed');
	return true;
}

/** The `npm pack` tarball of the package, made once per process and shared by every user folder. */
/** @type {string | null} */
let packed = null;
function packOnce() {
	if (packed && fs.existsSync(packed)) return packed;
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'enfonica-pack-'));
	const [entry] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', tmp], { cwd: ROOT }));
	packed = path.join(tmp, entry.filename);
	process.once('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
	return packed;
}

/**
 * Installs this package into `<userFolder>/.n8n/nodes/node_modules/<name>` exactly as n8n's
 * "Settings > Community nodes > Install" does (CommunityPackagesService.downloadPackage): the
 * `npm pack` tarball unpacked, dev/peer/optional dependencies dropped from its package.json,
 * then `npm install` with n8n's flags. n8n scans that folder at start-up and loads the package
 * under its own name, so node types are `n8n-nodes-enfonica.enfonica`, as for a user who
 * installed it from npm. (A folder in N8N_CUSTOM_EXTENSIONS would load the same files, but as
 * the package `CUSTOM`: types `CUSTOM.enfonica`, which the example workflows do not use.)
 * @param {string} userFolder
 */
function installPackage(userFolder) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const packageDir = path.join(nodesDir, 'node_modules', PACKAGE_NAME);
	const tarball = packOnce();
	fs.rmSync(packageDir, { recursive: true, force: true });
	fs.mkdirSync(packageDir, { recursive: true });
	run('tar', ['-xzf', tarball, '-C', packageDir, '--strip-components=1']);
	const manifestPath = path.join(packageDir, 'package.json');
	const { devDependencies, peerDependencies, optionalDependencies, ...manifest } = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
	fs.writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
	// With no runtime dependencies this installs nothing, and is still what n8n would run.
	run(
		'npm',
		['install', '--audit=false', '--fund=false', '--bin-links=false', '--install-strategy=shallow', '--ignore-scripts=true', '--package-lock=false', '--loglevel=error'],
		{ cwd: packageDir },
	);
	fs.writeFileSync(
		path.join(nodesDir, 'package.json'),
		`${JSON.stringify({ name: 'installed-nodes', private: true, dependencies: { [PACKAGE_NAME]: manifest.version } }, null, 2)}\n`,
	);
	return { packageDir, version: manifest.version };
}

module.exports = { PACKAGE_JSON, PACKAGE_NAME, checkBuildEnv, ensureBuilt, ensureN8n, installPackage };
