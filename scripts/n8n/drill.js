'use strict';
/**
 * The restart drill (issue #11, part 2): does the Enfonica Trigger lose or repeat an alert when
 * n8n restarts or re-activates the workflow? n8n saves a polling trigger's static data only when
 * a poll emits (and at activation), so a silent poll's snapshot lives in memory until then.
 *
 * One trigger workflow per case, each watching a project of its own, all on the same n8n and the
 * same timeline (polls once a minute):
 *   start              every workflow's activation poll takes its baseline
 *   poll 1             X suspended in "filtered" and "reactivate"          -> one alert each
 *   poll 2             X back to ACTIVE in both (filtered out: no alert, the snapshot moves in memory)
 *   re-activation      "reactivate": X suspended again, then the workflow deactivated and activated
 *                      -> one alert (its activation poll, or the next)
 *                      "rename": X suspended, then the trigger node renamed in the editor (saved
 *                      through the REST API as the editor saves it) and published -> one alert
 *                      (n8n keeps node static data under the node's name)
 *   restart            n8n stopped (queue mode: main and one worker); while it is down X suspended
 *                      again in "filtered" and for the first time in "down"; n8n started
 *                      -> one alert each
 *   poll after restart nothing more (nothing repeated)
 * Run with n8n's defaults and with its durable poll cursors (n8n >= 2 only).
 */
const fs = require('node:fs');
const path = require('node:path');
const { isPoll, instanceByNumber } = require('./emulator');
const { describeWorkflow, enfonicaTriggerNode, pollEveryMinute, workflowId } = require('./workflows');
const { executionDetail, executionsOf } = require('./editorApi');
const { findInstances, numbersOf } = require('./checks');
const { log, seconds, sleep, waitFor } = require('./util');
const { activate } = require('./topologies');

const CASES = [
	{ key: 'down', project: 'drill-down', number: '+61255503001', title: 'a change while n8n is down' },
	{ key: 'filtered', project: 'drill-filtered', number: '+61255503101', title: 'a filtered change, then a restart' },
	{ key: 'reactivate', project: 'drill-reactivate', number: '+61255503201', title: 'a filtered change, then a re-activation' },
	{ key: 'rename', project: 'drill-rename', number: '+61255503301', title: 'a change, then the trigger node renamed and published' },
];
/** The trigger's name after the rename case's rename. */
const RENAMED = 'Suspended numbers (renamed)';
const POLL_TIMEOUT_MS = 100000;

/** @typedef {import('./types').WorkflowInfo & { drillCase: import('./types').DrillCase }} DrillWorkflow A drill case's copy of the trigger workflow. */

/** n8n's settings for durable poll cursors; all four are needed (checked in n8n 2.40.7's source). */
const DURABLE_CURSORS = {
	N8N_SCHEDULER_ENABLED: 'true',
	N8N_SCHEDULER_POLL_TRIGGERS_ENABLED: 'true',
	N8N_USE_WORKFLOW_PUBLICATION_SERVICE: 'true',
	N8N_POLLER_DURABLE_CURSORS_ENABLED: 'true',
};

/**
 * Whether this n8n declares every durable-cursor setting (in @n8n/config, where n8n's env names live).
 * @param {import('./types').Install} install
 */
function supportsDurableCursors(install) {
	const configDist = path.join(path.dirname(install.n8n), '..', '..', '@n8n', 'config', 'dist');
	const missing = new Set(Object.keys(DURABLE_CURSORS));
	/** @param {string} dir */
	const scan = (dir) => {
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) scan(full);
			else if (entry.name.endsWith('.js')) {
				const text = fs.readFileSync(full, 'utf8');
				for (const name of [...missing]) if (text.includes(`'${name}'`)) missing.delete(name);
			}
		}
	};
	if (fs.existsSync(configDist)) scan(configDist);
	return { ok: missing.size === 0, missing: [...missing] };
}

/**
 * The drill's workflows: the trigger example, once per case, on the case's project, with `nodeOptions` added to the trigger's Options.
 * @param {import('./types').WorkflowInfo} triggerWf @param {string} configKey @param {Record<string, unknown>} [nodeOptions]
 * @returns {DrillWorkflow[]}
 */
function drillWorkflows(triggerWf, configKey, nodeOptions = {}) {
	return CASES.map((drillCase) => {
		const workflow = JSON.parse(JSON.stringify(triggerWf.workflow));
		workflow.id = workflowId(`drill-${configKey}-${drillCase.key}`);
		workflow.name = `Drill (${configKey}): ${drillCase.title}`;
		for (const node of workflow.nodes) {
			if (/Trigger$/.test(node.type)) node.parameters = { ...node.parameters, project: drillCase.project, options: { ...node.parameters.options, ...nodeOptions } };
		}
		const wf = pollEveryMinute(describeWorkflow(workflow, triggerWf.file));
		return Object.assign(wf, { drillCase, relative: `drill ${drillCase.key}` });
	});
}

/** @param {import('./types').Emulator} emulator */
function seedDrill(emulator) {
	for (const drillCase of CASES) {
		for (const instance of emulator.listStored(drillCase.project, { includeDeleted: true })) emulator.purge(instance.name);
		emulator.seed(drillCase.project, [{ phoneNumber: drillCase.number }, { phoneNumber: `${drillCase.number.slice(0, -1)}9` }]);
	}
}

/** @param {import('./types').Emulator} emulator @param {import('./types').DrillCase} drillCase @param {Parameters<import('./types').Emulator['setLifecycleState']>[1]} state */
function setState(emulator, drillCase, state) {
	emulator.setLifecycleState(instanceByNumber(emulator, drillCase.project, drillCase.number).name, state);
}

/**
 * Waits for a poll of `project` that started after `since` and has been answered.
 * @param {import('./types').Emulator} emulator @param {string} project @param {number} since
 */
async function nextPoll(emulator, project, since) {
	return await waitFor(() => emulator.requests.find((entry) => isPoll(entry, project) && entry.startedAt > since && entry.endedAt > 0), POLL_TIMEOUT_MS, 250);
}

/**
 * Every alert the workflow's executions emitted, oldest first, with the execution that emitted it.
 * @param {import('./types').Install} install @param {import('./types').Session} session @param {import('./types').WorkflowInfo} wf
 */
async function alertsOf(install, session, wf) {
	const node = enfonicaTriggerNode(wf);
	/** @param {import('./types').RunData | undefined} runData */
	const runDataOf = (runData) => (runData && (runData[node.name] || runData[RENAMED])) || [];
	const list = (await executionsOf(session, wf.id)).slice().sort((a, b) => Number(a.id) - Number(b.id));
	/** @type {Array<{ executionId: string, status?: string, number: string | null, state?: string, event?: string, empty?: boolean }>} */
	const alerts = [];
	for (const summary of list) {
		const execution = await executionDetail(install, session, summary.id);
		const runs = runDataOf(execution.data && execution.data.resultData && execution.data.resultData.runData);
		const last = runs[runs.length - 1];
		const items = (last && last.data && last.data.main[0]) || [];
		for (const item of items) {
			const [instance] = findInstances(item.json);
			alerts.push({ executionId: String(summary.id), status: execution.status, number: instance ? numbersOf(instance).phone : null, state: item.json.lifecycleState, event: item.json.event });
		}
		if (!items.length) alerts.push({ executionId: String(summary.id), status: execution.status, number: null, empty: true });
	}
	return alerts;
}

/**
 * Waits until the workflows' executions are finished and hold at least `count` alerts each.
 * @param {import('./types').Install} install @param {import('./types').Session} session @param {DrillWorkflow[]} wfs @param {Record<string, number>} counts @param {number} [timeoutMs]
 */
async function settle(install, session, wfs, counts, timeoutMs = 60000) {
	return await waitFor(async () => {
		for (const wf of wfs) {
			const list = await executionsOf(session, wf.id);
			if (list.some((execution) => ['new', 'running', 'waiting'].includes(execution.status) || execution.finished === false && !execution.stoppedAt)) return false;
			const alerts = (await alertsOf(install, session, wf)).filter((alert) => !alert.empty);
			if (alerts.length < (counts[wf.drillCase.key] || 0)) return false;
		}
		return true;
	}, timeoutMs, 1000);
}

/**
 * Runs the drill on `topology`, which provides:
 *   prepare(workflows) (import), start(), restart(whileDown) (stop, call, start again),
 *   reactivate(id) (deactivate + activate through the REST API), session, stopAll(),
 *   workerOf(executionId) (queue mode only), label.
 * Records one result per case.
 * @param {{ install: import('./types').Install, emulator: import('./types').Emulator, topology: import('./types').Topology, triggerWf: import('./types').WorkflowInfo, configKey: string, nodeOptions?: Record<string, unknown>, report: import('./report').Report }} options
 */
async function runDrill({ install, emulator, topology, triggerWf, configKey, nodeOptions, report }) {
	/** @type {Array<{ what: string, at: number }>} */
	const timeline = [];
	/** @param {string} what */
	const mark = (what) => {
		timeline.push({ what, at: Date.now() });
		log(`        ${seconds(Date.now() - timeline[0].at).padStart(7)}  ${what}`);
	};
	const wfs = drillWorkflows(triggerWf, configKey, nodeOptions);
	const byKey = Object.fromEntries(wfs.map((wf) => [wf.drillCase.key, wf]));
	const caseOf = Object.fromEntries(CASES.map((drillCase) => [drillCase.key, drillCase]));
	seedDrill(emulator);
	await topology.prepare(wfs);
	let since = Date.now();
	timeline.push({ what: 'start', at: since });
	await topology.start();
	for (const wf of wfs) await activate(install, topology.session, wf.id);
	const baselines = await Promise.all(CASES.map((drillCase) => nextPoll(emulator, drillCase.project, since - 1)));
	if (baselines.some((entry) => !entry)) throw new Error(`no activation poll for ${CASES.filter((_, index) => !baselines[index]).map((drillCase) => drillCase.project).join(', ')}`);
	await sleep(2000); // n8n stores the activation poll's static data after it
	mark(`${topology.label} started; baselines taken`);

	since = Date.now();
	setState(emulator, caseOf.filtered, 'SUSPENDED');
	setState(emulator, caseOf.reactivate, 'SUSPENDED');
	mark('filtered, reactivate: X -> SUSPENDED; waiting for the next poll');
	await Promise.all(['filtered', 'reactivate'].map((key) => nextPoll(emulator, caseOf[key].project, since)));
	await settle(install, topology.session, [byKey.filtered, byKey.reactivate], { filtered: 1, reactivate: 1 });
	mark('poll 1 done (one alert each expected)');

	since = Date.now();
	setState(emulator, caseOf.filtered, 'ACTIVE');
	setState(emulator, caseOf.reactivate, 'ACTIVE');
	mark('filtered, reactivate: X -> ACTIVE (filtered out); waiting for the next poll');
	await Promise.all(['filtered', 'reactivate'].map((key) => nextPoll(emulator, caseOf[key].project, since)));
	await sleep(3000);
	mark('poll 2 done (silent)');

	since = Date.now();
	setState(emulator, caseOf.reactivate, 'SUSPENDED');
	await topology.reactivate(byKey.reactivate.id);
	mark('reactivate: X -> SUSPENDED, workflow deactivated and activated');
	await nextPoll(emulator, caseOf.reactivate.project, since);
	await sleep(2000);

	// Right after a poll of its own, so the change is seen first by the poll of the renamed node.
	since = Date.now();
	await nextPoll(emulator, caseOf.rename.project, since);
	setState(emulator, caseOf.rename, 'SUSPENDED');
	const renamedAt = Date.now();
	const triggerName = enfonicaTriggerNode(byKey.rename).name;
	await topology.rename(byKey.rename.id, triggerName, RENAMED);
	mark(`rename: X -> SUSPENDED, trigger "${triggerName}" renamed to "${RENAMED}" and published`);
	await nextPoll(emulator, caseOf.rename.project, renamedAt);
	await settle(install, topology.session, [byKey.rename], { rename: 1 });
	mark('rename: a poll after the rename done');

	await topology.restart(async () => {
		setState(emulator, caseOf.filtered, 'SUSPENDED');
		setState(emulator, caseOf.down, 'SUSPENDED');
		mark(`${topology.restartLabel} stopped; filtered, down: X -> SUSPENDED`);
	});
	since = timeline[timeline.length - 1].at;
	mark(`${topology.restartLabel} started again`);
	await Promise.all(CASES.map((drillCase) => nextPoll(emulator, drillCase.project, since)));
	const afterRestart = Date.now();
	await Promise.all(CASES.map((drillCase) => nextPoll(emulator, drillCase.project, afterRestart + 1000)));
	await settle(install, topology.session, wfs, {}, 30000);
	await sleep(3000);
	mark('a full poll after the restart done');

	/** @type {Record<string, number>} */
	const expected = { down: 1, filtered: 2, reactivate: 2, rename: 1 };
	for (const wf of wfs) {
		const { key, number, title } = wf.drillCase;
		const alerts = await alertsOf(install, topology.session, wf);
		const real = alerts.filter((alert) => !alert.empty);
		const problems = [];
		const mine = real.filter((alert) => alert.number === number && alert.state === 'SUSPENDED');
		if (mine.length < expected[key]) problems.push(`${expected[key] - mine.length} alert(s) lost: expected ${expected[key]} "${number} SUSPENDED", got ${mine.length}`);
		if (mine.length > expected[key]) problems.push(`${mine.length - expected[key]} alert(s) repeated: expected ${expected[key]}, got ${mine.length}`);
		const others = real.filter((alert) => !(alert.number === number && alert.state === 'SUSPENDED'));
		if (others.length) problems.push(`unexpected alerts: ${others.map((alert) => `${alert.event} ${alert.number} ${alert.state}`).join(', ')}`);
		const failed = alerts.filter((alert) => alert.status && alert.status !== 'success');
		if (failed.length) problems.push(`executions not successful: ${failed.map((alert) => `${alert.executionId} ${alert.status}`).join(', ')}`);
		let where = '';
		const { workerOf } = topology;
		if (workerOf) {
			const ran = [...new Set(alerts.map((alert) => alert.executionId))].map((id) => `${id}→${workerOf(id) || 'main?'}`);
			if (ran.some((entry) => /main\?$/.test(entry))) problems.push(`executions not run by a worker: ${ran.join(', ')}`);
			where = `; executions ${ran.join(', ') || 'none'}`;
		}
		report.record({ label: `drill [${configKey}] ${title}`, ok: problems.length === 0, problems, summary: `${mine.length} of ${expected[key]} alerts for ${number}${where}` });
	}
	return timeline;
}

module.exports = { CASES, DURABLE_CURSORS, drillWorkflows, runDrill, supportsDurableCursors };
