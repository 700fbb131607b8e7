'use strict';
/** The Enfonica emulator (test/emulator, TypeScript) run inside this process, and its sample data. */
const path = require('node:path');
const { ROOT } = require('./util');

/**
 * Starts the emulator, loaded through the repository's ts-node.
 * @returns {Promise<import('./types').Emulator>}
 */
async function startEmulator(port = 0) {
	require(require.resolve('ts-node', { paths: [ROOT] })).register({
		transpileOnly: true,
		project: path.join(ROOT, 'tsconfig.json'),
	});
	const { startEmulator: start } = require(path.join(ROOT, 'test', 'emulator'));
	return await start({ port });
}

/**
 * A service-account credential for the emulator (any project), as a user would fill it in.
 * @param {import('./types').Emulator} emulator @param {string} projectId
 */
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

/**
 * Puts the emulator back to its sample data: forgets instances, listings and numbers for sale, reseeds.
 * @param {import('./types').Emulator} emulator
 */
function resetEmulator(emulator) {
	emulator.reset();
	emulator.clearLog();
	return emulator.seedSample();
}

/**
 * The instance of `project` whose number is `e164` (sample numbers are single numbers); throws when none.
 * @param {import('./types').Emulator} emulator @param {string} project @param {string} e164
 */
function instanceByNumber(emulator, project, e164) {
	const found = emulator.listStored(project, { includeDeleted: true }).find((instance) => instance.phoneNumber && instance.phoneNumber.phoneNumber === e164);
	if (!found) throw new Error(`the emulator holds no ${e164} in project ${project}`);
	return found;
}

/**
 * The stored instance named `name` (deleted ones included); throws when none.
 * @param {import('./types').Emulator} emulator @param {string} name
 */
function storedInstance(emulator, name) {
	const found = emulator.getInstance(name);
	if (!found) throw new Error(`the emulator holds no ${name}`);
	return found;
}

/**
 * `entry` is a trigger's list of a project (the credential test's pageSize=1 list is not).
 * @param {import('./types').RequestLogEntry} entry @param {string} [project]
 */
function isPoll(entry, project) {
	const listPath = project ? `/v1beta1/projects/${project}/phoneNumberInstances` : null;
	return entry.method === 'GET' && (listPath ? entry.path === listPath : /\/phoneNumberInstances$/.test(entry.path)) && entry.query.pageSize !== '1';
}

module.exports = { emulatorCredential, instanceByNumber, isPoll, resetEmulator, startEmulator, storedInstance };
