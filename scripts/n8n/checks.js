'use strict';
/**
 * What test:n8n asserts about a workflow's output, independent of n8n: plain functions over the
 * run data n8n printed and the emulator's state afterwards. Checks are derived from the node's
 * own parameters, so new or edited examples are checked without listing expectations here.
 */

const INSTANCE_NAME = /^projects\/([^/]+)\/phoneNumberInstances\/[^/]+$/;

/**
 * '+61 2 5550 1100' -> '+61255501100'; national '02 5550 1100' -> '+61255501100' (AU only).
 * @param {unknown} value @param {string} [country] @returns {string | null}
 */
function toE164(value, country = 'AU') {
	if (typeof value !== 'string' && typeof value !== 'number') return null;
	const compact = String(value).replace(/[^\d+]/g, '');
	if (/^\+\d{6,15}$/.test(compact)) return compact;
	if (/^0\d{5,14}$/.test(compact) && String(country || 'AU').toUpperCase() === 'AU') return `+61${compact.slice(1)}`;
	return null;
}

/**
 * Every phone-number-instance-shaped object in a value (simplified or raw API shape).
 * @param {any} value @param {Record<string, any>[]} [found] @returns {Record<string, any>[]}
 */
function findInstances(value, found = []) {
	if (Array.isArray(value)) {
		for (const entry of value) findInstances(entry, found);
	} else if (value && typeof value === 'object') {
		if (typeof value.name === 'string' && INSTANCE_NAME.test(value.name)) found.push(value);
		for (const entry of Object.values(value)) if (entry && typeof entry === 'object') findInstances(entry, found);
	}
	return found;
}

/**
 * The numbers an instance covers, from either output shape.
 * @param {Record<string, any>} instance
 */
function numbersOf(instance) {
	const phone = typeof instance.phoneNumber === 'string' ? instance.phoneNumber : instance.phoneNumber && instance.phoneNumber.phoneNumber;
	const range = instance.range || instance.phoneNumberRange || null;
	const start = range && (range.start || range.startPhoneNumber);
	const end = range && (range.end || range.endPhoneNumber);
	const size = range && Number(range.size);
	return { phone: phone || start || null, start: start || null, end: end || null, size: size || null };
}

/** @param {Record<string, any>} instance @param {string} e164 */
function covers(instance, e164) {
	const { phone, start, end } = numbersOf(instance);
	if (phone === e164) return true;
	if (start && end && start.length === e164.length) return start <= e164 && e164 <= end;
	return false;
}

/** @param {Record<string, any>} instance */
function describe(instance) {
	const { phone, size } = numbersOf(instance);
	const state = instance.lifecycleState ? ` ${instance.lifecycleState}` : '';
	return `${phone || instance.name}${size && size > 1 ? ` (range of ${size})` : ''}${state}`;
}

/** @param {import('./types').WorkflowNode} node @param {string} dotted @returns {any} */
function parameter(node, dotted) {
	let value = node.parameters || {};
	for (const key of dotted.split('.')) {
		if (value === null || typeof value !== 'object') return undefined;
		value = value[key];
	}
	if (value && typeof value === 'object' && value.__rl) return value.value;
	return value;
}

/** @param {import('./types').WorkflowNode} node */
function locatorValue(node) {
	const locator = (node.parameters || {}).phoneNumberInstance;
	if (!locator || typeof locator !== 'object') return { mode: undefined, value: locator };
	return { mode: locator.mode, value: locator.value };
}

/** @param {string} name */
function projectOf(name) {
	const match = INSTANCE_NAME.exec(name || '');
	return match ? match[1] : null;
}

/**
 * Phone Number → Search: numbers for sale that match the node's country, type and capabilities.
 * @param {import('./types').WorkflowNode} node @param {import('./types').Item[]} items
 */
function checkNumberSearch(node, items) {
	const problems = [];
	const country = String(parameter(node, 'countryCode') || '').trim().toUpperCase();
	const numberType = parameter(node, 'filters.numberType');
	const capabilities = parameter(node, 'filters.capabilities') || [];
	const limit = parameter(node, 'returnAll') ? Infinity : Number(parameter(node, 'limit') || 50);
	if (items.length === 0) problems.push('found no number for sale');
	if (items.length > limit) problems.push(`limit ${limit}, got ${items.length} numbers`);
	for (const { json } of items) {
		const number = typeof json.phoneNumber === 'string' ? json.phoneNumber : '';
		if (!/^\+\d{6,15}$/.test(number)) problems.push(`no E.164 phone number in ${JSON.stringify(json).slice(0, 120)}`);
		if ((json.country || json.countryCode) !== country) problems.push(`${number}: country ${json.country || json.countryCode}, asked for ${country}`);
		if (numberType && json.numberType !== numberType) problems.push(`${number}: ${json.numberType}, asked for ${numberType}`);
		for (const capability of capabilities) if (!(json.capabilities || []).includes(capability)) problems.push(`${number}: no ${capability}`);
	}
	return { problems, summary: `search: ${items.length} number${items.length === 1 ? '' : 's'} for sale${items[0] ? ` — ${items[0].json.phoneNumber}` : ''}` };
}

/**
 * Checks one Enfonica action node's output; `emulator` is the emulator after the run,
 * `before` the instance names that existed before it. Returns { problems, summary }.
 * @param {import('./types').WorkflowNode} node @param {import('./types').Item[]} items @param {import('./types').Emulator} emulator @param {Set<string>} before
 * @returns {{ problems: string[], summary: string }}
 */
function checkActionNode(node, items, emulator, before) {
	if (parameter(node, 'resource') === 'phoneNumber') return checkNumberSearch(node, items);
	const problems = [];
	const operation = parameter(node, 'operation');
	const instances = items.map((item) => findInstances(item.json));
	const all = instances.flat();
	const country = parameter(node, 'options.defaultCountry') || parameter(node, 'additionalFields.defaultCountry') || 'AU';

	if (items.length === 0) problems.push('produced no items');
	instances.forEach((found, index) => {
		if (found.length === 0) problems.push(`item ${index} holds no phone number instance: ${JSON.stringify(items[index].json).slice(0, 200)}`);
	});
	for (const instance of all) {
		const { phone } = numbersOf(instance);
		if (!phone || !/^\+\d{6,15}$/.test(phone)) problems.push(`${instance.name}: no E.164 phone number in the output`);
	}

	const { mode, value } = locatorValue(node);
	const target = mode === 'phoneNumber' ? toE164(value, country) : null;
	/** @param {Record<string, any>} instance */
	const stored = (instance) => emulator.getInstance(instance.name);

	switch (operation) {
		case 'get':
			if (items.length !== 1) problems.push(`expected 1 item, got ${items.length}`);
			if (target && all[0] && !covers(all[0], target)) problems.push(`asked for ${target}, got ${describe(all[0])}`);
			break;
		case 'getMany': {
			const states = parameter(node, 'filters.lifecycleStates') || [];
			const compliance = parameter(node, 'filters.compliant') || 'any';
			const match = parameter(node, 'filters.match') || 'all';
			const limit = parameter(node, 'returnAll') ? Infinity : Number(parameter(node, 'limit') || 50);
			if (all.length > limit) problems.push(`limit ${limit}, got ${all.length} instances`);
			for (const instance of all) {
				const tests = [];
				if (states.length) tests.push(states.includes(instance.lifecycleState || 'ACTIVE'));
				if (compliance === 'compliant') tests.push(instance.compliant !== false);
				if (compliance === 'nonCompliant') tests.push(instance.compliant === false);
				const ok = tests.length === 0 || (match === 'any' ? tests.some(Boolean) : tests.every(Boolean));
				if (!ok) problems.push(`${describe(instance)} (compliant: ${instance.compliant}) does not match the filters`);
			}
			break;
		}
		case 'create': {
			const wanted = toE164(parameter(node, 'phoneNumber'), country);
			if (items.length !== 1) problems.push(`expected 1 item, got ${items.length}`);
			for (const instance of all) {
				if (before.has(instance.name)) problems.push(`${instance.name} existed before the run`);
				if (!stored(instance)) problems.push(`${instance.name} is not in the emulator`);
				if (wanted && !covers(instance, wanted)) problems.push(`asked to create ${wanted}, got ${describe(instance)}`);
			}
			break;
		}
		case 'update': {
			const displayName = parameter(node, 'updateFields.displayName');
			for (const instance of all) {
				const saved = stored(instance);
				if (!saved) problems.push(`${instance.name} is not in the emulator`);
				if (target && !covers(instance, target)) problems.push(`asked to update ${target}, got ${describe(instance)}`);
				if (displayName !== undefined) {
					if (instance.displayName !== displayName) problems.push(`output displayName "${instance.displayName}", expected "${displayName}"`);
					if (saved && saved.displayName !== displayName) problems.push(`emulator displayName "${saved.displayName}", expected "${displayName}"`);
				}
			}
			break;
		}
		case 'delete':
			for (const instance of all) {
				const saved = stored(instance);
				if (target && !covers(instance, target)) problems.push(`asked to delete ${target}, got ${describe(instance)}`);
				if (saved && saved.lifecycleState !== 'DELETED') problems.push(`${instance.name} is ${saved.lifecycleState} in the emulator, not DELETED`);
			}
			break;
		case 'move': {
			const destination = String(parameter(node, 'destinationProject') || '').replace(/^projects\//, '');
			for (const instance of all) {
				if (destination && projectOf(instance.name) !== destination) problems.push(`${instance.name} is not in project ${destination}`);
				if (!stored(instance)) problems.push(`${instance.name} is not in the emulator`);
				if (target && !covers(instance, target)) problems.push(`asked to move ${target}, got ${describe(instance)}`);
			}
			break;
		}
		case 'splitRange': {
			const size = Number(parameter(node, 'size'));
			if (all.length !== 2) problems.push(`expected the two halves, got ${all.length} instances`);
			else {
				const [first, second] = all.map(numbersOf);
				if (size && first.size !== size) problems.push(`first range has ${first.size} numbers, expected ${size}`);
				if (target && !covers(all[0], target)) problems.push(`asked to split the range of ${target}, first half is ${describe(all[0])}`);
				if (first.end && second.start && !(first.end < second.start)) problems.push(`the halves overlap: ${first.end} / ${second.start}`);
				for (const instance of all) if (!stored(instance)) problems.push(`${instance.name} is not in the emulator`);
			}
			break;
		}
		default:
			break;
	}
	const shown = all.slice(0, 4).map(describe).join(', ') + (all.length > 4 ? `, … (${all.length})` : '');
	return { problems, summary: `${operation}: ${items.length} item${items.length === 1 ? '' : 's'}${shown ? ` — ${shown}` : ''}` };
}

/**
 * The alerts a trigger node should emit when `suspended` becomes SUSPENDED and `nonCompliant`
 * loses compliance, from its own parameters.
 * @param {import('./types').WorkflowNode} node @param {{ suspended: string, nonCompliant: string }} changes
 */
function expectedAlerts(node, { suspended, nonCompliant }) {
	const events = parameter(node, 'events') || ['lifecycleStateChanged'];
	const states = parameter(node, 'lifecycleStates') || [];
	const prefix = toE164(parameter(node, 'filters.prefix')) || String(parameter(node, 'filters.prefix') || '');
	/** @param {string} number */
	const inPrefix = (number) => !prefix || number.startsWith(prefix.replace(/[^\d+]/g, ''));
	const expected = [];
	if (events.includes('lifecycleStateChanged') && (states.length === 0 || states.includes('SUSPENDED')) && inPrefix(suspended)) {
		expected.push({ number: suspended, event: 'lifecycleStateChanged' });
	}
	if (events.includes('complianceChanged') && inPrefix(nonCompliant)) expected.push({ number: nonCompliant, event: 'complianceChanged' });
	return expected;
}

/** @param {import('./types').Item[]} items @param {Array<{ number: string, event: string }>} expected */
function checkAlerts(items, expected) {
	const problems = [];
	const seen = items.map((item) => {
		const [instance] = findInstances(item.json);
		return { number: instance ? numbersOf(instance).phone : null, event: item.json.event, json: item.json };
	});
	if (seen.length !== expected.length) problems.push(`expected ${expected.length} alert(s), got ${seen.length}`);
	for (const want of expected) {
		if (!seen.some((got) => got.number === want.number && (!got.event || got.event === want.event))) {
			problems.push(`no ${want.event} alert for ${want.number}`);
		}
	}
	for (const got of seen) {
		if (!expected.some((want) => want.number === got.number)) problems.push(`unexpected alert: ${JSON.stringify(got.json).slice(0, 200)}`);
	}
	const summary = seen.map((got) => `${got.event || 'alert'} ${got.number}`).join(', ') || 'no alerts';
	return { problems, summary };
}

/**
 * The last run of a node in an execution's runData: whether it ran, its error, status and items.
 * @param {import('./types').RunData} runData @param {string} nodeName
 */
function nodeItems(runData, nodeName) {
	const runs = runData[nodeName] || [];
	const last = runs[runs.length - 1];
	return {
		ran: runs.length > 0,
		error: last && last.error,
		status: last && last.executionStatus,
		items: (last && last.data && last.data.main && last.data.main[0]) || [],
	};
}

/**
 * Checks a finished run of a manual example (however it was started): no execution error, each
 * Enfonica node ran and did what its parameters say, and the emulator saw authenticated calls.
 * `before`: the instance names that existed before the run.
 * @param {import('./types').WorkflowInfo} wf @param {{ status?: string, data: import('./types').Execution["data"] }} run @param {import('./types').Emulator} emulator @param {Set<string>} before
 */
function checkRun(wf, run, emulator, before) {
	const problems = [];
	const summaries = [];
	const { resultData } = run.data;
	if (resultData.error) problems.push(`execution error: ${resultData.error.message}${resultData.error.description ? ` — ${resultData.error.description}` : ''}`);
	if (run.status && run.status !== 'success') problems.push(`execution status ${run.status}`);
	for (const node of wf.enfonicaNodes) {
		const { ran, error, status, items } = nodeItems(resultData.runData || {}, node.name);
		if (!ran) {
			problems.push(`node "${node.name}" did not run`);
			continue;
		}
		if (error) problems.push(`node "${node.name}" failed: ${error.message}${error.description ? ` — ${error.description}` : ''}`);
		if (status && status !== 'success') problems.push(`node "${node.name}" status ${status}`);
		const checked = checkActionNode(node, items, emulator, before);
		problems.push(...checked.problems.map((problem) => `"${node.name}": ${problem}`));
		summaries.push(checked.summary);
	}
	const calls = emulator.requests.filter((entry) => entry.path.startsWith('/v1beta1/'));
	if (!calls.some((entry) => entry.status >= 200 && entry.status < 300 && entry.principal)) {
		problems.push('no successful authenticated request reached the emulator');
	}
	summaries.push(`emulator saw ${calls.map((entry) => `${entry.method} ${entry.status}`).join(', ') || 'nothing'}`);
	return { problems, summary: summaries.join('; ') };
}

/**
 * The names of every instance in the sample projects, deleted ones included.
 * @param {import('./types').Emulator} emulator @param {string[]} [projects]
 */
function instanceNames(emulator, projects = ['demo-project', 'demo-project-2']) {
	return new Set(projects.flatMap((project) => emulator.listStored(project, { includeDeleted: true }).map((instance) => instance.name)));
}

module.exports = { checkActionNode, checkAlerts, checkRun, expectedAlerts, findInstances, instanceNames, nodeItems, numbersOf, toE164 };
