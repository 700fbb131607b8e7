'use strict';
/**
 * npm run test:n8n -- --restart-drill: the restart drill (drill.js) on one `n8n start`, with
 * n8n's defaults and, where n8n has them, with its durable poll cursors. About 5 minutes per
 * configuration (the drill waits for n8n's once-a-minute polls).
 * `--strict` counts the cases known to fail today (see KNOWN_FAILURES) as failures too.
 */
const lib = require('./lib');
const { createReport } = require('./report');
const { prepare } = require('./setup');
const { DURABLE_CURSORS, runDrill, supportsDurableCursors } = require('./drill');
const { regularTopology } = require('./topologies');

/**
 * Cases known to fail. With n8n's defaults all three pass since the trigger writes its state only
 * in polls n8n saves (measured on 2.40.7, 2026-12-01). With n8n 2.40.7's durable poll cursors on,
 * the two filtered-change cases still lose their second alert (cause not found yet; the engine
 * model of durable cursors in test/trigger.persistence.test.ts passes). A listed case that
 * passes says so.
 */
const KNOWN_FAILURES = new Set(['durable:filtered', 'durable:reactivate']);

function drillConfigs(install) {
	const durable = supportsDurableCursors(install);
	return [
		{ key: 'default', title: "n8n's defaults", env: {} },
		durable.ok
			? { key: 'durable', title: 'durable poll cursors on', env: DURABLE_CURSORS }
			: { key: 'durable', title: 'durable poll cursors on', skip: `n8n ${install.version} does not know ${durable.missing.join(', ')}` },
	];
}

function expectFailFor(strict) {
	return (caseKey, configKey) => !strict && KNOWN_FAILURES.has(`${configKey}:${caseKey}`);
}

async function main() {
	const report = createReport();
	const strict = process.argv.includes('--strict');
	const setup = await prepare(report, 'test:n8n --restart-drill — the Enfonica Trigger across n8n restarts and re-activations');
	const { install, emulator, triggerWf, credentials, owner } = setup;
	try {
		for (const config of drillConfigs(install)) {
			if (config.skip) {
				report.record({ label: `drill [${config.key}] ${config.title}`, skipped: true, summary: config.skip });
				continue;
			}
			lib.log(`\nRestart drill, ${config.title}:`);
			const topology = regularTopology({ install, base: setup.base(`drill-${config.key}`), credentials, owner, env: config.env });
			try {
				await report.phase(`drill [${config.key}]`, () =>
					runDrill({ install, emulator, topology, triggerWf, configKey: config.key, report, expectFail: expectFailFor(strict) }),
				);
			} catch (error) {
				report.record({ label: `drill [${config.key}]`, ok: false, problems: [error.message] });
			} finally {
				await topology.stopAll();
			}
		}
	} finally {
		await emulator.close();
	}
	process.exitCode = report.finish(`restart drill, n8n ${install.version}`);
	lib.log(`Logs: .n8n-local/drill-<config>-${install.version}/logs/`);
}

module.exports = { KNOWN_FAILURES, drillConfigs, expectFailFor, main };
