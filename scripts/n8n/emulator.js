'use strict';
/** The Enfonica emulator (test/emulator, TypeScript) run inside this process, and its sample data. */
const path = require('node:path');
const { ROOT } = require('./util');

/** Starts the emulator, loaded through the repository's ts-node. */
async function startEmulator(port = 0) {
	require(require.resolve('ts-node', { paths: [ROOT] })).register({
		transpileOnly: true,
		project: path.join(ROOT, 'tsconfig.json'),
	});
	const { startEmulator: start } = require(path.join(ROOT, 'test', 'emulator'));
	return await start({ port });
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
			// What the Console shows under Project → Settings; the emulator signs handler requests with it.
			signingKey: emulator.signingKeyOf(projectId),
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

/** Puts the emulator back to its sample data: forgets instances, listings and numbers for sale, reseeds. */
function resetEmulator(emulator) {
	emulator.reset();
	emulator.clearLog();
	return emulator.seedSample();
}

/** The instance of `project` whose number is `e164` (sample numbers are single numbers). */
function instanceByNumber(emulator, project, e164) {
	return emulator.listStored(project, { includeDeleted: true }).find((instance) => instance.phoneNumber && instance.phoneNumber.phoneNumber === e164);
}

/** `entry` is a trigger's list of a project (the credential test's pageSize=1 list is not). */
function isPoll(entry, project) {
	const listPath = project ? `/v1beta1/projects/${project}/phoneNumberInstances` : null;
	return entry.method === 'GET' && (listPath ? entry.path === listPath : /\/phoneNumberInstances$/.test(entry.path)) && entry.query.pageSize !== '1';
}

module.exports = { emulatorCredential, instanceByNumber, isPoll, projectsIn, resetEmulator, startEmulator };
