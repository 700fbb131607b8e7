'use strict';
/** What the --queue and --restart-drill modes start from: n8n, the build, the emulator, the workflows. */
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { LOCAL, log } = require('./util');
const { ensureBuilt, ensureN8n } = require('./install');
const { emulatorCredential, resetEmulator, startEmulator } = require('./emulator');
const { credentialIds, credentialRecords, loadWorkflows, pollEveryMinute, workflowFiles } = require('./workflows');
const { ownerAccount } = require('./editorApi');

/** @param {import('./report').Report} report @param {string} title */
async function prepare(report, title) {
	log(title);
	const install = await report.phase('install n8n (once)', () => ensureN8n());
	log(`n8n ${install.version} on Node.js ${execFileSync(install.node, ['--version'], { encoding: 'utf8' }).trim()}`);
	await report.phase('build (if needed)', () => ensureBuilt());
	const emulator = await startEmulator(0);
	resetEmulator(emulator);
	const { data } = emulatorCredential(emulator, 'demo-project');
	const workflows = loadWorkflows(workflowFiles());
	for (const wf of workflows) if (wf.isTrigger) pollEveryMinute(wf);
	const triggerWf = workflows.find((wf) => wf.isTrigger);
	const credentials = credentialRecords(credentialIds(workflows.map((wf) => wf.workflow)), data);
	const owner = ownerAccount(install);
	return { install, emulator, workflows, triggerWf, credentials, owner, base: (/** @type {string} */ name) => path.join(LOCAL, `${name}-${install.version}`) };
}

module.exports = { prepare };
