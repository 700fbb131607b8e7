'use strict';
/** n8n's REST API as the editor uses it: the owner account, a logged-in session, execution data. */
const path = require('node:path');
const { spawnSync } = require('node:child_process');

/**
 * The editor's owner account. n8n >= 2.x takes it from N8N_INSTANCE_OWNER_* (a bcrypt hash).
 * @param {import('./types').Install} install @returns {import('./types').Owner}
 */
function ownerAccount(install) {
	const email = process.env.ENFONICA_N8N_OWNER_EMAIL || 'demo@example.com';
	const password = process.env.ENFONICA_N8N_OWNER_PASSWORD || 'Enfonica-demo-1';
	const hash = spawnSync(
		install.node,
		['-e', 'process.stdout.write(require("bcryptjs").hashSync(process.argv[1], 10))', password],
		{ cwd: path.join(path.dirname(install.n8n), '..'), encoding: 'utf8' },
	).stdout;
	const envManaged = Number(install.version.split('.')[0]) >= 2 && /^\$2[aby]\$/.test(hash || '');
	/** @type {Record<string, string>} */
	const env = envManaged
		? {
				N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
				N8N_INSTANCE_OWNER_EMAIL: email,
				N8N_INSTANCE_OWNER_PASSWORD_HASH: hash,
				N8N_INSTANCE_OWNER_FIRST_NAME: 'Demo',
				N8N_INSTANCE_OWNER_LAST_NAME: 'Owner',
			}
		: {};
	return { email, password, envManaged, env };
}

/**
 * Makes sure the owner account exists: n8n >= 2 created it from N8N_INSTANCE_OWNER_* at start;
 * older n8n gets it through the owner set-up call the editor's first-visit form makes.
 * Returns 'env', 'created' or 'existing' (set up earlier, perhaps with another password).
 * @param {string} url @param {import('./types').Owner} owner
 */
async function ensureOwner(url, owner) {
	if (owner.envManaged) return 'env';
	const response = await fetch(`${url}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ email: owner.email, firstName: 'Demo', lastName: 'Owner', password: owner.password }),
	});
	if (response.ok) return 'created';
	const text = await response.text();
	if (/already set ?up/i.test(text)) return 'existing';
	throw new Error(`owner set-up failed: HTTP ${response.status} ${text.slice(0, 300)}`);
}

/**
 * A logged-in session against n8n's REST API (the calls the editor makes).
 * @param {string} url @param {string} email @param {string} password
 * @returns {Promise<import('./types').Session>}
 */
async function login(url, email, password) {
	const response = await fetch(`${url}/rest/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ emailOrLdapLoginId: email, email, password }),
	});
	if (!response.ok) throw new Error(`login as ${email} failed: HTTP ${response.status} ${await response.text()}`);
	const cookie = (response.headers.getSetCookie ? response.headers.getSetCookie() : [response.headers.get('set-cookie')])
		.filter((value) => value !== null)
		.map((value) => value.split(';')[0])
		.join('; ');
	/** @param {string} method @param {string} pathname @param {unknown} [body] @returns {Promise<any>} */
	const request = async (method, pathname, body) => {
		const res = await fetch(`${url}${pathname}`, {
			method,
			headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		if (!res.ok) throw new Error(`${method} ${pathname}: HTTP ${res.status} ${(await res.text()).slice(0, 300)}`);
		return await res.json();
	};
	return {
		get: (pathname) => request('GET', pathname),
		post: (pathname, body) => request('POST', pathname, body),
		patch: (pathname, body) => request('PATCH', pathname, body),
		delete: (pathname) => request('DELETE', pathname),
	};
}

/**
 * /rest/executions answers { data: { results, count } } (2.x, 1.x) or { data: [...] } (older).
 * @param {any} response @returns {any[]}
 */
function listBody(response) {
	const data = response && response.data !== undefined ? response.data : response;
	return Array.isArray(data) ? data : (data && data.results) || [];
}

/**
 * n8n stores execution data "flatted"; its own copy of the flatted package reads it.
 * @param {import('./types').Install} install @param {string} text @returns {any}
 */
function parseFlatted(install, text) {
	const n8nModules = path.join(path.dirname(install.n8n), '..', '..');
	const flatted = require(require.resolve('flatted', { paths: [path.join(n8nModules, 'n8n')] }));
	return flatted.parse(text);
}

/**
 * The executions of one workflow, newest first.
 * @param {import('./types').Session} session @param {string} workflowId @returns {Promise<any[]>}
 */
async function executionsOf(session, workflowId) {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	return listBody(await session.get(`/rest/executions?filter=${filter}`));
}

/**
 * One execution with its run data parsed.
 * @param {import('./types').Install} install @param {import('./types').Session} session @param {string} id
 * @returns {Promise<import('./types').Execution & Record<string, any>>}
 */
async function executionDetail(install, session, id) {
	const detail = await session.get(`/rest/executions/${id}`);
	const execution = detail.data || detail;
	const data = typeof execution.data === 'string' ? parseFlatted(install, execution.data) : execution.data;
	return { ...execution, data };
}

module.exports = { ensureOwner, executionDetail, executionsOf, listBody, login, ownerAccount, parseFlatted };
