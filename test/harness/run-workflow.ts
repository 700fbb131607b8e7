import { randomUUID } from 'node:crypto';
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import { createRunExecutionData, Workflow } from 'n8n-workflow';
import type {
	ExecutionError,
	IDataObject,
	INode,
	INodeExecutionData,
	IRun,
	IWorkflowBase,
} from 'n8n-workflow';

import { buildAdditionalData } from './additional-data';
import type { HarnessContext } from './context';
import { START_NODE_ALIASES, START_NODE_TYPE } from './start-node';
import type { WorkflowJson, WorkflowRunResult } from './types';

/**
 * Runs a workflow the way n8n runs a manual execution: n8n-core's WorkflowExecute over a
 * real Workflow, with lifecycle hooks, starting at the start node with the given items.
 */
export async function executeWorkflow(
	context: HarnessContext,
	workflowJson: WorkflowJson,
	startItems: IDataObject[] = [{}],
): Promise<WorkflowRunResult> {
	context.captureLogs();
	const workflowData = toWorkflowBase(workflowJson);
	const workflow = new Workflow({
		id: workflowData.id,
		name: workflowData.name,
		nodes: workflowData.nodes,
		connections: workflowData.connections,
		active: false,
		nodeTypes: context.nodeTypes,
		staticData: workflowData.staticData,
		settings: workflowData.settings,
		pinData: workflowData.pinData,
	});
	const startNode = findStartNode(workflow, workflowData.nodes);

	const executionId = randomUUID();
	const hooks = new ExecutionLifecycleHooks('manual', executionId, workflowData);
	const executionOrder: string[] = [];
	hooks.addHandler('nodeExecuteAfter', (nodeName) => {
		executionOrder.push(nodeName);
	});
	const additionalData = buildAdditionalData({
		credentialsHelper: context.credentialsHelper,
		hooks,
		executionId,
		workflowId: workflowData.id,
	});

	const runExecutionData = createRunExecutionData({
		resultData: { pinData: workflowData.pinData },
		executionData: {
			nodeExecutionStack: [
				{
					node: startNode,
					data: { main: [startItems.map((json): INodeExecutionData => ({ json }))] },
					source: null,
				},
			],
		},
	});

	let run: IRun;
	try {
		run = await new WorkflowExecute(additionalData, 'manual', runExecutionData).processRunExecutionData(
			workflow,
		);
	} catch (error) {
		// Raised before the run starts, e.g. WorkflowHasIssuesError for missing parameters:
		// n8n reports these as the execution's error.
		run = {
			data: runExecutionData,
			mode: 'manual',
			startedAt: new Date(),
			stoppedAt: new Date(),
			storedAt: 'db',
			status: 'error',
		};
		run.data.resultData.error = error as ExecutionError;
	}

	const { runData } = run.data.resultData;
	return {
		run,
		runData,
		error: run.data.resultData.error,
		executionOrder,
		outputOf: (nodeName) => runData[nodeName]?.at(-1)?.data?.main?.[0] ?? [],
		staticData: JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject,
	};
}

/** The export's fields, completed into what n8n's lifecycle hooks expect of a saved workflow. */
function toWorkflowBase(json: WorkflowJson): IWorkflowBase {
	const now = new Date();
	return {
		id: json.id ?? 'harness-workflow',
		name: json.name ?? 'Harness workflow',
		active: false,
		isArchived: false,
		activeVersionId: null,
		createdAt: now,
		updatedAt: now,
		nodes: json.nodes,
		connections: json.connections,
		settings: json.settings ?? { executionOrder: 'v1' },
		staticData: json.staticData ?? undefined,
		pinData: json.pinData,
	};
}

/** The manual trigger (run as the harness start node), else whatever n8n would start at. */
function findStartNode(workflow: Workflow, nodes: INode[]): INode {
	const startTypes = [START_NODE_TYPE, ...START_NODE_ALIASES];
	const start =
		nodes.find((node) => startTypes.includes(node.type) && !node.disabled) ?? workflow.getStartNode();
	if (!start) throw new Error('The workflow has no node to start from');
	return workflow.getNode(start.name) ?? start;
}
