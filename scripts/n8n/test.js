#!/usr/bin/env node
'use strict';
/**
 * npm run test:n8n — this package inside a real n8n, headless.
 *
 *  1. installs n8n once into .n8n-local/ (scripts/n8n/install.sh), builds the package if needed;
 *  2. installs the package into a fresh n8n user folder the way n8n installs community packages;
 *  3. starts the Enfonica emulator with its sample data; imports an "Enfonica account"
 *     credential (service account key) and every example workflow with n8n's own CLI;
 *  4. runs each manual example with `n8n execute --id <id> --rawOutput` (emulator reset to its
 *     sample data before each) and checks the Enfonica node's output and the emulator's state;
 *  5. starts `n8n start` with the trigger workflows published, checks that the editor's type
 *     lists carry our nodes and credential, lets the activation poll take its baseline, suspends
 *     one number and makes another non-compliant, and waits for the next poll's execution (up to
 *     a minute: n8n polls at most once a minute) to hold exactly those alerts;
 *  6. chats with the AI agent example (agent.js): n8n's AI Agent with the Enfonica node as its
 *     tools, a scripted OpenAI-compatible model on loopback, Buy behind n8n's review for tools.
 *
 * Modes: `-- --queue` (queue/run.js: main + two workers on PostgreSQL and Redis, the restart
 * drill included) and `-- --restart-drill` (drill-mode.js: the trigger across restarts).
 *
 * Env: N8N_VERSION (default: scripts/n8n/versions.json), ENFONICA_N8N_SKIP_TRIGGER=1 to skip step 5,
 * ENFONICA_N8N_SKIP_AGENT=1 to skip step 6,
 * ENFONICA_N8N_ONLY=<substring> to run only matching example files.
 * Exit code 0 only when every check passed. Logs: .n8n-local/test-<version>/logs/.
 */
const fs = require('node:fs');
const path = require('node:path');
const { freePort, LOCAL, log, ROOT, seconds, sleep, waitFor } = require('./util');
const { ensureBuilt, ensureN8n, installPackage, PACKAGE_NAME } = require('./install');
const { emulatorCredential, resetEmulator, startEmulator } = require('./emulator');
const { CREDENTIAL_NAME, CREDENTIAL_TYPE, credentialIds, credentialRecords, enfonicaTriggerNode, loadWorkflows, pollEveryMinute, workflowFiles } = require('./workflows');
const { activateWorkflow, importAll, n8nCli, startServer } = require('./n8n');
const { ensureOwner, executionDetail, executionsOf, listBody, login, ownerAccount } = require('./editorApi');
const { createReport } = require('./report');
const { checkAlerts, checkRun, expectedAlerts, instanceNames, nodeItems } = require('./checks');
const { checkCredentialTests, checkFromList } = require('./editorChecks');
const { checkInbound, inboundWorkflows } = require('./inbound');
const agent = require('./agent');
const { startModelServer } = require('./modelServer');
const { startSmtpSink } = require('./smtpSink');

const SUSPEND = '+61255501000'; // sample: Sydney reception, ACTIVE and compliant
const NON_COMPLIANT = '+61491570156'; // sample: On-call mobile, ACTIVE and compliant
const TRIGGER_TIMEOUT_MS = 150000;

/**
 * @typedef {object} AgentContext The AI agent check's model, SMTP sink and workflows, or why it is skipped.
 * @property {import('./agent').ModelServer} model
 * @property {import('./agent').SmtpSink} smtp
 * @property {import('./types').WorkflowInfo[]} workflows
 * @property {string} [skipped]
 */

let expressionEngine = '?';
const report = createReport();
const { record, phase } = report;

/**
 * The IRun JSON that `n8n execute --rawOutput` prints amid n8n's log lines.
 * @param {string} stdout
 */
function parseRun(stdout) {
	const lines = stdout.split('\n');
	for (let startLine = 0; startLine < lines.length; startLine++) {
		if (lines[startLine] !== '{') continue;
		for (let endLine = lines.length - 1; endLine > startLine; endLine--) {
			if (lines[endLine] !== '}') continue;
			try {
				const run = JSON.parse(lines.slice(startLine, endLine + 1).join('\n'));
				if (run && run.data && run.data.resultData) return run;
			} catch {
				// not this pair
			}
		}
	}
	return null;
}

/** @param {string} text @param {number} [lines] */
function tail(text, lines = 25) {
	return text.trim().split('\n').slice(-lines).join('\n        ');
}

/** @param {import('./types').Install} install @param {string} userFolder @param {string} logsDir @param {import('./types').Emulator} emulator @param {import('./types').WorkflowInfo} wf */
async function runManualWorkflow(install, userFolder, logsDir, emulator, wf) {
	resetEmulator(emulator);
	const before = instanceNames(emulator);
	const result = await n8nCli(install, userFolder, ['execute', `--id=${wf.id}`, '--rawOutput'], {
		env: { N8N_LOG_LEVEL: 'info', N8N_RUNNERS_BROKER_PORT: String(await freePort()) },
	});
	fs.writeFileSync(path.join(logsDir, `execute-${path.basename(wf.file, '.json')}.log`), `${result.stdout}\n--- stderr ---\n${result.stderr}`);
	const label = `${wf.relative}  "${wf.name}"`;
	const run = parseRun(result.stdout);
	if (!run) {
		record({ label, ok: false, ms: result.ms, problems: [`n8n execute exited ${result.code} without a run:`, tail(`${result.stdout}\n${result.stderr}`)] });
		return;
	}
	const { problems, summary } = checkRun(wf, run, emulator, before);
	if (result.code !== 0) problems.push(`n8n execute exited ${result.code}`);
	record({ label, ok: problems.length === 0, ms: result.ms, problems, summary });
}

/**
 * @param {import('./types').Install} install @param {string} userFolder @param {string} logsDir @param {import('./types').Emulator} emulator
 * @param {import('./types').WorkflowInfo[]} workflows @param {import('./types').CredentialRecord} credential @param {AgentContext} agentContext @param {import('./types').WorkflowInfo[]} inbound
 */
async function serverPhase(install, userFolder, logsDir, emulator, workflows, credential, agentContext, inbound) {
	const triggers = workflows.filter((wf) => wf.isTrigger);
	const skipTrigger = process.env.ENFONICA_N8N_SKIP_TRIGGER === '1';
	if (!skipTrigger) {
		for (const wf of triggers) await activateWorkflow(install, userFolder, wf.id);
	}
	// Published so that their Webhook answers on the running n8n.
	for (const wf of agentContext.workflows) await activateWorkflow(install, userFolder, wf.id);
	resetEmulator(emulator);
	const owner = ownerAccount(install);
	const port = await freePort();
	const server = await phase('n8n start (until ready)', () =>
		startServer(install, userFolder, { port, env: owner.env, logFile: path.join(logsDir, 'n8n-start.log') }),
	);
	/** @type {import('./types').Session | null} */
	let loggedIn = null;
	try {
		// What the editor loads: the node and credential types, the credential, the workflows.
		const problems = [];
		let summary = '';
		const ownerMode = await ensureOwner(server.url, owner);
		const session = await login(server.url, owner.email, owner.password);
		loggedIn = session;
		{
			/** @type {import('./types').TypeDescription[]} */
			const nodeTypes = await session.get('/types/nodes.json');
			/** @type {import('./types').TypeDescription[]} */
			const credentialTypes = await session.get('/types/credentials.json');
			const ours = nodeTypes.filter((type) => String(type.name).startsWith(`${PACKAGE_NAME}.`));
			const wantedNodes = require(path.join(ROOT, 'package.json')).n8n.nodes.length;
			if (ours.length < wantedNodes) problems.push(`the editor lists ${ours.length} of our ${wantedNodes} nodes: ${ours.map((type) => type.name).join(', ')}`);
			const credentialType = credentialTypes.find((type) => type.name === CREDENTIAL_TYPE);
			if (!credentialType) problems.push(`the editor does not list the ${CREDENTIAL_TYPE} credential type`);
			const credentials = listBody(await session.get('/rest/credentials'));
			if (!credentials.some((credential) => credential.name === CREDENTIAL_NAME && credential.type === CREDENTIAL_TYPE)) {
				problems.push(`no "${CREDENTIAL_NAME}" credential in /rest/credentials`);
			}
			const stored = listBody(await session.get('/rest/workflows'));
			const missing = workflows.filter((wf) => !stored.some((entry) => entry.id === wf.id));
			if (missing.length) problems.push(`workflows missing from the editor: ${missing.map((wf) => wf.relative).join(', ')}`);
			summary = `owner ${ownerMode === 'env' ? 'from N8N_INSTANCE_OWNER_*' : 'set up through /rest/owner/setup'}; nodes ${ours.map((type) => `${type.displayName} (${type.name})`).join(', ')}; credential type "${credentialType ? credentialType.displayName : '?'}"; ${stored.length} workflows`;
			record({ label: `editor (${server.url}) lists our nodes, credential and workflows`, ok: problems.length === 0, ms: server.readyMs, problems, summary });

			// The credential's Test button: n8n runs our credential type's `test` request.
			const testStarted = Date.now();
			const before = emulator.requests.length;
			const tested = await session.post('/rest/credentials/test', { credentials: credential });
			const outcome = tested.data || tested;
			const request = emulator.requests.slice(before).find((entry) => entry.path.startsWith('/v1beta1/') && entry.query.pageSize === '1');
			record({
				label: 'credential "Test" (POST /rest/credentials/test)',
				ok: outcome.status === 'OK' && Boolean(request),
				ms: Date.now() - testStarted,
				problems: outcome.status === 'OK' ? (request ? [] : ['no request reached the emulator']) : [`${outcome.status}: ${outcome.message}`],
				summary: `${outcome.status}${outcome.message ? ` — ${outcome.message}` : ''}${request ? `; emulator saw ${request.method} ${request.path}?pageSize=${request.query.pageSize} ${request.status}` : ''}`,
			});
			await phase('editor: credential Test with wrong settings', () => checkCredentialTests(session, emulator, credential, record));
		}

		if (skipTrigger || triggers.length === 0) {
			record({ label: 'Enfonica Trigger in an active workflow', skipped: true, summary: skipTrigger ? 'ENFONICA_N8N_SKIP_TRIGGER=1' : 'no trigger workflow' });
		} else {
			await triggerChecks(install, server, session, logsDir, emulator, triggers);
		}

		// After the trigger's check: the agent buys a number, which the active trigger would see.
		log('\nThe Enfonica node as an AI agent\'s tools (scripted model, n8n\'s review for tools):');
		if (agentContext.skipped) {
			record({ label: 'AI agent with the Enfonica tools', skipped: true, summary: agentContext.skipped });
		} else {
			for (const wf of agentContext.workflows) {
				await phase('AI agent: two conversations', () =>
					agent.checkAgent({ install, server, session, wf, emulator, model: agentContext.model, smtp: agentContext.smtp, record, logsDir }),
				);
			}
		}

		// After the trigger's and the agent's checks: the emulator goes back to its sample data for this one.
		if (!inbound.length) record({ label: 'Enfonica Inbound Trigger', skipped: true, summary: 'ENFONICA_N8N_SKIP_INBOUND=1' });
		else {
			log('\nThe Enfonica Inbound Trigger (publish, signed message, forged requests, call, unpublish):');
			await phase('inbound trigger: publish, message, 401s, call, unpublish', () => checkInbound({ install, session, emulator, workflows: inbound, report }));
		}
	} finally {
		// After the trigger's checks: these lists would otherwise be counted as its polls.
		const session = loggedIn;
		if (session) {
			await phase('editor: "From List" in a large project', () => checkFromList(session, emulator, credential, record)).catch((error) =>
				record({ label: '"From List" in a large project', ok: false, problems: [String(error && error.message)] }),
			);
		}
		await server.stop();
	}
}

/** @param {import('./types').Install} install @param {import('./types').N8nServer} server @param {import('./types').Session} session @param {string} logsDir @param {import('./types').Emulator} emulator @param {import('./types').WorkflowInfo[]} triggers */
async function triggerChecks(install, server, session, logsDir, emulator, triggers) {
	await phase('trigger: baseline, change, next poll', async () => {
		const started = Date.now();
		// The activation poll lists the project once per trigger and emits nothing: the baseline.
		const baseline = await waitFor(() => {
			// (the credential test's pageSize=1 list is not a poll)
			const lists = emulator.requests.filter(
				(entry) => entry.method === 'GET' && /\/phoneNumberInstances$/.test(entry.path) && entry.query.pageSize !== '1' && entry.endedAt > 0,
			);
			return lists.length >= triggers.length && emulator.inFlight === 0 ? lists : null;
		}, 60000, 250);
		if (!baseline) {
			record({ label: 'Enfonica Trigger activation poll', ok: false, problems: ['no activation poll reached the emulator within 60 s', tail(server.output())] });
			return;
		}
		await sleep(1500); // let n8n store the baseline (static data) after the poll
		const [suspended] = emulator.listStored('demo-project').filter((instance) => instance.phoneNumber && instance.phoneNumber.phoneNumber === SUSPEND);
		const [nonCompliant] = emulator.listStored('demo-project').filter((instance) => instance.phoneNumber && instance.phoneNumber.phoneNumber === NON_COMPLIANT);
		emulator.setLifecycleState(suspended.name, 'SUSPENDED');
		emulator.setCompliant(nonCompliant.name, false);
		log(`        baseline taken ${seconds(Date.now() - started)} after start; ${SUSPEND} -> SUSPENDED, ${NON_COMPLIANT} -> non-compliant; waiting for the next poll (at most a minute)…`);
		for (const wf of triggers) {
			const node = enfonicaTriggerNode(wf);
			const expected = expectedAlerts(node, { suspended: SUSPEND, nonCompliant: NON_COMPLIANT });
			const label = `${wf.relative}  "${wf.name}" (active, polled by n8n)`;
			const executions = await waitFor(async () => {
				const list = await executionsOf(session, wf.id);
				return list.filter((execution) => execution.status !== 'running' && execution.status !== 'new').length ? list : null;
			}, expected.length ? TRIGGER_TIMEOUT_MS : 75000, 2000);
			const problems = [];
			let summary = '';
			if (!executions) {
				if (expected.length) problems.push(`no execution within ${seconds(TRIGGER_TIMEOUT_MS)} of the change`);
				else summary = 'no alert expected for this configuration, none emitted';
			} else {
				if (executions.length !== 1) problems.push(`expected 1 execution (the baseline poll emits nothing), got ${executions.length}`);
				const latest = executions[0];
				const execution = await executionDetail(install, session, latest.id);
				const { data } = execution;
				fs.writeFileSync(path.join(logsDir, `execution-${wf.id}.json`), JSON.stringify(data, null, 2));
				if (execution.status && execution.status !== 'success') problems.push(`execution status ${execution.status}`);
				const { items, error } = nodeItems(data.resultData.runData || {}, node.name);
				if (error) problems.push(`trigger failed: ${error.message}`);
				const checked = checkAlerts(items, expected);
				problems.push(...checked.problems);
				summary = `${checked.summary} (execution ${latest.id}, mode ${execution.mode})`;
			}
			record({ label, ok: problems.length === 0, ms: Date.now() - started, problems, summary });
		}
	});
}

async function main() {
	log('test:n8n — the package inside a real n8n, headless');
	const install = await phase('install n8n (once)', () => ensureN8n());
	log(`n8n ${install.version} on Node.js ${require('node:child_process').execFileSync(install.node, ['--version'], { encoding: 'utf8' }).trim()}`);
	await phase('build (if needed)', () => ensureBuilt());

	const base = path.join(LOCAL, `test-${install.version}`);
	const userFolder = path.join(base, 'user');
	const logsDir = path.join(base, 'logs');
	fs.rmSync(base, { recursive: true, force: true });
	fs.mkdirSync(userFolder, { recursive: true });
	fs.mkdirSync(logsDir, { recursive: true });

	const installed = await phase('install the package into n8n', () => installPackage(userFolder));
	log(`${PACKAGE_NAME}@${installed.version} installed as a community package in ${path.relative(ROOT, installed.packageDir)}`);

	const emulator = await startEmulator(0);
	const model = await startModelServer(agent.agentScript);
	const smtp = await startSmtpSink();
	try {
		resetEmulator(emulator);
		const { data } = emulatorCredential(emulator, 'demo-project');
		const only = process.env.ENFONICA_N8N_ONLY;
		const loaded = loadWorkflows(workflowFiles().filter((file) => !only || file.includes(only)));
		/** @type {AgentContext} */
		const agentContext = { model, smtp, workflows: loaded.filter((wf) => agent.isAgentWorkflow(wf.workflow)).map(agent.prepareAgentWorkflow) };
		if (process.env.ENFONICA_N8N_SKIP_AGENT === '1') agentContext.skipped = 'ENFONICA_N8N_SKIP_AGENT=1';
		else if (!agentContext.workflows.length) agentContext.skipped = 'no agent workflow in examples/';
		else if (!agent.hasToolReview(install)) agentContext.skipped = `n8n ${install.version} derives no review nodes for tools (…HitlTool), which the agent example uses`;
		if (agentContext.skipped) agentContext.workflows = [];
		const workflows = loaded.filter((wf) => !agent.isAgentWorkflow(wf.workflow) || agentContext.workflows.includes(wf));
		if (!workflows.length) throw new Error('no workflows to run: examples/*.json and scripts/n8n/fixtures/*.json are empty');
		for (const wf of workflows) if (wf.isTrigger) pollEveryMinute(wf);
		const credentials = credentialRecords(credentialIds(workflows.map((wf) => wf.workflow)), data);
		const agentCredentials = agent.agentCredentials(agentContext.workflows.map((wf) => wf.workflow), model, smtp);
		const inbound = process.env.ENFONICA_N8N_SKIP_INBOUND === '1' ? [] : inboundWorkflows();
		const timings = await phase('import credential + workflows', () => importAll(install, userFolder, [...credentials, ...agentCredentials], [...workflows, ...inbound]));
		log(
			`imported credential "${CREDENTIAL_NAME}" (service account key for the emulator at ${emulator.baseUrl}) in ${seconds(timings.credentials)}` +
				` and ${workflows.length} workflows in ${seconds(timings.workflows)}`,
		);
		log(`expression engine: ${timings.expressionEngine}`);
		expressionEngine = timings.expressionEngine;

		log('\nn8n execute, one workflow at a time (emulator back to its sample data before each):');
		await phase('n8n execute, every manual workflow', async () => {
			for (const wf of workflows) {
				if (wf.isTrigger || agent.isAgentWorkflow(wf.workflow)) continue;
				if (wf.isInbound) {
					record({ label: wf.relative, skipped: true, summary: 'starts from Enfonica\'s requests: the Inbound Trigger check below publishes its own workflow' });
					continue;
				}
				if (!wf.manualStart) {
					record({ label: wf.relative, skipped: true, summary: 'no Manual Trigger: n8n execute cannot start it' });
					continue;
				}
				if (wf.pinnedInput) {
					record({ label: wf.relative, skipped: true, summary: 'its input is pinned data, which n8n execute ignores (the engine tests run it)' });
					continue;
				}
				await runManualWorkflow(install, userFolder, logsDir, emulator, wf);
			}
		});

		log('\nAccess token expiry (n8n must renew it on a 401 and retry once):');
		await phase('token renewal after expiry', async () => {
			const wf = workflows.find((candidate) => !candidate.isTrigger && candidate.manualStart && /get\.json$/.test(candidate.relative));
			if (!wf) {
				record({ label: 'token renewal', skipped: true, summary: 'no examples/get.json' });
				return;
			}
			// The token n8n saved with the credential in the runs above stops working, as after an hour.
			emulator.expireAccessTokens();
			await runManualWorkflow(install, userFolder, logsDir, emulator, wf);
			const sequence = emulator.requests.map((entry) => `${entry.path === '/token' ? 'token' : entry.method} ${entry.status}`);
			const renewed = sequence.length >= 3 && sequence[0].endsWith(' 401') && sequence[1] === 'token 200' && sequence[2].endsWith(' 200');
			record({
				label: `token renewal (${wf.relative} after the emulator expired every access token)`,
				ok: renewed,
				problems: renewed ? [] : [`expected a 401, a token exchange, then success; the emulator saw: ${sequence.join(', ')}`],
				summary: `emulator saw ${sequence.join(', ')}`,
			});
		});

		log('\nn8n start (the editor and active workflows):');
		await serverPhase(install, userFolder, logsDir, emulator, workflows, credentials[0], agentContext, inbound);
	} catch (error) {
		record({ label: 'test:n8n', ok: false, problems: [error.message] });
	} finally {
		await emulator.close();
		await model.close();
		await smtp.close();
	}

	process.exitCode = report.finish(`n8n ${install.version}, expression engine ${expressionEngine}`);
	log(`Logs: ${path.relative(ROOT, logsDir)}/`);
}

/** `npm run test:n8n -- --queue` and `-- --restart-drill` are modes of their own. */
function selectedMode() {
	const args = process.argv.slice(2);
	if (args.includes('--queue')) return require('./queue/run').main;
	if (args.includes('--restart-drill')) return require('./drill-mode').main;
	const unknown = args.filter((arg) => arg.startsWith('--'));
	if (unknown.length) throw new Error(`unknown option ${unknown.join(' ')} (known: --queue, --restart-drill)`);
	return main;
}

Promise.resolve()
	.then(() => selectedMode()())
	.catch((error) => {
	process.stderr.write(`test:n8n: ${error.stack || error.message}\n`);
	process.exitCode = 1;
});
