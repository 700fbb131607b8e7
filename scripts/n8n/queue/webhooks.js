'use strict';
/**
 * Starting workflows through main in queue mode. `n8n execute` runs a workflow in its own
 * process, never on a worker; a production webhook is how real traffic reaches a queue-mode
 * main, which enqueues the execution for a worker. So each manual example gets a copy whose
 * Manual Trigger is replaced, under the same node name (its connections stay as they are), by a
 * Webhook node answering at once ("onReceived"); the test then reads the execution main recorded.
 */
const crypto = require('node:crypto');
const { describeWorkflow, workflowId } = require('../workflows');
const { executionDetail, executionsOf } = require('../editorApi');
const { sleep } = require('../util');

/**
 * A webhook-started copy of a manual workflow (a new id, so both can live in one database).
 * @param {import('../types').WorkflowInfo} wf @returns {import('../types').WorkflowInfo & { webhookPath: string, original: import('../types').WorkflowInfo }}
 */
function webhookCopy(wf) {
	const workflow = JSON.parse(JSON.stringify(wf.workflow));
	const id = workflowId(`webhook-${wf.relative}`);
	const pathSegment = `enfonica-${id}`;
	workflow.id = id;
	workflow.name = `${wf.name} (webhook)`;
	workflow.active = false;
	workflow.nodes = workflow.nodes.map((/** @type {import('../types').WorkflowNode} */ node) =>
		node.type === 'n8n-nodes-base.manualTrigger'
			? {
					id: node.id,
					name: node.name,
					position: node.position,
					type: 'n8n-nodes-base.webhook',
					typeVersion: 2,
					webhookId: crypto.randomUUID(),
					parameters: { httpMethod: 'POST', path: pathSegment, responseMode: 'onReceived', options: {} },
				}
			: node,
	);
	const copy = describeWorkflow(workflow, wf.file);
	return Object.assign(copy, { relative: wf.relative, original: wf, webhookPath: pathSegment });
}

/**
 * POSTs to the workflow's production webhook on main and waits for the execution it started to
 * finish (a worker runs it). Returns { execution, ms } or throws.
 * @param {import('../types').Install} install @param {import('../types').Session} session @param {string} mainUrl @param {import('../types').WorkflowInfo} wf
 * @param {{ timeoutMs?: number, body?: unknown }} [options]
 */
async function runThroughWebhook(install, session, mainUrl, wf, { timeoutMs = 90000, body = {} } = {}) {
	const started = Date.now();
	const before = new Set((await executionsOf(session, wf.id)).map((execution) => String(execution.id)));
	const response = await fetch(`${mainUrl}/webhook/${wf.webhookPath}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	if (!response.ok) throw new Error(`POST /webhook/${wf.webhookPath}: HTTP ${response.status} ${(await response.text()).slice(0, 300)}`);
	for (;;) {
		const fresh = (await executionsOf(session, wf.id)).filter((execution) => !before.has(String(execution.id)));
		const done = fresh.find((execution) => execution.finished || ['success', 'error', 'crashed', 'canceled'].includes(execution.status));
		if (done) return { execution: await executionDetail(install, session, done.id), ms: Date.now() - started };
		if (Date.now() - started > timeoutMs) throw new Error(`no finished execution of ${wf.relative} ${timeoutMs / 1000} s after the webhook call (${fresh.map((execution) => `${execution.id}:${execution.status}`).join(', ') || 'none recorded'})`);
		await sleep(500);
	}
}

module.exports = { runThroughWebhook, webhookCopy };
