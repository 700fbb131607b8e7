'use strict';
/**
 * The queue-mode checks that need more than one run: the examples on workers, token renewal
 * across workers, Options → Concurrency with a 429 on a worker, the trigger polled by main.
 * Each takes the running cluster, a logged-in session on main and the emulator.
 */
const crypto = require('node:crypto');
const { checkAlerts, checkRun, expectedAlerts, instanceNames, nodeItems } = require('../checks');
const { instanceByNumber, isPoll, resetEmulator } = require('../emulator');
const { describeWorkflow, enfonicaTriggerNode, workflowId } = require('../workflows');
const { executionDetail, executionsOf } = require('../editorApi');
const { runThroughWebhook } = require('./webhooks');
const { activate } = require('../topologies');
const { log, seconds, sleep, waitFor } = require('../util');

const SUSPEND = '+61255501000';
const NON_COMPLIANT = '+61491570156';

/**
 * How often a process logged a poll of the workflow (n8n-core's debug line: "Poll trigger …" in 2.x, "Polling trigger …" in 1.x).
 * @param {string} output @param {string} workflowName
 */
function countPolls(output, workflowName) {
	return [`Poll trigger initiated for workflow "${workflowName}"`, `Polling trigger initiated for workflow "${workflowName}"`].reduce((sum, line) => sum + output.split(line).length - 1, 0);
}

/** @param {readonly import('../types').RequestLogEntry[]} entries */
function describeRequests(entries) {
	return entries.map((entry) => `${entry.path === '/token' ? 'token' : entry.method} ${entry.status}`).join(', ') || 'nothing';
}

/** @param {{ install: import('../types').Install, cluster: import('./cluster').Cluster, session: import('../types').Session, emulator: import('../types').Emulator, report: import('../report').Report, copies: import('../types').WorkflowInfo[] }} context */
async function examplesOnWorkers({ install, cluster, session, emulator, copies, report }) {
	/** @type {Record<string, number>} */
	const ranOn = {};
	for (const wf of copies) {
		resetEmulator(emulator);
		const before = instanceNames(emulator);
		const label = `${wf.relative}  "${wf.original ? wf.original.name : wf.name}" (webhook on main → worker)`;
		try {
			const { execution, ms } = await runThroughWebhook(install, session, cluster.url, wf);
			await cluster.waitWorkerFinished(execution.id, 10000);
			const worker = cluster.workerOf(execution.id);
			const { problems, summary } = checkRun(wf, execution, emulator, before);
			if (!worker) problems.push(`no worker logged execution ${execution.id}`);
			ranOn[String(worker)] = (ranOn[String(worker)] || 0) + 1;
			report.record({ label, ok: problems.length === 0, ms, problems, summary: `execution ${execution.id} on ${worker || '?'}; ${summary}` });
		} catch (error) {
			report.record({ label, ok: false, problems: [error.message] });
		}
	}
	return ranOn;
}

/**
 * Every access token expires; the worker that runs the next execution gets the 401, renews the
 * token and n8n stores it with the credential; then executions go on until one runs on the other
 * worker, which must use the stored token: one token exchange in all.
 * @param {{ install: import('../types').Install, cluster: import('./cluster').Cluster, session: import('../types').Session, emulator: import('../types').Emulator, report: import('../report').Report, getCopy?: import('../types').WorkflowInfo }} context
 */
async function tokenAcrossWorkers({ install, cluster, session, emulator, getCopy, report }) {
	const label = 'token renewal across workers (one worker renews after a 401, the other reuses the stored token)';
	if (!getCopy) return report.record({ label, skipped: true, summary: 'no examples/get.json' });
	const started = Date.now();
	const problems = [];
	resetEmulator(emulator);
	emulator.expireAccessTokens();
	/** @type {Array<{ id: string, worker: string | null, status: string | undefined, requests: import('../types').RequestLogEntry[] }>} */
	const runs = [];
	for (let attempt = 0; attempt < 8; attempt++) {
		const mark = emulator.requests.length;
		const { execution } = await runThroughWebhook(install, session, cluster.url, getCopy);
		await cluster.waitWorkerFinished(execution.id, 10000);
		const worker = cluster.workerOf(execution.id);
		const requests = emulator.requests.slice(mark);
		runs.push({ id: execution.id, worker, status: execution.status, requests });
		if (worker && worker !== runs[0].worker) break;
	}
	const first = runs[0];
	const other = runs.find((run) => run.worker && run.worker !== first.worker);
	// (get.json by phone number is a search and a get: every request after the renewal must succeed)
	const firstSeq = describeRequests(first.requests);
	const [refused, exchange, ...after] = first.requests;
	const renewed = refused && refused.status === 401 && exchange && exchange.path === '/token' && exchange.status === 200 && after.length > 0 && after.every((entry) => entry.path !== '/token' && entry.status === 200);
	if (!renewed) problems.push(`${first.worker} (execution ${first.id}): expected a 401, a token exchange, then success; the emulator saw: ${firstSeq}`);
	if (!other) problems.push(`${runs.length} executions all ran on ${first.worker}; none reached the other worker`);
	else if (!other.requests.length || !other.requests.every((entry) => entry.path !== '/token' && entry.status === 200)) {
		problems.push(`${other.worker} (execution ${other.id}): expected the stored token to work at once; the emulator saw: ${describeRequests(other.requests)}`);
	}
	const exchanges = runs.flatMap((run) => run.requests).filter((entry) => entry.path === '/token').length;
	if (exchanges !== 1) problems.push(`expected 1 token exchange in all, the emulator saw ${exchanges}`);
	for (const run of runs) if (run.status !== 'success') problems.push(`execution ${run.id} on ${run.worker}: status ${run.status}`);
	return report.record({
		label,
		ok: problems.length === 0,
		ms: Date.now() - started,
		problems,
		summary: `${runs.map((run) => `execution ${run.id} on ${run.worker}: ${describeRequests(run.requests)}`).join(' | ')}; token exchanges: ${exchanges}`,
	});
}

/**
 * Webhook → Get Many (every number) → Get each by name with Options → Concurrency 5.
 * @param {import('../types').WorkflowNode["credentials"]} credentialRef
 */
function concurrencyWorkflow(credentialRef) {
	const workflow = {
		id: workflowId('queue-concurrency'),
		name: 'Queue mode: Get with Concurrency 5',
		nodes: [
			{ id: crypto.randomUUID(), name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: crypto.randomUUID(), parameters: { httpMethod: 'POST', path: 'enfonica-queue-concurrency', responseMode: 'onReceived', options: {} } },
			{ id: crypto.randomUUID(), name: 'List numbers', type: 'n8n-nodes-enfonica.enfonica', typeVersion: 1, position: [220, 0], credentials: credentialRef, parameters: { resource: 'phoneNumberInstance', operation: 'getMany', returnAll: true } },
			{
				id: crypto.randomUUID(),
				name: 'Get each (Concurrency 5)',
				type: 'n8n-nodes-enfonica.enfonica',
				typeVersion: 1,
				position: [440, 0],
				credentials: credentialRef,
				parameters: { resource: 'phoneNumberInstance', operation: 'get', phoneNumberInstance: { __rl: true, mode: 'name', value: '={{ $json.name }}' }, options: { concurrency: 5 } },
			},
		],
		connections: {
			Webhook: { main: [[{ node: 'List numbers', type: 'main', index: 0 }]] },
			'List numbers': { main: [[{ node: 'Get each (Concurrency 5)', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
		active: false,
	};
	return Object.assign(describeWorkflow(workflow, 'queue-concurrency.json'), { relative: 'queue: Concurrency 5', webhookPath: 'enfonica-queue-concurrency' });
}

/**
 * 38 numbers fetched five at a time (200 ms per answer, so that the five overlap even on a busy
 * machine); the 8th get is refused with 429 and
 * Retry-After 1 s. On the worker: every item succeeds in input order, never more than five
 * requests in flight, and in the Retry-After second no request starts but the (at most four)
 * already on their way.
 * @param {{ install: import('../types').Install, cluster: import('./cluster').Cluster, session: import('../types').Session, emulator: import('../types').Emulator, report: import('../report').Report, wf: import('../types').WorkflowInfo }} context
 */
async function concurrencyOnWorker({ install, cluster, session, emulator, wf, report }) {
	const label = 'Options → Concurrency 5 and the shared 429 gate, on a worker';
	resetEmulator(emulator);
	emulator.seedBulk('demo-project', 30, { displayNamePrefix: 'Bulk' });
	const expectedNames = emulator.listStored('demo-project').map((instance) => instance.name);
	emulator.clearLog();
	emulator.resetMaxInFlight();
	emulator.latencyMs = 200;
	const instancePath = /^\/v1beta1\/projects\/demo-project\/phoneNumberInstances\/[^/]+$/;
	emulator.injectFault({ method: 'GET', path: instancePath, nth: 8, fault: { kind: 'status', status: 429, retryAfterSeconds: 1 } });
	try {
		const { execution, ms } = await runThroughWebhook(install, session, cluster.url, wf);
		await cluster.waitWorkerFinished(execution.id, 10000);
		const worker = cluster.workerOf(execution.id);
		const problems = [];
		if (execution.status !== 'success') problems.push(`execution status ${execution.status}`);
		const { items, error } = nodeItems(execution.data.resultData.runData || {}, 'Get each (Concurrency 5)');
		if (error) problems.push(`Get failed: ${error.message}`);
		const names = items.map((item) => item.json.name);
		if (JSON.stringify(names) !== JSON.stringify(expectedNames)) problems.push(`expected ${expectedNames.length} items in list order, got ${names.length}${names.length === expectedNames.length ? ' in another order' : ''}`);
		const gets = emulator.requests.filter((entry) => instancePath.test(entry.path));
		const limited = gets.filter((entry) => entry.status === 429);
		if (limited.length !== 1) problems.push(`expected one 429, the emulator answered ${limited.length}`);
		let inRetryAfter = 0;
		if (limited.length) {
			const answeredAt = limited[0].endedAt;
			inRetryAfter = gets.filter((entry) => entry.startedAt >= answeredAt && entry.startedAt < answeredAt + 1000).length;
			if (inRetryAfter > 4) problems.push(`${inRetryAfter} requests started within Retry-After (at most the 4 already on their way may)`);
			const retried = gets.filter((entry) => entry.path === limited[0].path).map((entry) => entry.status);
			if (retried.join(',') !== '429,200') problems.push(`the refused get was answered ${retried.join(', ')}, not 429 then 200`);
		}
		const maxInFlight = emulator.maxInFlight;
		if (maxInFlight > 5) problems.push(`${maxInFlight} requests in flight at once, Concurrency is 5`);
		if (maxInFlight < 5) problems.push(`only ${maxInFlight} requests in flight at once; Concurrency 5 with 200 ms answers should reach 5`);
		if (!worker) problems.push(`no worker logged execution ${execution.id}`);
		report.record({
			label,
			ok: problems.length === 0,
			ms,
			problems,
			summary: `execution ${execution.id} on ${worker || '?'}: ${items.length} items in order; ${gets.length} gets, at most ${maxInFlight} in flight; one 429 (Retry-After 1 s), ${inRetryAfter} requests started in that second, the refused get retried`,
		});
	} catch (error) {
		report.record({ label, ok: false, problems: [error.message] });
	} finally {
		emulator.latencyMs = 0;
		emulator.clearFaults();
	}
}

/**
 * The trigger: main polls (n8n-core logs "Poll(ing) trigger initiated" at debug level: counted in each
 * process's log), its execution is queued and runs on a worker, with exactly the expected alerts.
 * @param {{ install: import('../types').Install, cluster: import('./cluster').Cluster, session: import('../types').Session, emulator: import('../types').Emulator, report: import('../report').Report, triggerWf: import('../types').WorkflowInfo }} context
 */
async function triggerOnWorkers({ install, cluster, session, emulator, triggerWf, report }) {
	const label = `${triggerWf.relative} (activated on main; polled by main, run by a worker)`;
	const started = Date.now();
	const problems = [];
	resetEmulator(emulator);
	const activatedAt = Date.now();
	await activate(install, session, triggerWf.id);
	const baseline = await waitFor(() => emulator.requests.find((entry) => isPoll(entry, 'demo-project') && entry.startedAt >= activatedAt && entry.endedAt > 0), 60000, 250);
	if (!baseline) return report.record({ label, ok: false, problems: ['no activation poll reached the emulator within 60 s'] });
	await sleep(2000);
	const node = enfonicaTriggerNode(triggerWf);
	const before = new Set((await executionsOf(session, triggerWf.id)).map((execution) => String(execution.id)));
	const changedAt = Date.now();
	emulator.setLifecycleState(instanceByNumber(emulator, 'demo-project', SUSPEND).name, 'SUSPENDED');
	emulator.setCompliant(instanceByNumber(emulator, 'demo-project', NON_COMPLIANT).name, false);
	log(`        ${SUSPEND} -> SUSPENDED, ${NON_COMPLIANT} -> non-compliant; waiting for main's next poll (at most a minute)…`);
	const poll = await waitFor(() => emulator.requests.find((entry) => isPoll(entry, 'demo-project') && entry.startedAt > changedAt && entry.endedAt > 0), 90000, 250);
	if (!poll) return report.record({ label, ok: false, problems: ['no poll within 90 s of the change'] });
	const done = await waitFor(async () => {
		const fresh = (await executionsOf(session, triggerWf.id)).filter((execution) => !before.has(String(execution.id)));
		return fresh.length && fresh.every((execution) => !['new', 'running', 'waiting'].includes(execution.status)) ? fresh : null;
	}, 60000, 1000);
	if (!done) return report.record({ label, ok: false, problems: ['the poll started no finished execution within 60 s'] });
	if (done.length !== 1) problems.push(`expected 1 execution, got ${done.length}`);
	const execution = await executionDetail(install, session, done[0].id);
	await cluster.waitWorkerFinished(execution.id, 10000);
	const worker = cluster.workerOf(execution.id);
	if (!worker) problems.push(`no worker logged execution ${execution.id}`);
	if (execution.status !== 'success') problems.push(`execution status ${execution.status}`);
	const { items } = nodeItems(execution.data.resultData.runData || {}, node.name);
	const checked = checkAlerts(items, expectedAlerts(node, { suspended: SUSPEND, nonCompliant: NON_COMPLIANT }));
	problems.push(...checked.problems);
	const polls = Object.fromEntries(cluster.names.map((name) => [name, countPolls(cluster.outputOf(name), triggerWf.name)]));
	if (!polls.main) problems.push('main did not log the poll');
	for (const name of cluster.workerNames) if (polls[name]) problems.push(`${name} polled too (${polls[name]} times)`);
	return report.record({
		label,
		ok: problems.length === 0,
		ms: Date.now() - started,
		problems,
		summary: `${checked.summary}; poll at +${seconds(poll.startedAt - changedAt)} after the change, execution ${execution.id} (mode ${execution.mode}) on ${worker || '?'}; polls logged: ${Object.entries(polls).map(([name, count]) => `${name} ${count}`).join(', ')}`,
	});
}

module.exports = { countPolls, concurrencyOnWorker, concurrencyWorkflow, examplesOnWorkers, tokenAcrossWorkers, triggerOnWorkers };
