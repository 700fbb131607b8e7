/**
 * examples/aiAgentBuyWithApproval.json runs in a real n8n in `npm run test:n8n` (scripts/n8n/agent.js);
 * here, the shape that keeps it safe: a tool that spends money reaches the agent only through
 * n8n's review for tools, and the model fills only the fields meant for it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

interface ExampleNode {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
}
type Connections = Record<string, Record<string, Array<Array<{ node: string; type: string }>>>>;

const example = JSON.parse(readFileSync(path.resolve(__dirname, '../..', 'examples', 'aiAgentBuyWithApproval.json'), 'utf8')) as {
	nodes: ExampleNode[];
	connections: Connections;
};
const AGENT = '@n8n/n8n-nodes-langchain.agent';
const TOOL = 'n8n-nodes-enfonica.enfonicaTool';

function byName(name: string): ExampleNode {
	const node = example.nodes.find((candidate) => candidate.name === name);
	if (!node) throw new Error(`no node ${name}`);
	return node;
}

/** Where a node's ai_tool output goes. */
function toolTargets(name: string): ExampleNode[] {
	return (example.connections[name]?.ai_tool ?? []).flat().map((target) => byName(target.node));
}

function fromAiNames(value: unknown): string[] {
	return [...JSON.stringify(value).matchAll(/\$fromAI\('([^']+)'/g)].map((match) => match[1]);
}

describe('example: AI agent that buys a number only after approval', () => {
	const tools = example.nodes.filter((node) => node.type === TOOL);

	it('gives the agent Search, Get Many and Create as tools', () => {
		expect(tools.map((node) => `${node.parameters.resource}.${node.parameters.operation}`).sort()).toEqual([
			'phoneNumber.search',
			'phoneNumberInstance.create',
			'phoneNumberInstance.getMany',
		]);
	});

	it('connects Create to the agent only through a review node for tools', () => {
		const create = tools.find((node) => node.parameters.operation === 'create') as ExampleNode;
		const [review, ...others] = toolTargets(create.name);
		expect(others).toEqual([]);
		expect(review.type).toMatch(/HitlTool$/);
		expect(toolTargets(review.name).map((node) => node.type)).toEqual([AGENT]);
	});

	it('connects the free operations straight to the agent', () => {
		for (const node of tools.filter((candidate) => candidate.parameters.operation !== 'create')) {
			expect(toolTargets(node.name).map((target) => target.type)).toEqual([AGENT]);
		}
	});

	it('lets the model fill only the search terms, the listing size and the number to buy', () => {
		const filled = Object.fromEntries(tools.map((node) => [node.parameters.operation as string, fromAiNames(node.parameters).sort()]));
		expect(filled).toEqual({ search: ['countryCode', 'prefix'], getMany: ['limit'], create: ['displayName', 'phoneNumber'] });
	});
});
