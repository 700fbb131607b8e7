import { Container } from '@n8n/di';
import { ExecutionLifecycleHooks, PollContext, PollTriggerExecutor } from 'n8n-core';
import { deepCopy, Workflow } from 'n8n-workflow';
import type { IDataObject, INode, INodeExecutionData, IWorkflowBase } from 'n8n-workflow';

import { buildAdditionalData } from './additional-data';
import type { HarnessContext } from './context';
import { latestVersion } from './node-version';
import type { PollArgs, PollResult } from './types';

const TRIGGER_NODE_NAME = 'Trigger';
const WORKFLOW_ID = 'harness-poll-workflow';

/**
 * One poll of a polling trigger, through the code n8n runs it with:
 * - 'trigger': a scheduled poll of an active workflow. n8n builds
 *   `new PollContext(workflow, node, additionalData, 'trigger', activation)` and hands it to
 *   n8n-core's PollTriggerExecutor, which calls poll() and then emits the items (a new
 *   execution) or reports the error (an error execution).
 * - 'manual': "Fetch Test Event". WorkflowExecute.executePollNode calls poll() with
 *   `new PollContext(workflow, node, additionalData, 'manual', 'manual')`.
 * The node's static data goes in and comes out the way n8n keeps it with the workflow.
 */
export async function pollOnce(context: HarnessContext, args: PollArgs): Promise<PollResult> {
	context.captureLogs();
	const type = args.nodeType ?? defaultPollingNodeType(context);
	const nodeType = context.nodeTypes.getByNameAndVersion(type, args.typeVersion);
	const mode = args.mode ?? 'trigger';
	const { poll } = nodeType;
	if (!poll) throw new Error(`${type} has no poll() method`);

	const node: INode = {
		id: 'trigger',
		name: TRIGGER_NODE_NAME,
		type,
		typeVersion: args.typeVersion ?? latestVersion(nodeType.description.version),
		position: [0, 0],
		parameters: args.parameters,
	};
	if (args.credentialId !== undefined) {
		const stored = context.store.get(args.credentialId);
		node.credentials = { [stored.type]: { id: stored.id, name: stored.name } };
	}

	const staticDataKey = `node:${TRIGGER_NODE_NAME}`;
	const workflow = new Workflow({
		id: WORKFLOW_ID,
		name: 'Harness poll workflow',
		nodes: [node],
		connections: {},
		active: mode === 'trigger',
		nodeTypes: context.nodeTypes,
		staticData: args.staticData ? { [staticDataKey]: deepCopy(args.staticData) } : {},
	});
	const additionalData = buildAdditionalData({
		credentialsHelper: context.credentialsHelper,
		hooks: new ExecutionLifecycleHooks(mode, 'harness-poll', workflowBase(node)),
		workflowId: WORKFLOW_ID,
	});
	// Workflow's constructor fills in parameter defaults on its own copy of the node.
	const workflowNode = workflow.getNode(TRIGGER_NODE_NAME) ?? node;

	let result: INodeExecutionData[][] | null = null;
	let error: Error | undefined;
	if (mode === 'manual') {
		const pollFunctions = new PollContext(workflow, workflowNode, additionalData, 'manual', 'manual');
		try {
			result = (await poll.call(pollFunctions)) ?? null;
		} catch (caught) {
			error = caught as Error;
		}
	} else {
		const pollFunctions = new PollContext(
			workflow,
			workflowNode,
			additionalData,
			'trigger',
			'activate',
			(data) => {
				result = data;
			},
			(caught) => {
				error = caught;
			},
		);
		const executePoll = Container.get(PollTriggerExecutor).create(
			workflow,
			workflowNode,
			pollFunctions,
			() => true,
		);
		try {
			await executePoll(false);
		} catch (caught) {
			error = caught as Error;
		}
	}

	const staticData = workflow.staticData as IDataObject & { __dataChanged?: boolean };
	return {
		result,
		// Round-tripped through JSON as n8n's database would: non-JSON state would not survive.
		staticData: JSON.parse(JSON.stringify(staticData[staticDataKey] ?? {})) as IDataObject,
		staticDataChanged: staticData.__dataChanged === true,
		...(error ? { error } : {}),
	};
}

function defaultPollingNodeType(context: HarnessContext): string {
	const polling = context.nodeTypes
		.packageNodeTypes()
		.filter((name) => context.nodeTypes.getByNameAndVersion(name).description.polling === true);
	if (polling.length !== 1) {
		throw new Error(`Pass nodeType: the package has ${polling.length} polling nodes`);
	}
	return polling[0];
}

function workflowBase(node: INode): IWorkflowBase {
	const now = new Date();
	return {
		id: WORKFLOW_ID,
		name: 'Harness poll workflow',
		active: true,
		isArchived: false,
		activeVersionId: null,
		createdAt: now,
		updatedAt: now,
		nodes: [node],
		connections: {},
	};
}
