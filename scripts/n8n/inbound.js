'use strict';
/**
 * The Enfonica Inbound Trigger in a real n8n (regular or queue mode), end to end with the
 * emulator: publish → the number lists n8n's URLs first and the old ones after → the emulator
 * delivers a signed message → one execution with it → a badly signed and an unsigned request →
 * 401, no execution → a call answered with the workflow's VoiceML → unpublish → our URLs gone,
 * the others kept. In queue mode, each execution must have run on a worker.
 */
const path = require('node:path');
const { nodeItems } = require('./checks');
const { executionDetail, executionsOf } = require('./editorApi');
const { instanceByNumber, resetEmulator, storedInstance } = require('./emulator');
const { activate, deactivate } = require('./topologies');
const { readJson, sleep, waitFor } = require('./util');
const { describeWorkflow } = require('./workflows');

const FIXTURE = path.join(__dirname, 'fixtures', 'inbound-trigger.json');
/** Calls answered by a Respond to Webhook node (its version 1: later versions accept only n8n's own webhook triggers before them). */
const RESPOND_FIXTURE = path.join(__dirname, 'fixtures', 'inbound-respond.json');
const RESPOND_NUMBER = '+61255501000'; // sample: Sydney reception
const NUMBER = '+61491570156'; // sample: On-call mobile, message and call handlers already set
const PROJECT = 'demo-project';

/** @typedef {(label: string, problems: string[], summary: string, started: number) => void} Step Records one step of the check. */

/** The workflows the check publishes (imported with the others). */
function inboundWorkflows() {
	return [FIXTURE, RESPOND_FIXTURE].map((file) => describeWorkflow(readJson(file), file));
}

/**
 * Call Response "Respond to Webhook Node": the workflow's Respond to Webhook node answers the call.
 * @param {{ install: import('./types').Install, session: import('./types').Session, emulator: import('./types').Emulator, wf: import('./types').WorkflowInfo, step: Step, cluster?: import('./queue/cluster').Cluster }} context
 */
async function checkRespondNode({ install, session, emulator, wf, step, cluster }) {
	const started = Date.now();
	const number = instanceByNumber(emulator, PROJECT, RESPOND_NUMBER);
	const patches = () => emulator.requests.filter((entry) => entry.method === 'PATCH' && entry.endedAt > 0).length;
	const before = patches();
	await activate(install, session, wf.id);
	await waitFor(() => patches() > before, 30000, 250);
	const problems = [];
	const call = await emulator.deliverCall(number.name, { from: '+61400000042' });
	/** @type {Partial<import('./types').DeliveryAttempt>} */
	const answer = call.answer || {};
	const expected = '<?xml version="1.0" encoding="UTF-8"?><Response><Say>Hello, caller +61400000042.</Say></Response>';
	if (!answer.url || !/\/webhook\/[^/]+\/call$/.test(answer.url) || answer.status !== 200) problems.push(`call answers: ${JSON.stringify(call.attempts.map((a) => [a.url, a.status, a.body.slice(0, 120)]))}`);
	if (answer.body !== expected) problems.push(`answered ${JSON.stringify(answer.body)}`);
	if (!/^text\/xml\b/.test(answer.contentType || '')) problems.push(`content type ${answer.contentType}`);
	const executions = await finishedExecutions(session, wf.id, 1, 30000);
	const worker = cluster && executions ? cluster.workerOf(executions[0].id) : null;
	if (!executions) problems.push('no execution');
	else if (executions[0].status !== 'success') problems.push(`execution status ${executions[0].status}`);
	if (cluster && executions && !worker) problems.push(`no worker logged execution ${executions[0].id}`);
	const afterPublish = patches();
	await deactivate(install, session, wf.id);
	await waitFor(() => patches() > afterPublish, 30000, 250);
	const after = storedInstance(emulator, number.name);
	if (JSON.stringify(after.incomingCallHandlerUris || []) !== JSON.stringify(number.incomingCallHandlerUris || [])) problems.push(`calls after unpublish ${JSON.stringify(after.incomingCallHandlerUris)}`);
	step('Call Response "Respond to Webhook Node": the workflow\'s answer reaches the caller', problems, `${answer.status} ${answer.contentType}: ${answer.body}${worker ? `; execution on ${worker}` : ''}`, started);
}

/** @param {unknown} a @param {unknown} b */
function same(a, b) {
	return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The workflow's finished executions, newest first, once there are `count`.
 * @param {import('./types').Session} session @param {string} workflowId @param {number} count @param {number} timeoutMs
 */
async function finishedExecutions(session, workflowId, count, timeoutMs) {
	return await waitFor(async () => {
		const list = await executionsOf(session, workflowId);
		const finished = list.filter((execution) => !['running', 'new', 'waiting', 'queued'].includes(execution.status));
		return finished.length >= count ? finished : null;
	}, timeoutMs, 500);
}

/**
 * Runs the check and records one line per step. `cluster` (queue mode) names the worker of each
 * execution. The emulator is reset to its sample data first.
 * @param {{ install: import('./types').Install, session: import('./types').Session, emulator: import('./types').Emulator, workflows: import('./types').WorkflowInfo[], report: import('./report').Report, cluster?: import('./queue/cluster').Cluster, labelSuffix?: string }} context
 */
async function checkInbound({ install, session, emulator, workflows, report, cluster, labelSuffix = '' }) {
	const [wf, respondWf] = workflows;
	const node = wf.workflow.nodes[0];
	/** @type {Step} */
	const step = (label, problems, summary, started) => {
		report.record({ label: `inbound trigger${labelSuffix}: ${label}`, ok: problems.length === 0, ms: Date.now() - started, problems, summary });
	};
	resetEmulator(emulator);
	const number = instanceByNumber(emulator, PROJECT, NUMBER);
	const oldMessage = number.incomingMessageHandlerUris || [];
	const oldCall = number.incomingCallHandlerUris || [];

	let started = Date.now();
	await activate(install, session, wf.id);
	// n8n may finish registering after the REST call returns: wait for both lists' PATCHes.
	await waitFor(() => emulator.requests.filter((entry) => entry.method === 'PATCH' && entry.endedAt > 0).length >= 2, 30000, 250);
	const published = storedInstance(emulator, number.name);
	const publishedMessage = published.incomingMessageHandlerUris || [];
	const publishedCall = published.incomingCallHandlerUris || [];
	const ourMessage = publishedMessage[0];
	const ourCall = publishedCall[0];
	if (!/\/webhook\//.test(ourMessage || '') || !/\/webhook\//.test(ourCall || '')) {
		step('publish puts n8n\'s URLs first, the old ones after', [`no n8n URL on the number after 30 s: ${JSON.stringify(published)}; emulator saw ${emulator.requests.map((entry) => `${entry.method} ${entry.path} ${entry.status}`).join(', ')}`], '', started);
		await deactivate(install, session, wf.id);
		return;
	}
	{
		const problems = [];
		if (!/\/webhook\/[^/]+\/message$/.test(ourMessage || '')) problems.push(`message list does not start with n8n's URL: ${JSON.stringify(published.incomingMessageHandlerUris)}`);
		if (!/\/webhook\/[^/]+\/call$/.test(ourCall || '')) problems.push(`call list does not start with n8n's URL: ${JSON.stringify(published.incomingCallHandlerUris)}`);
		if (!same(publishedMessage.slice(1), oldMessage)) problems.push(`message list after n8n's URL: ${JSON.stringify(publishedMessage.slice(1))}, expected ${JSON.stringify(oldMessage)}`);
		if (!same(publishedCall.slice(1), oldCall)) problems.push(`call list after n8n's URL: ${JSON.stringify(publishedCall.slice(1))}, expected ${JSON.stringify(oldCall)}`);
		const masks = emulator.requests.filter((entry) => entry.method === 'PATCH').map((entry) => entry.query.updateMask);
		if (!same(masks.sort(), ['incomingCallHandlerUris', 'incomingMessageHandlerUris'])) problems.push(`PATCH update masks: ${JSON.stringify(masks)}`);
		step('publish puts n8n\'s URLs first, the old ones after', problems, `messages ${JSON.stringify(published.incomingMessageHandlerUris)}; calls ${JSON.stringify(published.incomingCallHandlerUris)}`, started);
	}

	started = Date.now();
	const delivery = await emulator.deliverMessage(number.name, { body: 'Server room temperature alarm ✓' });
	const afterMessage = await finishedExecutions(session, wf.id, 1, 60000);
	{
		const problems = [];
		if (!delivery.answer || delivery.answer.url !== ourMessage || delivery.answer.status !== 200) problems.push(`delivery answers: ${JSON.stringify(delivery.attempts.map((a) => [a.url, a.status]))}`);
		let summary = '';
		if (!afterMessage) problems.push('no execution within 60 s');
		else {
			if (afterMessage.length !== 1) problems.push(`${afterMessage.length} executions, expected 1`);
			const execution = await executionDetail(install, session, afterMessage[0].id);
			const { items, error } = nodeItems(execution.data.resultData.runData || {}, node.name);
			const payload = JSON.parse(delivery.payload);
			const item = items[0] && items[0].json;
			if (error) problems.push(`trigger failed: ${error.message}`);
			if (execution.status !== 'success') problems.push(`execution status ${execution.status}`);
			if (items.length !== 1 || !item) problems.push(`${items.length} items`);
			else {
				const { event, receivedAt, ...rest } = item;
				if (event !== 'incomingMessage' || !receivedAt || !same(rest, payload)) problems.push(`item ${JSON.stringify(item)} is not { event, ...${delivery.payload}, receivedAt }`);
			}
			const worker = cluster ? cluster.workerOf(afterMessage[0].id) : null;
			if (cluster && !worker) problems.push(`no worker logged execution ${afterMessage[0].id}`);
			summary = `execution ${afterMessage[0].id}${worker ? ` on ${worker}` : ''}: ${item ? `${item.event} from ${item.from}, "${item.body}"` : '?'}`;
		}
		step('a signed message starts one execution with it', problems, summary, started);
	}

	started = Date.now();
	{
		const body = JSON.stringify({ name: `projects/${PROJECT}/messages/forged`, to: NUMBER, from: '+61400000000', body: 'forged' });
		const headers = { 'Content-Type': 'application/json; charset=utf-8', 'X-Enfonica-Event': 'INCOMING_MESSAGE' };
		const bad = await fetch(ourMessage, { method: 'POST', headers: { ...headers, 'X-Enfonica-Signature': 'HRv3qywr7arnYqvWQcu+TW6cwhu3HED4osHHuEcUgTA=' }, body });
		const unsigned = await fetch(ourMessage, { method: 'POST', headers, body });
		await sleep(3000);
		const list = await executionsOf(session, wf.id);
		const problems = [];
		if (bad.status !== 401) problems.push(`badly signed: HTTP ${bad.status}`);
		if (unsigned.status !== 401) problems.push(`unsigned: HTTP ${unsigned.status}`);
		if (list.length !== 1) problems.push(`${list.length} executions, expected still 1`);
		step('a badly signed and an unsigned request: 401, no execution', problems, `HTTP ${bad.status}, ${unsigned.status}; ${list.length} execution(s)`, started);
	}

	started = Date.now();
	{
		const call = await emulator.deliverCall(number.name);
		const afterCall = await finishedExecutions(session, wf.id, 2, 60000);
		const problems = [];
		/** @type {Partial<import('./types').DeliveryAttempt>} */
		const answer = call.answer || {};
		if (answer.url !== ourCall || answer.status !== 200) problems.push(`call answers: ${JSON.stringify(call.attempts.map((a) => [a.url, a.status]))}`);
		if (!/^text\/xml\b/.test(answer.contentType || '')) problems.push(`content type ${answer.contentType}`);
		if (answer.body !== (node.parameters || {}).voiceml) problems.push(`answered ${JSON.stringify(answer.body)}`);
		let summary = `${answer.status} ${answer.contentType}: ${String(answer.body || '').replace(/\s+/g, ' ').slice(0, 90)}`;
		if (!afterCall) problems.push('no second execution within 60 s');
		else {
			const execution = await executionDetail(install, session, afterCall[0].id);
			const { items } = nodeItems(execution.data.resultData.runData || {}, node.name);
			const item = items[0] && items[0].json;
			if (!item || item.event !== 'incomingCall' || !same(item.call, JSON.parse(call.payload).call)) problems.push(`call item ${JSON.stringify(item)}`);
			const worker = cluster ? cluster.workerOf(afterCall[0].id) : null;
			if (cluster && !worker) problems.push(`no worker logged execution ${afterCall[0].id}`);
			summary += `; execution ${afterCall[0].id}${worker ? ` on ${worker}` : ''}`;
		}
		step('a call is answered with the VoiceML, one more execution', problems, summary, started);
	}

	started = Date.now();
	const patchesBefore = emulator.requests.filter((entry) => entry.method === 'PATCH').length;
	await deactivate(install, session, wf.id);
	await waitFor(() => emulator.requests.filter((entry) => entry.method === 'PATCH' && entry.endedAt > 0).length >= patchesBefore + 2, 30000, 250);
	{
		const after = storedInstance(emulator, number.name);
		const problems = [];
		if (!same(after.incomingMessageHandlerUris || [], oldMessage)) problems.push(`messages ${JSON.stringify(after.incomingMessageHandlerUris)}, expected ${JSON.stringify(oldMessage)}`);
		if (!same(after.incomingCallHandlerUris || [], oldCall)) problems.push(`calls ${JSON.stringify(after.incomingCallHandlerUris)}, expected ${JSON.stringify(oldCall)}`);
		step('unpublish removes n8n\'s URLs, the others stay', problems, `messages ${JSON.stringify(after.incomingMessageHandlerUris)}; calls ${JSON.stringify(after.incomingCallHandlerUris)}`, started);
	}

	if (respondWf) await checkRespondNode({ install, session, emulator, wf: respondWf, step, cluster });
}

module.exports = { checkInbound, inboundWorkflows };
