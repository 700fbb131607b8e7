#!/usr/bin/env node
'use strict';
/**
 * npm run n8n — a real n8n editor with this package installed, talking to the Enfonica emulator.
 *
 * Installs n8n once into .n8n-local/ (scripts/n8n/install.sh), builds the package if needed,
 * installs it into the n8n user folder .n8n-local/user as a community package, starts the
 * emulator with its sample data, imports an "Enfonica account" credential for it and the example
 * workflows, starts n8n and prints the editor URL and the login. Ctrl-C stops both.
 *
 * Env: N8N_VERSION (default: scripts/n8n/versions.json; another version gets its own user folder), N8N_PORT (5678),
 * ENFONICA_EMULATOR_PORT (3939), ENFONICA_N8N_OWNER_EMAIL / ENFONICA_N8N_OWNER_PASSWORD,
 * ENFONICA_N8N_VERBOSE=1 to print n8n's own log here too.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const readline = require('node:readline');
const { LOCAL, log, readJson } = require('./util');
const { ensureBuilt, ensureN8n, installPackage, PACKAGE_NAME } = require('./install');
const { emulatorCredential, resetEmulator, startEmulator } = require('./emulator');
const { CREDENTIAL_NAME, credentialIds, credentialRecords, loadWorkflows, workflowFiles } = require('./workflows');
const { activateWorkflow, importAll, startServer } = require('./n8n');
const { ensureOwner, login, ownerAccount } = require('./editorApi');
const agent = require('./agent');
const { startModelServer } = require('./modelServer');
const { startSmtpSink } = require('./smtpSink');

const versions = require('./versions.json');

/** @param {string} file */
function hashFile(file) {
	return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/**
 * Imports only the workflows whose file changed since the last start, so edits made in the editor survive.
 * @param {string} userFolder @param {import('./types').WorkflowInfo[]} workflows
 */
function changedWorkflows(userFolder, workflows) {
	const stateFile = path.join(userFolder, 'enfonica-imported.json');
	const state = fs.existsSync(stateFile) ? readJson(stateFile) : {};
	const changed = workflows.filter((wf) => state[wf.relative] !== hashFile(wf.file));
	const save = () => {
		for (const wf of workflows) state[wf.relative] = hashFile(wf.file);
		fs.writeFileSync(stateFile, `${JSON.stringify(state, null, 2)}\n`);
	};
	return { changed, save };
}

/** @param {import('./types').Emulator} emulator @param {string} text */
function findByNumber(emulator, text) {
	const e164 = require('./checks').toE164(text);
	if (!e164) return null;
	for (const project of ['demo-project', 'demo-project-2']) {
		for (const instance of emulator.listStored(project, { includeDeleted: true })) {
			const start = instance.phoneNumber && instance.phoneNumber.phoneNumber;
			const range = instance.range;
			if (start === e164) return instance;
			if (range && range.startPhoneNumber <= e164 && e164 <= range.endPhoneNumber && start.length === e164.length) return instance;
		}
	}
	return null;
}

/**
 * A few emulator controls on stdin, to make the Enfonica Trigger fire while you watch.
 * @param {import('./types').Emulator} emulator
 */
function controls(emulator) {
	const help = [
		'Emulator controls (type here, then Enter):',
		'  list                     the numbers in demo-project',
		'  suspend <number>         set a number SUSPENDED      (Lifecycle State Changed)',
		'  activate <number>        set a number ACTIVE',
		'  noncompliant <number>    make a number non-compliant (Compliance Changed)',
		'  compliant <number>       make a number compliant again',
		'  reset                    back to the sample data',
	].join('\n');
	const rl = readline.createInterface({ input: process.stdin });
	rl.on('line', (line) => {
		const [command, ...rest] = line.trim().split(/\s+/);
		const argument = rest.join(' ');
		try {
			if (!command) return;
			if (command === 'help') return log(help);
			if (command === 'list') {
				for (const instance of emulator.listStored('demo-project')) {
					const size = instance.range ? ` (range of ${instance.range.size})` : '';
					log(`  ${instance.phoneNumber.phoneNumber}${size}  ${instance.lifecycleState || 'ACTIVE'}${instance.compliant === false ? ' non-compliant' : ''}  ${instance.displayName || ''}`);
				}
				return;
			}
			if (command === 'reset') {
				resetEmulator(emulator);
				return log('  emulator back to its sample data');
			}
			const instance = findByNumber(emulator, argument);
			if (!instance) return log(`  no instance holds "${argument}" (try: list)`);
			const changes = {
				suspend: () => emulator.setLifecycleState(instance.name, 'SUSPENDED'),
				activate: () => emulator.setLifecycleState(instance.name, 'ACTIVE'),
				noncompliant: () => emulator.setCompliant(instance.name, false),
				compliant: () => emulator.setCompliant(instance.name, true),
			};
			const change = Object.hasOwn(changes, command) ? changes[/** @type {keyof typeof changes} */ (command)] : undefined;
			if (!change) return log(`  unknown command "${command}"; type help`);
			change();
			log(`  ${command}: ${instance.phoneNumber.phoneNumber} (${instance.name}); an active Enfonica Trigger sees it at its next poll`);
		} catch (error) {
			log(`  ${error.message}`);
		}
	});
	return help;
}

async function main() {
	const install = ensureN8n();
	ensureBuilt();
	const userFolder = path.join(LOCAL, install.version === versions.n8n ? 'user' : `user-${install.version}`);
	fs.mkdirSync(userFolder, { recursive: true });
	const installed = installPackage(userFolder);

	const emulatorPort = Number(process.env.ENFONICA_EMULATOR_PORT || 3939);
	let emulator;
	try {
		emulator = await startEmulator(emulatorPort);
	} catch (error) {
		throw new Error(`cannot start the Enfonica emulator on port ${emulatorPort} (${error.code || error.message}); set ENFONICA_EMULATOR_PORT to a free port`);
	}
	const workflows = loadWorkflows(workflowFiles());
	const { projects: sampleProjects } = resetEmulator(emulator);
	const { data } = emulatorCredential(emulator, sampleProjects[0]);
	// The AI agent example's model and reviewer, on loopback: the scripted model of test:n8n, and
	// an SMTP sink that prints the review links here.
	const model = await startModelServer(agent.agentScript);
	const smtp = await startSmtpSink({ onMessage: (mail) => log(agent.describeMail(mail)) });
	const agentWorkflows = workflows.filter((wf) => agent.isAgentWorkflow(wf.workflow));
	const credentials = [
		...credentialRecords(credentialIds(workflows.map((wf) => wf.workflow)), data),
		...agent.agentCredentials(agentWorkflows.map((wf) => wf.workflow), model, smtp),
	];
	const { changed, save } = changedWorkflows(userFolder, workflows);
	log(`Importing the "${CREDENTIAL_NAME}" credential${changed.length ? ` and ${changed.length} example workflow(s)` : ''} into n8n ${install.version}…`);
	await importAll(install, userFolder, credentials, changed);
	save();
	// Published, so that its webhook answers (review for tools is n8n 2.x only).
	const requestAgents = agent.hasToolReview(install) ? agentWorkflows : [];
	for (const wf of requestAgents) await activateWorkflow(install, userFolder, wf.id);

	const owner = ownerAccount(install);
	const port = Number(process.env.N8N_PORT || 5678);
	if (!(await portIsFree(port))) throw new Error(`port ${port} is in use; set N8N_PORT to a free port`);
	const logFile = path.join(userFolder, 'n8n.log');
	log(`Starting n8n (its log: ${path.relative(process.cwd(), logFile)})…`);
	const server = await startServer(install, userFolder, {
		port,
		env: owner.env,
		logFile,
		echo: process.env.ENFONICA_N8N_VERBOSE === '1',
	});

	let listed = '';
	let loginLine;
	try {
		await ensureOwner(server.url, owner);
		const session = await login(server.url, owner.email, owner.password);
		loginLine = `  Log in:      ${owner.email} / ${owner.password}`;
		/** @type {import('./types').TypeDescription[]} */
		const nodeTypes = await session.get('/types/nodes.json');
		const types = nodeTypes.filter((type) => String(type.name).startsWith(`${PACKAGE_NAME}.`));
		listed = types.map((type) => type.displayName).join(', ');
	} catch (error) {
		// e.g. an owner set up by hand earlier, with another password
		loginLine = `  Log in:      with the owner account of ${path.relative(process.cwd(), userFolder)} (${error.message.split('\n')[0]})`;
	}

	const lines = [
		'',
		`n8n ${install.version} is running with ${PACKAGE_NAME} ${installed.version} installed as a community package.`,
		'',
		`  Editor:      ${server.url}`,
		loginLine,
		listed ? `  Nodes:       ${listed} (search "Enfonica" in the node panel)` : null,
		`  Credential:  "${CREDENTIAL_NAME}" -> the Enfonica emulator at ${emulator.baseUrl} (service account key; projects ${sampleProjects.join(', ')})`,
		'  Workflows:',
		...workflows.map((wf) => `    ${server.url}/workflow/${wf.id}  ${wf.name}${wf.isTrigger ? '  (trigger: publish/activate it to poll)' : ''}`),
		...requestAgents.map(
			(wf) =>
				`  AI agent:    curl -H 'content-type: application/json' -d '{"request": "Find a Sydney number with SMS and buy it", "email": "you@example.com"}' ${agent.requestUrl(server.url, wf)}`,
		),
		requestAgents.length ? '               (its model is scripted, on loopback) searches, then asks to buy: the emails it sends, the review links included, are printed here.' : null,
		'',
		'The emulator starts from its sample data at every start; workflows you edit are kept',
		'(an example is re-imported only when its file changes).',
		'',
		controls(emulator),
		'',
		'Ctrl-C stops n8n and the emulator.',
		'',
	];
	log(lines.filter((line) => line !== null).join('\n'));

	let stopping = false;
	const stop = async (/** @type {number} */ code) => {
		if (stopping) return;
		stopping = true;
		log('\nStopping n8n and the emulator…');
		await server.stop();
		await emulator.close();
		await model.close();
		await smtp.close();
		process.exit(code);
	};
	process.on('SIGINT', () => void stop(0));
	process.on('SIGTERM', () => void stop(0));
	server.exited.then(({ code, signal }) => {
		if (stopping) return;
		log(`\nn8n stopped (${code ?? signal}); last lines of its log:\n${server.output().trim().split('\n').slice(-20).join('\n')}`);
		void stop(1);
	});
}

/** @param {number} port @returns {Promise<boolean>} */
function portIsFree(port) {
	return new Promise((resolve) => {
		const server = require('node:net').createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

main().catch((error) => {
	process.stderr.write(`npm run n8n: ${error.message}\n`);
	process.exit(1);
});
