'use strict';
/** What the --queue and --restart-drill modes start from: n8n, the build, the emulator, the workflows. */
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const lib = require('./lib');

async function prepare(report, title) {
	lib.log(title);
	const install = await report.phase('install n8n (once)', () => lib.ensureN8n());
	lib.log(`n8n ${install.version} on Node.js ${execFileSync(install.node, ['--version'], { encoding: 'utf8' }).trim()}`);
	await report.phase('build (if needed)', () => lib.ensureBuilt());
	const emulator = await lib.startEmulator(0);
	lib.resetEmulator(emulator);
	const { data } = lib.emulatorCredential(emulator, 'demo-project');
	const workflows = lib.loadWorkflows(lib.workflowFiles());
	for (const wf of workflows) if (wf.isTrigger) lib.pollEveryMinute(wf);
	const triggerWf = workflows.find((wf) => wf.isTrigger);
	const projects = lib.projectsIn(workflows.map((wf) => wf.workflow));
	const credentials = lib.credentialRecords(lib.credentialIds(workflows.map((wf) => wf.workflow)), data);
	const owner = lib.ownerAccount(install);
	return { install, emulator, workflows, triggerWf, projects, credentials, owner, base: (name) => path.join(lib.LOCAL, `${name}-${install.version}`) };
}

module.exports = { prepare };
