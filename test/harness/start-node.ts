import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

/** Type name of the harness's own start node. */
export const START_NODE_TYPE = 'n8n-nodes-harness.start';

/**
 * Start-node types of n8n-nodes-base (not installed here) that example workflows use; the
 * harness runs them as its own start node.
 */
export const START_NODE_ALIASES: readonly string[] = [
	'n8n-nodes-base.manualTrigger',
	'n8n-nodes-base.start',
];

/**
 * Stands in for the Manual Trigger: it outputs the items the harness puts on the execution
 * stack for it (n8n's own test harness seeds its manual trigger the same way), so a test
 * chooses the input items of the node under test.
 */
export class HarnessStartNode implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Harness Start',
		name: 'start',
		group: ['trigger'],
		version: 1,
		description: 'Outputs the items the test harness starts the execution with',
		defaults: { name: 'Start' },
		inputs: [],
		outputs: ['main'],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}
