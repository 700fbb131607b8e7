/**
 * The harness's runWorkflow: a whole workflow (run-workflow.ts), against a tiny fixture package shaped like ours
 * (test/harness/fixture) and its loopback API, so these checks do not move with our nodes.
 */
import type { WorkflowJson } from '.';
import { NODE_TYPE, useHarnessFixture } from '../support/harnessFixture';

const fixture = useHarnessFixture();

describe('runWorkflow', () => {
	it('runs an exported workflow as-is, with its manual trigger and mapped credentials', async () => {
		const workflow: WorkflowJson = {
			name: 'Get an item',
			nodes: [
				{
					id: '1',
					name: 'When clicking ‘Execute workflow’',
					type: 'n8n-nodes-base.manualTrigger',
					typeVersion: 1,
					position: [0, 0],
					parameters: {},
				},
				{
					id: '2',
					name: 'Get item',
					type: NODE_TYPE,
					typeVersion: 1,
					position: [220, 0],
					parameters: { itemId: '={{ $json.id }}' },
					credentials: { fixtureApi: { id: 'exported-credential-id', name: 'Fixture account' } },
				},
			],
			connections: {
				'When clicking ‘Execute workflow’': {
					main: [[{ node: 'Get item', type: 'main', index: 0 }]],
				},
			},
		};

		const result = await fixture.harness.runWorkflow(workflow, {
			credentialIdMap: { 'exported-credential-id': fixture.credentialId },
			startItems: [{ id: 'b' }],
		});

		expect(result.error).toBeUndefined();
		expect(result.executionOrder).toEqual(['When clicking ‘Execute workflow’', 'Get item']);
		expect(result.outputOf('Get item').map((item) => item.json)).toEqual([{ id: 'b', name: 'Item B' }]);
		expect(result.run.status).toBe('success');
	});
});
