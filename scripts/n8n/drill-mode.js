'use strict';
/**
 * npm run test:n8n -- --restart-drill: the restart drill (drill.js) on one `n8n start`, with
 * n8n's defaults and, where n8n has them, with its durable poll cursors (the trigger's option
 * off, then on). About 3 to 5 minutes per configuration (the drill waits for n8n's
 * once-a-minute polls).
 */
const { log } = require('./util');
const { createReport } = require('./report');
const { prepare } = require('./setup');
const { DURABLE_CURSORS, runDrill, supportsDurableCursors } = require('./drill');
const { regularTopology } = require('./topologies');

/**
 * The drill's configurations: n8n's environment, and the trigger's options in every drill workflow.
 * @param {import('./types').Install} install
 * @returns {Array<{ key: string, title: string, env: Record<string, string>, options?: Record<string, unknown>, skip?: string }>}
 */
function drillConfigs(install) {
	const durable = supportsDurableCursors(install);
	const skip = durable.ok ? undefined : `n8n ${install.version} does not know ${durable.missing.join(', ')}`;
	return [
		{ key: 'default', title: "n8n's defaults", env: {} },
		{ key: 'durable', title: 'durable poll cursors on', env: DURABLE_CURSORS, skip },
		{ key: 'durable-option', title: "durable poll cursors on, the trigger's option too", env: DURABLE_CURSORS, options: { durablePollCursors: true }, skip },
	];
}

async function main() {
	const report = createReport();
	const setup = await prepare(report, 'test:n8n --restart-drill — the Enfonica Trigger across n8n restarts and re-activations');
	const { install, emulator, triggerWf, credentials, owner } = setup;
	try {
		if (!triggerWf) throw new Error('no workflow with the Enfonica Trigger to drill (examples/, scripts/n8n/fixtures/)');
		for (const config of drillConfigs(install)) {
			if (config.skip) {
				report.record({ label: `drill [${config.key}] ${config.title}`, skipped: true, summary: config.skip });
				continue;
			}
			log(`\nRestart drill, ${config.title}:`);
			const topology = regularTopology({ install, base: setup.base(`drill-${config.key}`), credentials, owner, env: config.env });
			try {
				await report.phase(`drill [${config.key}]`, () =>
					runDrill({ install, emulator, topology, triggerWf, configKey: config.key, nodeOptions: config.options, report }),
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
	log(`Logs: .n8n-local/drill-<config>-${install.version}/logs/`);
}

module.exports = { drillConfigs, main };
