import { Container } from '@n8n/di';
import { ExecutionLifecycleHooks, PollContext, PollTriggerExecutor } from 'n8n-core';
import { deepCopy, Workflow } from 'n8n-workflow';
import type { IDataObject, INode, INodeExecutionData, IWorkflowBase } from 'n8n-workflow';

import { buildAdditionalData } from './additional-data';
import type { HarnessContext } from './context';
import { latestVersion } from './node-version';
import type { DurableCursorRow, PollArgs, PollResult } from './types';

const TRIGGER_NODE_NAME = 'Trigger';
/** The node's ID stays the same when it is renamed (n8n's editor keeps it). */
const TRIGGER_NODE_ID = 'trigger';
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

	const nodeName = args.nodeName ?? TRIGGER_NODE_NAME;
	const node: INode = {
		id: TRIGGER_NODE_ID,
		name: nodeName,
		type,
		typeVersion: args.typeVersion ?? latestVersion(nodeType.description.version),
		position: [0, 0],
		parameters: args.parameters,
	};
	if (args.credentialId !== undefined) {
		const stored = context.store.get(args.credentialId);
		node.credentials = { [stored.type]: { id: stored.id, name: stored.name } };
	}

	// n8n-workflow's Workflow.getStaticData('node', node) keys a node's static data by its name.
	const staticDataKey = `node:${nodeName}`;
	const initialStaticData: IDataObject = deepCopy(args.workflowStaticData ?? {});
	if (args.staticData) initialStaticData[staticDataKey] = deepCopy(args.staticData);
	const workflow = new Workflow({
		id: WORKFLOW_ID,
		name: 'Harness poll workflow',
		nodes: [node],
		connections: {},
		active: mode === 'trigger',
		nodeTypes: context.nodeTypes,
		staticData: initialStaticData,
	});
	const additionalData = buildAdditionalData({
		credentialsHelper: context.credentialsHelper,
		hooks: new ExecutionLifecycleHooks(mode, 'harness-poll', workflowBase(node)),
		workflowId: WORKFLOW_ID,
	});
	// Workflow's constructor fills in parameter defaults on its own copy of the node.
	const workflowNode = workflow.getNode(nodeName) ?? node;

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
		const durable = args.durableCursor ? stagedCursor(args.durableCursor, () => workflow.getStaticData('node', workflowNode)) : undefined;
		const pollFunctions = new PollContext(
			workflow,
			workflowNode,
			additionalData,
			'trigger',
			'activate',
			(data) => {
				result = data;
				durable?.commit();
			},
			(caught) => {
				error = caught;
			},
			durable && (async () => durable.commit()),
			durable && (async (run) => await durable.run(run)),
			durable && (() => durable.staticData()),
		);
		const executePoll = Container.get(PollTriggerExecutor).create(
			workflow,
			workflowNode,
			pollFunctions,
			() => true,
		);
		try {
			await executePoll(args.activation === true);
		} catch (caught) {
			error = caught as Error;
		}
	}

	const staticData = workflow.staticData as IDataObject & { __dataChanged?: boolean };
	return {
		result,
		// Round-tripped through JSON as n8n's database would: non-JSON state would not survive.
		staticData: JSON.parse(JSON.stringify(staticData[staticDataKey] ?? {})) as IDataObject,
		workflowStaticData: JSON.parse(JSON.stringify(staticData)) as IDataObject,
		staticDataChanged: staticData.__dataChanged === true,
		...(error ? { error } : {}),
	};
}

/** Our model of the CLI side of n8n's durable poll cursors (see DurableCursorRow). */
function stagedCursor(row: DurableCursorRow, workflowStaticData: () => IDataObject) {
	let snapshot: IDataObject | undefined;
	let seed = '';
	return {
		async run<T>(poll: () => Promise<T>): Promise<T> {
			// Created from the workflow's static data when missing (n8n's migration), before the poll runs.
			row.cursor ??= JSON.parse(JSON.stringify(workflowStaticData())) as IDataObject;
			seed = JSON.stringify(row.cursor);
			snapshot = JSON.parse(seed) as IDataObject;
			return await poll();
		},
		staticData(): IDataObject {
			if (!snapshot) throw new Error('the node read its static data outside of a poll');
			return snapshot;
		},
		/** Writes the copy to the row when the node changed it (n8n's takeStagedCursor + advanceCursor). */
		commit() {
			const now = JSON.stringify(snapshot);
			if (snapshot === undefined || now === seed) return;
			seed = now;
			row.cursor = JSON.parse(now) as IDataObject;
		},
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
