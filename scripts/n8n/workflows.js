'use strict';
/** Which workflows the n8n tests import (examples/, fixtures), their ids, and the credential they share. */
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, readJson } = require('./util');
const { PACKAGE_NAME } = require('./install');

const EXAMPLES_DIR = path.join(ROOT, 'examples');
const FIXTURES_DIR = path.join(__dirname, 'fixtures');
const CREDENTIAL_TYPE = 'enfonicaApi';
const CREDENTIAL_NAME = 'Enfonica account';
const DEFAULT_CREDENTIAL_ID = 'enfonica-account';

/** @param {string} dir */
function listJson(dir) {
	if (!fs.existsSync(dir)) return [];
	return fs
		.readdirSync(dir)
		.filter((name) => name.endsWith('.json'))
		.sort()
		.map((name) => path.join(dir, name));
}

/** @param {import('./types').WorkflowNode} node */
function isEnfonicaNode(node) {
	return typeof node.type === 'string' && node.type.startsWith(`${PACKAGE_NAME}.`);
}

/**
 * The polling Enfonica Trigger (the Inbound Trigger is a webhook trigger, checked on its own: inbound.js).
 * @param {import('./types').WorkflowNode} node
 */
function isEnfonicaTrigger(node) {
	return isEnfonicaNode(node) && /Trigger$/.test(node.type) && !isInboundTrigger(node);
}

/** @param {import('./types').WorkflowNode} node */
function isInboundTrigger(node) {
	return node.type === `${PACKAGE_NAME}.enfonicaInboundTrigger`;
}

/**
 * The workflows to import: every examples/*.json; the fixtures in scripts/n8n/fixtures stand in
 * for what the examples lack (all of them when there are no examples, the trigger fixture when
 * no example uses the Enfonica Trigger). ENFONICA_N8N_WORKFLOWS=<folder> imports that folder's
 * *.json instead.
 * @returns {string[]}
 */
function workflowFiles() {
	if (process.env.ENFONICA_N8N_WORKFLOWS) return listJson(path.resolve(process.env.ENFONICA_N8N_WORKFLOWS));
	const examples = listJson(EXAMPLES_DIR);
	const fixtures = listJson(FIXTURES_DIR);
	if (!examples.length) return fixtures;
	/** @param {string} file */
	const hasEnfonicaTrigger = (file) => (readJson(file).nodes || []).some(isEnfonicaTrigger);
	return examples.some(hasEnfonicaTrigger) ? examples : [...examples, ...fixtures.filter(hasEnfonicaTrigger)];
}

/**
 * 16 characters, derived from a stable name so they stay stable. n8n 1.x saves a workflow's static
 * data only for ids of at most 16 characters (isWorkflowIdValid): a 20-character id silently lost
 * every trigger's saved state on 1.123 (the restart drill's losses there).
 * @param {string} name
 */
function workflowId(name) {
	const digest = require('node:crypto').createHash('sha1').update(path.basename(name)).digest('hex');
	return `enf${digest.slice(0, 13)}`;
}

/**
 * The workflow's Enfonica trigger node (polling or inbound); throws when it has none.
 * @param {import('./types').WorkflowInfo} wf
 */
function enfonicaTriggerNode(wf) {
	const node = wf.enfonicaNodes.find((candidate) => /Trigger$/.test(candidate.type));
	if (!node) throw new Error(`${wf.relative} has no Enfonica trigger node`);
	return node;
}

/**
 * Gives a workflow object a stable id (its own if usable) and classifies it.
 * @param {import('./types').Workflow} workflow @param {string} file
 * @returns {import('./types').WorkflowInfo}
 */
function describeWorkflow(workflow, file) {
	const id = typeof workflow.id === 'string' && workflow.id.length > 0 && workflow.id.length <= 16 ? workflow.id : workflowId(file);
	workflow.id = id;
	const nodes = workflow.nodes || [];
	return {
		file,
		relative: path.relative(ROOT, file),
		id,
		name: workflow.name || path.basename(file),
		workflow,
		enfonicaNodes: nodes.filter(isEnfonicaNode),
		isTrigger: nodes.some(isEnfonicaTrigger),
		isInbound: nodes.some(isInboundTrigger),
		manualStart: nodes.some((node) => node.type === 'n8n-nodes-base.manualTrigger'),
		// Its input is pinned data: the editor uses it, `n8n execute` and production runs do not.
		pinnedInput: Object.keys(workflow.pinData || {}).length > 0,
	};
}

/** @param {string[]} files */
function loadWorkflows(files) {
	return files.map((file) => describeWorkflow(readJson(file), file));
}

/**
 * n8n polls at most once a minute; the tests use that, whatever the example says.
 * @template {import('./types').WorkflowInfo} W @param {W} wf @returns {W}
 */
function pollEveryMinute(wf) {
	for (const node of wf.workflow.nodes.filter(isEnfonicaTrigger)) {
		node.parameters = { ...node.parameters, pollTimes: { item: [{ mode: 'everyMinute' }] } };
	}
	return wf;
}

/**
 * Every id under which the workflows reference an Enfonica credential (they share one).
 * @param {import('./types').Workflow[]} workflows
 */
function credentialIds(workflows) {
	/** @type {Set<string>} */
	const ids = new Set();
	for (const workflow of workflows) {
		for (const node of workflow.nodes || []) {
			const ref = node.credentials && node.credentials[CREDENTIAL_TYPE];
			if (ref && typeof ref === 'object' && ref.id) ids.add(String(ref.id));
		}
	}
	return ids.size ? [...ids] : [DEFAULT_CREDENTIAL_ID];
}

/**
 * Credentials for `n8n import:credentials`: plain `data` objects, which n8n encrypts on import.
 * @param {string[]} ids @param {Record<string, unknown>} data
 * @returns {import('./types').CredentialRecord[]}
 */
function credentialRecords(ids, data) {
	return ids.map((id, index) => ({
		id,
		name: index === 0 ? CREDENTIAL_NAME : `${CREDENTIAL_NAME} (${id})`,
		type: CREDENTIAL_TYPE,
		data,
	}));
}

module.exports = {
	CREDENTIAL_NAME,
	CREDENTIAL_TYPE,
	EXAMPLES_DIR,
	FIXTURES_DIR,
	credentialIds,
	credentialRecords,
	describeWorkflow,
	enfonicaTriggerNode,
	isEnfonicaNode,
	isEnfonicaTrigger,
	isInboundTrigger,
	loadWorkflows,
	pollEveryMinute,
	workflowFiles,
	workflowId,
};
