'use strict';
/**
 * Shared by `npm run n8n` (start.js) and `npm run test:n8n` (test.js): install a real n8n,
 * build and install this package into an n8n user folder the way n8n installs a community
 * package, start the Enfonica emulator, and run n8n's CLI. Plain Node.js, no dependencies
 * beyond the repository's own devDependencies (ts-node, for the TypeScript emulator).
 */
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const LOCAL = process.env.N8N_LOCAL_DIR || path.join(ROOT, '.n8n-local');
const PACKAGE_JSON = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const PACKAGE_NAME = PACKAGE_JSON.name;
const EXAMPLES_DIR = path.join(ROOT, 'examples');
const FIXTURES_DIR = path.join(__dirname, 'fixtures');
const CREDENTIAL_TYPE = 'enfonicaApi';
const CREDENTIAL_NAME = 'Enfonica account';
const DEFAULT_CREDENTIAL_ID = 'enfonica-account';

function log(message) {
	process.stdout.write(`${message}\n`);
}

function seconds(ms) {
	return `${(ms / 1000).toFixed(1)} s`;
}

const { ensureN8n } = require('./install');

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

function run(command, args, options = {}) {
	const result = spawnSync(command, args, { encoding: 'utf8', ...options });
	if (result.status !== 0) {
		throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status}):\n${result.stdout || ''}${result.stderr || ''}`);
	}
	return result.stdout;
}

/**
 * Installs this package into `<userFolder>/.n8n/nodes/node_modules/<name>` exactly as n8n's
 * "Settings > Community nodes > Install" does (CommunityPackagesService.downloadPackage): the
 * `npm pack` tarball unpacked, dev/peer/optional dependencies dropped from its package.json,
 * then `npm install` with n8n's flags. n8n scans that folder at start-up and loads the package
 * under its own name, so node types are `n8n-nodes-enfonica.enfonica`, as for a user who
 * installed it from npm. (A folder in N8N_CUSTOM_EXTENSIONS would load the same files, but as
 * the package `CUSTOM`: types `CUSTOM.enfonica`, which the example workflows do not use.)
 */
function installPackage(userFolder) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const packageDir = path.join(nodesDir, 'node_modules', PACKAGE_NAME);
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'enfonica-pack-'));
	try {
		const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', tmp], { cwd: ROOT }));
		const tarball = path.join(tmp, packed[0].filename);
		fs.rmSync(packageDir, { recursive: true, force: true });
		fs.mkdirSync(packageDir, { recursive: true });
		run('tar', ['-xzf', tarball, '-C', packageDir, '--strip-components=1']);
	} finally {
		fs.rmSync(tmp, { recursive: true, force: true });
	}
	const manifestPath = path.join(packageDir, 'package.json');
	const { devDependencies, peerDependencies, optionalDependencies, ...manifest } = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
	fs.writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
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

/** The TypeScript emulator, loaded in this process through the repository's ts-node. */
async function startEmulator(port = 0) {
	require(require.resolve('ts-node', { paths: [ROOT] })).register({
		transpileOnly: true,
		project: path.join(ROOT, 'tsconfig.json'),
	});
	const { startEmulator: start } = require(path.join(ROOT, 'test', 'emulator'));
	return await start({ port });
}

function readJson(file) {
	return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function listJson(dir) {
	if (!fs.existsSync(dir)) return [];
	return fs
		.readdirSync(dir)
		.filter((name) => name.endsWith('.json'))
		.sort()
		.map((name) => path.join(dir, name));
}

function isEnfonicaNode(node) {
	return typeof node.type === 'string' && node.type.startsWith(`${PACKAGE_NAME}.`);
}

function isEnfonicaTrigger(node) {
	return isEnfonicaNode(node) && /Trigger$/.test(node.type);
}

/**
 * The workflows to import: every examples/*.json; the fixtures in scripts/n8n/fixtures stand in
 * for what the examples lack (all of them when there are no examples, the trigger fixture when
 * no example uses the Enfonica Trigger). ENFONICA_N8N_WORKFLOWS=<folder> imports that folder's
 * *.json instead.
 */
function workflowFiles() {
	if (process.env.ENFONICA_N8N_WORKFLOWS) return listJson(path.resolve(process.env.ENFONICA_N8N_WORKFLOWS));
	const examples = listJson(EXAMPLES_DIR);
	const fixtures = listJson(FIXTURES_DIR);
	if (!examples.length) return fixtures;
	const hasTrigger = examples.some((file) => (readJson(file).nodes || []).some(isEnfonicaTrigger));
	return hasTrigger ? examples : [...examples, ...fixtures.filter((file) => (readJson(file).nodes || []).some(isEnfonicaTrigger))];
}

/** n8n workflow ids are at most 21 characters; derived from the file name so they stay stable. */
function workflowId(file) {
	const digest = require('node:crypto').createHash('sha1').update(path.basename(file)).digest('hex');
	return `enfonica${digest.slice(0, 12)}`;
}

/** Loads each file, gives it a stable id (its own if it has a usable one) and classifies it. */
function loadWorkflows(files) {
	return files.map((file) => {
		const workflow = readJson(file);
		const id = typeof workflow.id === 'string' && workflow.id.length > 0 && workflow.id.length <= 21 ? workflow.id : workflowId(file);
		workflow.id = id;
		const nodes = workflow.nodes || [];
		return {
			file,
			relative: path.relative(ROOT, file),
			id,
			name: workflow.name || path.basename(file),
			workflow,
			enfonicaNodes: nodes.filter(isEnfonicaNode),
			isTrigger: nodes.some(isEnfonicaTrigger),
			manualStart: nodes.some((node) => node.type === 'n8n-nodes-base.manualTrigger'),
		};
	});
}

/** Every id under which the workflows reference an Enfonica credential (they share one). */
function credentialIds(workflows) {
	const ids = new Set();
	for (const workflow of workflows) {
		for (const node of workflow.nodes || []) {
			const ref = node.credentials && node.credentials[CREDENTIAL_TYPE];
			if (ref && typeof ref === 'object' && ref.id) ids.add(String(ref.id));
		}
	}
	return ids.size ? [...ids] : [DEFAULT_CREDENTIAL_ID];
}

/** Credentials for `n8n import:credentials`: plain `data` objects, which n8n encrypts on import. */
function credentialRecords(ids, data) {
	return ids.map((id, index) => ({
		id,
		name: index === 0 ? CREDENTIAL_NAME : `${CREDENTIAL_NAME} (${id})`,
		type: CREDENTIAL_TYPE,
		data,
	}));
}

/** A service-account credential for the emulator (any project), as a user would fill it in. */
function emulatorCredential(emulator, projectId) {
	const key = emulator.createServiceAccount({
		projectId,
		projects: '*',
		clientEmail: `n8n@${projectId}.iam.enfonica.test`,
	});
	return {
		key,
		data: {
			authentication: 'serviceAccountKey',
			serviceAccountKey: JSON.stringify(key, null, 2),
			projectId,
			baseUrl: emulator.baseUrl,
			tokenUrl: emulator.tokenUrl,
			timeoutSeconds: 10,
		},
	};
}

/** Project ids named in node parameters (project, destinationProject): where instances may end up. */
function projectsIn(workflows) {
	const projects = new Set();
	for (const workflow of workflows) {
		for (const node of workflow.nodes || []) {
			for (const key of ['project', 'destinationProject']) {
				let value = node.parameters && node.parameters[key];
				if (value && typeof value === 'object' && value.__rl) value = value.value;
				if (typeof value === 'string' && /^(projects\/)?[a-z0-9-]+$/i.test(value)) projects.add(value.replace(/^projects\//, ''));
			}
		}
	}
	return [...projects];
}

/** Puts the emulator back to its sample data: purges every instance of the projects it knows of, reseeds. */
function resetEmulator(emulator, extraProjects = []) {
	const projects = new Set(extraProjects);
	for (const entry of emulator.requests) {
		const match = /\/projects\/([^/]+)/.exec(entry.path);
		if (match) projects.add(match[1]);
	}
	for (const project of ['demo-project', 'demo-project-2', ...projects]) {
		for (const instance of emulator.listStored(project, { includeDeleted: true })) emulator.purge(instance.name);
	}
	emulator.clearLog();
	return emulator.seedSample();
}

function freePort() {
	return new Promise((resolve, reject) => {
		const server = require('node:net').createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

function sleep(ms) {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The editor's owner account. n8n >= 2.x takes it from N8N_INSTANCE_OWNER_* (a bcrypt hash). */
function ownerAccount(install) {
	const email = process.env.ENFONICA_N8N_OWNER_EMAIL || 'demo@example.com';
	const password = process.env.ENFONICA_N8N_OWNER_PASSWORD || 'Enfonica-demo-1';
	const hash = spawnSync(
		install.node,
		['-e', 'process.stdout.write(require("bcryptjs").hashSync(process.argv[1], 10))', password],
		{ cwd: path.join(path.dirname(install.n8n), '..'), encoding: 'utf8' },
	).stdout;
	const envManaged = Number(install.version.split('.')[0]) >= 2 && /^\$2[aby]\$/.test(hash || '');
	const env = envManaged
		? {
				N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
				N8N_INSTANCE_OWNER_EMAIL: email,
				N8N_INSTANCE_OWNER_PASSWORD_HASH: hash,
				N8N_INSTANCE_OWNER_FIRST_NAME: 'Demo',
				N8N_INSTANCE_OWNER_LAST_NAME: 'Owner',
			}
		: {};
	return { email, password, envManaged, env };
}

/** Environment for every n8n process: a private user folder, nothing phoned home. */
function n8nEnv(install, userFolder, extra = {}) {
	const env = {};
	// npm's own settings (npm_config_*) must not reach the npm that n8n runs for community packages.
	for (const [key, value] of Object.entries(process.env)) if (!/^npm_/i.test(key)) env[key] = value;
	const major = Number(install.version.split('.')[0]);
	return {
		...env,
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
		...(major >= 2 ? { N8N_DISABLED_MODULES: 'mcp-registry' } : {}),
		N8N_LOG_LEVEL: 'warn',
		...extra,
	};
}

/** Runs one n8n CLI command to completion (cwd = the user folder, so no stray .env is read). */
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

/** Like n8nCli, but throws with n8n's output when the command fails. */
async function n8nCliOk(install, userFolder, args, options) {
	const result = await n8nCli(install, userFolder, args, options);
	const output = `${result.stdout}\n${result.stderr}`;
	if (result.code !== 0 || /An error occurred while importing/.test(result.stdout)) {
		throw new Error(`n8n ${args.join(' ')} failed (exit ${result.code}):\n${output.trim()}`);
	}
	return result;
}

/** Imports the credential(s) and the workflows (written to <userFolder>/import/). */
async function importAll(install, userFolder, credentials, workflows) {
	const importDir = path.join(userFolder, 'import');
	fs.rmSync(importDir, { recursive: true, force: true });
	fs.mkdirSync(path.join(importDir, 'workflows'), { recursive: true });
	const credentialFile = path.join(importDir, 'credentials.json');
	fs.writeFileSync(credentialFile, JSON.stringify(credentials, null, 2), { mode: 0o600 });
	const timings = {};
	let result = await n8nCliOk(install, userFolder, ['import:credentials', `--input=${credentialFile}`]);
	timings.credentials = result.ms;
	fs.rmSync(credentialFile);
	if (workflows.length) {
		for (const { id, workflow } of workflows) {
			fs.writeFileSync(path.join(importDir, 'workflows', `${id}.json`), JSON.stringify({ active: false, ...workflow, id }, null, 2));
		}
		// Debug logs tell which expression engine n8n initialised (import:workflow starts it).
		result = await n8nCliOk(install, userFolder, ['import:workflow', '--separate', `--input=${path.join(importDir, 'workflows')}`], {
			env: { N8N_LOG_LEVEL: 'debug' },
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

/** Marks a workflow active so that `n8n start` activates it (2.x: publish; 1.x: active flag). */
async function activateWorkflow(install, userFolder, id) {
	const major = Number(install.version.split('.')[0]);
	const args = major >= 2 ? ['publish:workflow', `--id=${id}`] : ['update:workflow', `--id=${id}`, '--active=true'];
	return await n8nCliOk(install, userFolder, args);
}

/**
 * Starts `n8n start` and resolves once its editor answers. Output goes to `logFile` (and to this
 * terminal when `echo` is set).
 */
async function startServer(install, userFolder, { port, env = {}, logFile, echo = false, timeoutMs = 120000 }) {
	const brokerPort = await freePort();
	const child = spawn(install.node, [install.n8n, 'start'], {
		cwd: userFolder,
		env: n8nEnv(install, userFolder, {
			N8N_PORT: String(port),
			N8N_LISTEN_ADDRESS: process.env.N8N_LISTEN_ADDRESS || '127.0.0.1',
			N8N_HOST: 'localhost',
			N8N_EDITOR_BASE_URL: `http://localhost:${port}`,
			N8N_RUNNERS_BROKER_PORT: String(brokerPort),
			N8N_LOG_LEVEL: 'info',
			...env,
		}),
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const log = logFile ? fs.createWriteStream(logFile) : null;
	let output = '';
	for (const stream of [child.stdout, child.stderr]) {
		stream.on('data', (chunk) => {
			output = (output + chunk).slice(-20000);
			if (log) log.write(chunk);
			if (echo) process.stdout.write(chunk);
		});
	}
	let exited = null;
	const exitPromise = new Promise((resolve) => {
		child.on('close', (code, signal) => {
			exited = { code, signal };
			if (log) log.end();
			resolve(exited);
		});
	});
	const url = `http://localhost:${port}`;
	const started = Date.now();
	for (;;) {
		if (exited) throw new Error(`n8n start exited (${exited.code ?? exited.signal}) before it was ready:\n${output.slice(-4000)}`);
		if (Date.now() - started > timeoutMs) {
			child.kill('SIGTERM');
			throw new Error(`n8n start was not ready after ${seconds(timeoutMs)}:\n${output.slice(-4000)}`);
		}
		if (/Editor is now accessible via/.test(output)) {
			try {
				const response = await fetch(`${url}/healthz/readiness`);
				if (response.ok) break;
			} catch {
				// not listening yet
			}
		}
		await sleep(500);
	}
	return {
		child,
		url,
		readyMs: Date.now() - started,
		output: () => output,
		exited: exitPromise,
		async stop() {
			if (!exited) child.kill('SIGTERM');
			const timer = setTimeout(() => !exited && child.kill('SIGKILL'), 20000);
			await exitPromise;
			clearTimeout(timer);
		},
	};
}

/**
 * Makes sure the owner account exists: n8n >= 2 created it from N8N_INSTANCE_OWNER_* at start;
 * older n8n gets it through the owner set-up call the editor's first-visit form makes.
 * Returns 'env', 'created' or 'existing' (set up earlier, perhaps with another password).
 */
async function ensureOwner(url, owner) {
	if (owner.envManaged) return 'env';
	const response = await fetch(`${url}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ email: owner.email, firstName: 'Demo', lastName: 'Owner', password: owner.password }),
	});
	if (response.ok) return 'created';
	const text = await response.text();
	if (/already set ?up/i.test(text)) return 'existing';
	throw new Error(`owner set-up failed: HTTP ${response.status} ${text.slice(0, 300)}`);
}

/** A logged-in session against n8n's REST API (the calls the editor makes). */
async function login(url, email, password) {
	const response = await fetch(`${url}/rest/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ emailOrLdapLoginId: email, email, password }),
	});
	if (!response.ok) throw new Error(`login as ${email} failed: HTTP ${response.status} ${await response.text()}`);
	const cookie = (response.headers.getSetCookie ? response.headers.getSetCookie() : [response.headers.get('set-cookie')])
		.filter(Boolean)
		.map((value) => value.split(';')[0])
		.join('; ');
	return {
		async get(pathname) {
			const res = await fetch(`${url}${pathname}`, { headers: { cookie } });
			if (!res.ok) throw new Error(`GET ${pathname}: HTTP ${res.status} ${(await res.text()).slice(0, 300)}`);
			return await res.json();
		},
		async post(pathname, body) {
			const res = await fetch(`${url}${pathname}`, {
				method: 'POST',
				headers: { cookie, 'content-type': 'application/json' },
				body: JSON.stringify(body),
			});
			if (!res.ok) throw new Error(`POST ${pathname}: HTTP ${res.status} ${(await res.text()).slice(0, 300)}`);
			return await res.json();
		},
	};
}

/** n8n stores execution data "flatted"; its own copy of the flatted package reads it. */
function parseFlatted(install, text) {
	const n8nModules = path.join(path.dirname(install.n8n), '..', '..');
	const flatted = require(require.resolve('flatted', { paths: [path.join(n8nModules, 'n8n')] }));
	return flatted.parse(text);
}

module.exports = {
	CREDENTIAL_NAME,
	CREDENTIAL_TYPE,
	EXAMPLES_DIR,
	FIXTURES_DIR,
	LOCAL,
	PACKAGE_NAME,
	ROOT,
	activateWorkflow,
	credentialIds,
	credentialRecords,
	emulatorCredential,
	ensureOwner,
	ensureBuilt,
	ensureN8n,
	freePort,
	importAll,
	installPackage,
	loadWorkflows,
	log,
	login,
	n8nCli,
	n8nCliOk,
	n8nEnv,
	ownerAccount,
	parseFlatted,
	projectsIn,
	readJson,
	resetEmulator,
	seconds,
	sleep,
	startEmulator,
	startServer,
	workflowFiles,
};
