'use strict';
/**
 * The editor's screens as they call n8n's REST API: the credential's Test button
 * (POST /rest/credentials/test, the form's data as the editor sends it) and a resource locator's
 * "From List" dropdown (POST /rest/dynamic-node-parameters/resource-locator-results).
 */

const net = require('node:net');
const { freePort } = require('./util');

const NODE_TYPE = 'n8n-nodes-enfonica.enfonica';
const LARGE_PROJECT = 'editor-large-project';
const LARGE_SIZE = 3000;
const OLD_NUMBER = '+61255509900';

/**
 * What the Test shows for the credential's data with `changes` applied, and how long it took.
 * @param {import('./types').Session} session @param {import('./types').CredentialRecord} credential @param {Record<string, unknown>} changes
 * @returns {Promise<{ status: string, message: string, ms: number }>} n8n answers every Test with a status and a message
 */
async function testCredential(session, credential, changes) {
	const started = Date.now();
	const answer = await session.post('/rest/credentials/test', {
		credentials: { id: credential.id, name: credential.name, type: credential.type, data: { ...credential.data, ...changes } },
	});
	return { ...(answer.data || answer), ms: Date.now() - started };
}

/**
 * The Test with a wrong setting each: the message must say what is wrong and what to change
 * (n8n alone would show "Not Found", "Forbidden", "Unauthorized"). Only pageSize=1 lists reach the
 * emulator here, which the trigger's checks do not count as polls.
 * @param {import('./types').Session} session @param {import('./types').Emulator} emulator @param {import('./types').CredentialRecord} credential @param {import('./report').Report['record']} record
 */
async function checkCredentialTests(session, emulator, credential, record) {
	const before = await savedSettings(session, credential);
	await withSavedCopy(session, credential, credential.data, (copy) => checkWrongSettings(session, emulator, copy, record));
	const after = await savedSettings(session, credential);
	const changed = Object.keys(before).filter((key) => before[key] !== after[key]);
	record({
		label: 'credential Tests with wrong settings leave the saved credential as it was',
		ok: changed.length === 0,
		problems: changed.map((key) => `${key} was ${JSON.stringify(before[key])}, is now ${JSON.stringify(after[key])}`),
		summary: `${Object.keys(before).join(', ')} unchanged`,
	});
}

/**
 * The saved credential's settings that the later checks depend on (no secrets).
 * @param {import('./types').Session} session @param {import('./types').CredentialRecord} credential
 * @returns {Promise<Record<string, unknown>>}
 */
async function savedSettings(session, credential) {
	const answer = await session.get(`/rest/credentials/${credential.id}?includeData=true`);
	const data = (answer.data || answer).data || {};
	return { authentication: data.authentication, baseUrl: data.baseUrl, projectId: data.projectId, timeoutSeconds: data.timeoutSeconds };
}

/**
 * The Tests run on a saved copy of the credential, deleted afterwards: n8n 1.x saves the data a
 * Test ran with when the Test fetched a token (preAuthentication's result is persisted together
 * with the form's edited fields), so a Test of a wrong project would leave the shared credential
 * pointing there for every later check.
 * @template T
 * @param {import('./types').Session} session @param {import('./types').CredentialRecord} credential @param {Record<string, unknown>} data
 * @param {(copy: import('./types').CredentialRecord) => Promise<T>} use
 * @returns {Promise<T>}
 */
async function withSavedCopy(session, credential, data, use) {
	const created = await session.post('/rest/credentials', { name: `Enfonica check ${Date.now()}`, type: credential.type, data });
	const saved = created.data || created;
	try {
		return await use({ id: saved.id, name: saved.name, type: credential.type, data });
	} finally {
		await session.delete(`/rest/credentials/${saved.id}`);
	}
}

/**
 * @param {import('./types').Session} session @param {import('./types').Emulator} emulator @param {import('./types').CredentialRecord} credential @param {import('./report').Report['record']} record
 */
async function checkWrongSettings(session, emulator, credential, record) {
	emulator.removeProject('no-such-project');
	const ownProjectOnly = emulator.createServiceAccount({ projectId: 'demo-project' });
	const { project_id: _projectId, ...keyWithoutProject } = JSON.parse(credential.data.serviceAccountKey);
	emulator.injectFault({ path: '/v1beta1/projects/editor-slow-project/phoneNumberInstances', fault: { kind: 'hang' } });
	/** @type {Array<[string, Record<string, unknown>, RegExp | null]>} */
	const cases = [
		['a project that does not exist', { projectId: 'no-such-project' }, /^Enfonica knows no such project.*Check Project ID/],
		['a key without project_id and no Project ID', { projectId: '', serviceAccountKey: JSON.stringify(keyWithoutProject) }, /^Project ID is empty and the service account key has no project_id\. Set Project ID/],
		['a key of another project', { projectId: 'demo-project-2', serviceAccountKey: JSON.stringify(ownProjectOnly) }, /^The key or token may not list the numbers of this project: it belongs to another project/],
		['a refused bearer token', { authentication: 'bearerToken', bearerToken: 'expired-token', projectId: 'demo-project' }, /bearer token may have expired \(Enfonica support issues them for two years\)/],
		['a service account key pasted as Bearer Token', { authentication: 'bearerToken', bearerToken: credential.data.serviceAccountKey, projectId: 'demo-project' }, /holds a service account key \(JSON\).*Choose Service Account Key/],
		['an API Base URL without https://', { baseUrl: emulator.baseUrl.replace(/^https?:\/\//, '') }, /API Base URL ".*" must start with https:\/\//],
		['an API Base URL ending in /v1beta1', { baseUrl: `${emulator.baseUrl}/v1beta1` }, null],
		['an API Base URL that never answers (Request Timeout 3 s)', { projectId: 'editor-slow-project', timeoutSeconds: 3 }, /./],
	];
	// n8n 1.x loses an error's cause (ExecutionBaseError declares `cause` as a class field), so its
	// Test never applies a credential's `rules` and shows its own words for 401, 403 and 404.
	const settings = await session.get('/rest/settings');
	const version = String((settings.data || settings).versionCli || '');
	const byRule = /^(a project that does not exist|a key of another project|a refused bearer token)$/;
	for (const [label, changes, expected] of cases) {
		const outcome = await testCredential(session, credential, changes);
		if (byRule.test(label) && version.startsWith('1.') && expected && !expected.test(outcome.message || '')) {
			const summary = `n8n ${version} shows "${outcome.message}": n8n 1.x drops the error's cause, so a credential's rules never apply (a known limit of n8n 1.x)`;
			record({ label: `credential Test: ${label}`, skipped: true, ms: outcome.ms, summary });
			continue;
		}
		const problems = [];
		if (expected === null && outcome.status !== 'OK') problems.push(`expected OK, got ${outcome.status}: ${outcome.message}`);
		if (expected && (outcome.status !== 'Error' || !expected.test(outcome.message))) problems.push(`expected an error matching ${expected}, got ${outcome.status}: ${outcome.message}`);
		if (/PRIVATE KEY/.test(outcome.message || '')) problems.push('the message quotes the key');
		if (label.includes('never answers') && outcome.ms > 30000) problems.push(`took ${Math.round(outcome.ms / 1000)} s: the Request Timeout was not applied`);
		record({ label: `credential Test: ${label}`, ok: problems.length === 0, ms: outcome.ms, problems, summary: `${outcome.status}: ${outcome.message}` });
	}
	emulator.clearFaults();
	await checkUnreachableBaseUrl(session, credential, record);
}

/**
 * Where no server answers: the editor's Save then Test of a new credential (its form holds no access token yet).
 * @param {import('./types').Session} session @param {import('./types').CredentialRecord} credential @param {Record<string, unknown>} data
 */
async function testNewCredential(session, credential, data) {
	return withSavedCopy(session, credential, data, (copy) => testCredential(session, copy, {}));
}

/**
 * A host that accepts connections and never answers (a firewall or proxy that drops traffic).
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
async function silentServer() {
	/** @type {Set<import('node:net').Socket>} */
	const sockets = new Set();
	const server = net.createServer((socket) => sockets.add(socket));
	await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
	return {
		url: `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (server.address()).port}`,
		close: () => {
			for (const socket of sockets) socket.destroy();
			return new Promise((resolve) => server.close(() => resolve()));
		},
	};
}

/**
 * An API Base URL where no server answers, in both Authentication modes: the Test says so and names
 * the field (n8n alone shows "ECONNREFUSED"). A credential that already holds an access token is
 * tested by n8n without its preAuthentication, so the bare code remains there (a known limit).
 * @param {import('./types').Session} session @param {import('./types').CredentialRecord} credential @param {import('./report').Report['record']} record
 */
async function checkUnreachableBaseUrl(session, credential, record) {
	const silent = await silentServer();
	const refused = `http://127.0.0.1:${await freePort()}`;
	/** @type {Array<[string, Record<string, unknown>]>} */
	const modes = [
		['Service Account Key', { ...credential.data, accessToken: '' }],
		['Bearer Token', { ...credential.data, authentication: 'bearerToken', bearerToken: 'editor-check-token', projectId: 'demo-project', accessToken: '' }],
	];
	/** @type {Array<[string, Record<string, unknown>, RegExp]>} */
	const cases = [
		['connection refused', { baseUrl: refused }, /\(connection refused: nothing listens there\)/],
		['unknown host', { baseUrl: 'https://enfonica-api.invalid' }, /\(host not found\)/],
		['never answers (Request Timeout 3 s)', { baseUrl: silent.url, timeoutSeconds: 3 }, /\(no answer within 3 s\)/],
	];
	try {
		for (const [mode, data] of modes) {
			for (const [label, changes, expected] of cases) {
				const outcome = await testNewCredential(session, credential, { ...data, ...changes });
				const clear = outcome.status === 'Error' && /^Could not reach the API Base URL .*Check the credential's API Base URL/.test(outcome.message) && expected.test(outcome.message);
				record({
					label: `credential Test: an API Base URL where no server answers, new credential, ${mode} (${label})`,
					ok: clear,
					ms: outcome.ms,
					problems: clear ? [] : [`expected "Could not reach the API Base URL … ${expected.source} … Check the credential's API Base URL", got ${outcome.status}: ${outcome.message}`],
					summary: `${outcome.status}: ${outcome.message}`,
				});
			}
		}
	} finally {
		await silent.close();
	}
	// Saved from the editor with a new API Base URL: the form holds the stored token (blanked), n8n restores it.
	const stored = await session.get(`/rest/credentials/${credential.id}?includeData=true`);
	const held = await testCredential(session, credential, { ...(stored.data || stored).data, baseUrl: refused });
	record({
		label: 'credential Test: an API Base URL where no server answers, credential already holding a token',
		skipped: true,
		ms: held.ms,
		summary: `n8n shows "${held.message}": a credential holding a token is tested without its preAuthentication, and n8n words a network failure of the Test's own request itself (a known limit, see docs/errors-and-credential-test.md)`,
	});
}

/**
 * One answer of the "From List" dropdown of the Get operation's Phone Number Instance.
 * @param {import('./types').Session} session @param {import('./types').CredentialRecord} credential @param {string} project @param {string} filter
 * @returns {Promise<{ results?: Array<{ name: string, value: string }>, ms: number }>}
 */
async function searchFromList(session, credential, project, filter) {
	const started = Date.now();
	const answer = await session.post('/rest/dynamic-node-parameters/resource-locator-results', {
		nodeTypeAndVersion: { name: NODE_TYPE, version: 1 },
		path: 'parameters.phoneNumberInstance',
		methodName: 'searchPhoneNumberInstances',
		filter,
		currentNodeParameters: {
			resource: 'phoneNumberInstance',
			operation: 'get',
			project,
			phoneNumberInstance: { __rl: true, mode: 'list', value: '' },
		},
		credentials: { [credential.type]: { id: credential.id, name: credential.name } },
	});
	return { ...(answer.data || answer), ms: Date.now() - started };
}

/**
 * "From List" in a large project: an old number by its display name, and a number typed as bare digits.
 * @param {import('./types').Session} session @param {import('./types').Emulator} emulator @param {import('./types').CredentialRecord} credential @param {import('./report').Report['record']} record
 */
async function checkFromList(session, emulator, credential, record) {
	const [old] = emulator.seed(LARGE_PROJECT, [{ phoneNumber: OLD_NUMBER, displayName: 'Back office', createTime: '2020-01-01T00:00:00Z' }]);
	emulator.seedBulk(LARGE_PROJECT, LARGE_SIZE, { startNumber: '+61370500000', displayNamePrefix: 'Line' });
	for (const [label, filter] of [
		[`an old number by display name among ${LARGE_SIZE + 1} ("back office", page ${Math.ceil((LARGE_SIZE + 1) / 100)})`, 'back office'],
		['a number typed as digits without + ("61255509900")', OLD_NUMBER.slice(1)],
	]) {
		const before = emulator.requests.length;
		const answer = await searchFromList(session, credential, LARGE_PROJECT, filter);
		const lists = emulator.requests.slice(before).filter((entry) => entry.path.endsWith('/phoneNumberInstances')).length;
		const values = (answer.results || []).map((result) => result.value);
		const problems = values.includes(old.name) ? [] : [`${old.name} not in the first answer: ${JSON.stringify(answer.results || answer).slice(0, 300)}`];
		record({ label: `"From List": ${label}`, ok: problems.length === 0, ms: answer.ms, problems, summary: `${values.length} result(s), ${lists} list request(s): ${(answer.results || []).map((result) => result.name).join(', ')}` });
	}
}

module.exports = { checkCredentialTests, checkFromList };
