import type { INode, INodeCredentials } from 'n8n-workflow';

import type { HarnessContext } from './context';
import { latestVersion } from './node-version';
import { executeWorkflow } from './run-workflow';
import { START_NODE_TYPE } from './start-node';
import type { RunNodeArgs, RunResult } from './types';

export const DEFAULT_NODE_TYPE = 'n8n-nodes-enfonica.enfonica';

const START_NODE_NAME = 'Start';
const NODE_UNDER_TEST_NAME = 'Node Under Test';

/** Runs one node in a real two-node workflow: start node → node under test. */
export async function runSingleNode(context: HarnessContext, args: RunNodeArgs): Promise<RunResult> {
	const type = args.nodeType ?? DEFAULT_NODE_TYPE;
	const nodeType = context.nodeTypes.getByNameAndVersion(type, args.typeVersion);
	const typeVersion = args.typeVersion ?? latestVersion(nodeType.description.version);

	const node: INode = {
		id: 'node-under-test',
		name: NODE_UNDER_TEST_NAME,
		type,
		typeVersion,
		position: [200, 0],
		parameters: args.parameters,
		...(args.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	};
	if (args.credentialId !== undefined) {
		node.credentials = credentialsFor(context, nodeType.description.credentials, args.credentialId);
	}

	const result = await executeWorkflow(
		context,
		{
			nodes: [
				{
					id: 'start',
					name: START_NODE_NAME,
					type: START_NODE_TYPE,
					typeVersion: 1,
					position: [0, 0],
					parameters: {},
				},
				node,
			],
			connections: {
				[START_NODE_NAME]: {
					main: [[{ node: NODE_UNDER_TEST_NAME, type: 'main', index: 0 }]],
				},
			},
		},
		args.items ?? [{}],
	);

	const task = result.runData[NODE_UNDER_TEST_NAME]?.at(-1);
	const outputs = task?.data?.main?.map((items) => items ?? []) ?? [];
	return {
		items: outputs[0] ?? [],
		outputs,
		error: task?.error ?? result.error,
		runData: result.runData,
		run: result.run,
	};
}

/** `{ <credential type>: { id, name } }`, the type being the one the node declares. */
function credentialsFor(
	context: HarnessContext,
	declared: Array<{ name: string }> | undefined,
	credentialId: string,
): INodeCredentials {
	const stored = context.store.get(credentialId);
	const declaresIt = declared?.some(({ name }) => name === stored.type);
	if (!declaresIt) {
		throw new Error(`The node does not declare credential type "${stored.type}"`);
	}
	return { [stored.type]: { id: stored.id, name: stored.name } };
}
