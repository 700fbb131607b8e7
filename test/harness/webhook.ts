/**
 * A webhook trigger the way n8n hosts one, through n8n-core's own contexts:
 * - activation / deactivation: for each of the node's webhooks, `checkExists` then `create` when it
 *   answers false (n8n's WebhookService.createWebhookIfNotExists), each in a `HookContext`; when one
 *   fails, `delete` for every webhook (n8n's clearWebhooks); the static data is saved after
 *   activation and a deactivation starts from the saved copy, as n8n's ActiveWorkflowManager does;
 * - requests: a loopback HTTP server in place of n8n's webhook server. It reads the raw body as
 *   n8n's body parser does (`rawBody`, `body`), adds the few express methods nodes use
 *   (`header()`, `status()`), runs the node's `webhook()` in a `WebhookContext`, answers as n8n's
 *   executeWebhook does for what it returns, and when it returns items runs the execution with
 *   n8n-core's WorkflowExecute (the trigger's items on the stack, as n8n's prepareExecutionData).
 * What it does not host: a Respond to Webhook node (n8n-nodes-base); such a request is answered
 * 501 here after the execution, and recorded as left to that node.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { ExecutionLifecycleHooks, HookContext, WebhookContext } from 'n8n-core';
import { createRunExecutionData, NodeHelpers, Workflow } from 'n8n-workflow';
import type { IDataObject, INode, INodeParameters, IRun, IWebhookData, IWebhookDescription, IWorkflowBase, IWorkflowExecuteAdditionalData } from 'n8n-workflow';
import { WorkflowExecute } from 'n8n-core';

import { buildAdditionalData } from './additional-data';
import type { HarnessContext } from './context';
import { latestVersion } from './node-version';

const NODE_NAME = 'Inbound';

export interface HostedExecution {
	/** What the trigger node output (the execution's first node). */
	items: IDataObject[];
	run: IRun;
}

export interface HostedRequest {
	webhook: string;
	status: number;
	contentType?: string;
	body: string;
	/** Whether n8n would wait for a Respond to Webhook node to answer. */
	leftToResponseNode: boolean;
}

export interface HostedWebhookTrigger {
	/** Production URL of each of the node's webhooks, by webhook name. */
	urls: Record<string, string>;
	/** The static data as n8n saved it (after activation / deactivation). */
	readonly savedStaticData: IDataObject;
	readonly executions: HostedExecution[];
	readonly requests: HostedRequest[];
	activate(): Promise<void>;
	deactivate(): Promise<void>;
	/** Replaces the node's parameters (an edit before the next publish). */
	setParameters(parameters: INodeParameters): void;
}

export interface WebhookHost {
	baseUrl: string;
	/** A workflow holding the trigger (named `Inbound`), with a credential from the harness store. */
	trigger(args: { parameters: INodeParameters; credentialId: string; nodeType: string; workflowId?: string }): HostedWebhookTrigger;
	close(): Promise<void>;
}

interface Route {
	hosted: HostedTriggerImpl;
	webhook: IWebhookDescription;
}

type HarnessRequest = IncomingMessage & { rawBody: Buffer };

async function readBody(req: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

/** n8n's rawBodyReader + parseBody (JSON), and the express methods a node may call. */
function asExpressRequest(req: IncomingMessage, rawBody: Buffer, baseUrl: string): HarnessRequest {
	const url = new URL(req.url ?? '/', baseUrl);
	let body: unknown = {};
	if (rawBody.length > 0) {
		try {
			body = JSON.parse(rawBody.toString('utf8'));
		} catch {
			body = {};
		}
	}
	return Object.assign(req, {
		rawBody,
		body,
		query: Object.fromEntries(url.searchParams),
		params: {},
		originalUrl: req.url,
		contentType: String(req.headers['content-type'] ?? '').split(';')[0].trim(),
		header: (name: string) => req.headers[name.toLowerCase()],
	}) as HarnessRequest;
}

function asExpressResponse(res: ServerResponse): ServerResponse & { status(code: number): ServerResponse } {
	return Object.assign(res, {
		status(code: number) {
			res.statusCode = code;
			return res;
		},
	});
}

class HostedTriggerImpl implements HostedWebhookTrigger {
	urls: Record<string, string> = {};
	savedStaticData: IDataObject = {};
	readonly executions: HostedExecution[] = [];
	readonly requests: HostedRequest[] = [];
	private node: INode;
	/** n8n gives every webhook node its own id, the first segment of its URLs. */
	private readonly webhookId = randomUUID();
	/** The running workflow (n8n keeps it in memory while active). */
	private live?: Workflow;

	constructor(
		private readonly context: HarnessContext,
		private readonly host: WebhookHostImpl,
		args: { parameters: INodeParameters; credentialId: string; nodeType: string; workflowId?: string },
		readonly workflowId: string,
	) {
		const stored = context.store.get(args.credentialId);
		const nodeType = context.nodeTypes.getByNameAndVersion(args.nodeType);
		this.node = {
			id: 'inbound',
			name: NODE_NAME,
			type: args.nodeType,
			typeVersion: latestVersion(nodeType.description.version),
			position: [0, 0],
			parameters: args.parameters,
			webhookId: this.webhookId,
			credentials: { [stored.type]: { id: stored.id, name: stored.name } },
		};
		for (const webhook of this.descriptions()) this.urls[webhook.name] = `${host.baseUrl}/webhook/${this.pathOf(webhook)}`;
	}

	setParameters(parameters: INodeParameters): void {
		this.node = { ...this.node, parameters };
	}

	descriptions(): IWebhookDescription[] {
		return this.context.nodeTypes.getByNameAndVersion(this.node.type).description.webhooks ?? [];
	}

	pathOf(webhook: IWebhookDescription): string {
		return NodeHelpers.getNodeWebhookPath(this.workflowId, this.node, webhook.path, false, false);
	}

	/** A Workflow as n8n builds it from the database row: the saved static data. */
	private newWorkflow(): Workflow {
		return new Workflow({
			id: this.workflowId,
			name: 'Harness webhook workflow',
			nodes: [this.node],
			connections: {},
			active: true,
			nodeTypes: this.context.nodeTypes,
			staticData: JSON.parse(JSON.stringify(this.savedStaticData)) as IDataObject,
			settings: { executionOrder: 'v1' },
		});
	}

	additionalData(): IWorkflowExecuteAdditionalData {
		return {
			...buildAdditionalData({ credentialsHelper: this.context.credentialsHelper, workflowId: this.workflowId }),
			webhookBaseUrl: `${this.host.baseUrl}/webhook`,
			webhookTestBaseUrl: `${this.host.baseUrl}/webhook-test`,
		};
	}

	private webhookData(workflow: Workflow, webhook: IWebhookDescription, additionalData: IWorkflowExecuteAdditionalData): IWebhookData {
		return {
			httpMethod: webhook.httpMethod as IWebhookData['httpMethod'],
			node: NODE_NAME,
			path: this.pathOf(webhook),
			webhookDescription: webhook,
			workflowId: workflow.id,
			workflowExecuteAdditionalData: additionalData,
			webhookId: this.webhookId,
		};
	}

	private async runMethod(workflow: Workflow, webhook: IWebhookDescription, method: 'checkExists' | 'create' | 'delete', activation: 'activate' | 'update'): Promise<boolean | undefined> {
		const nodeType = this.context.nodeTypes.getByNameAndVersion(this.node.type);
		const fn = nodeType.webhookMethods?.[webhook.name]?.[method];
		if (!fn) return undefined;
		const node = workflow.getNode(NODE_NAME) as INode;
		const additionalData = this.additionalData();
		const mode = method === 'delete' ? 'internal' : 'trigger';
		const context = new HookContext(workflow, node, additionalData, mode, activation, this.webhookData(workflow, webhook, additionalData));
		return await fn.call(context);
	}

	private save(workflow: Workflow): void {
		this.savedStaticData = JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
	}

	async activate(): Promise<void> {
		this.context.captureLogs();
		const workflow = this.newWorkflow();
		try {
			for (const webhook of this.descriptions()) {
				if (!(await this.runMethod(workflow, webhook, 'checkExists', 'activate'))) await this.runMethod(workflow, webhook, 'create', 'activate');
			}
		} catch (error) {
			// n8n's clearWebhooks: every webhook's delete, from the saved workflow; errors there are only logged.
			try {
				await this.deleteAll(this.newWorkflow());
			} catch {
				// logged by n8n, not thrown
			}
			throw error;
		}
		this.save(workflow);
		this.live = workflow;
		for (const webhook of this.descriptions()) this.host.routes.set(`/webhook/${this.pathOf(webhook)}`, { hosted: this, webhook });
	}

	private async deleteAll(workflow: Workflow): Promise<void> {
		for (const webhook of this.descriptions()) await this.runMethod(workflow, webhook, 'delete', 'update');
		this.save(workflow);
	}

	async deactivate(): Promise<void> {
		this.context.captureLogs();
		for (const webhook of this.descriptions()) this.host.routes.delete(`/webhook/${this.pathOf(webhook)}`);
		this.live = undefined;
		await this.deleteAll(this.newWorkflow());
	}

	async handle(route: Route, req: IncomingMessage, res: ServerResponse): Promise<void> {
		this.context.captureLogs();
		const workflow = this.live ?? this.newWorkflow();
		const node = workflow.getNode(NODE_NAME) as INode;
		const additionalData: IWorkflowExecuteAdditionalData = { ...this.additionalData(), httpRequest: asExpressRequest(req, await readBody(req), this.host.baseUrl) as never, httpResponse: asExpressResponse(res) as never };
		const webhookData = this.webhookData(workflow, route.webhook, additionalData);
		const context = new WebhookContext(workflow, node, additionalData, 'trigger', webhookData, [], null);
		const nodeType = this.context.nodeTypes.getByNameAndVersion(this.node.type);
		const responseMode = workflow.expression.getSimpleParameterValue(node, route.webhook.responseMode ?? 'onReceived', 'trigger', {}, undefined, 'onReceived');
		let leftToResponseNode = false;
		const result = await nodeType.webhook!.call(context);
		if (result.workflowData === undefined) {
			if (!result.noWebhookResponse) res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ message: 'Webhook call received' }));
		} else {
			if (!result.noWebhookResponse) {
				if (responseMode === 'responseNode') leftToResponseNode = true;
				else res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ message: 'Workflow was started' }));
			}
			this.executions.push(await this.execute(workflow, node, result.workflowData as never));
			if (leftToResponseNode) res.writeHead(501).end('no Respond to Webhook node in the test harness');
		}
		this.requests.push({ webhook: route.webhook.name, status: res.statusCode, contentType: res.getHeader('content-type') as string | undefined, body: '', leftToResponseNode });
	}

	/** The execution n8n starts with the trigger's items (WorkflowExecute passes a webhook node's data through). */
	private async execute(workflow: Workflow, node: INode, data: IDataObject[][]): Promise<HostedExecution> {
		const executionId = randomUUID();
		const workflowBase: IWorkflowBase = {
			id: this.workflowId,
			name: workflow.name ?? '',
			active: true,
			isArchived: false,
			activeVersionId: null,
			createdAt: new Date(),
			updatedAt: new Date(),
			nodes: [node],
			connections: {},
		};
		const additionalData = buildAdditionalData({
			credentialsHelper: this.context.credentialsHelper,
			hooks: new ExecutionLifecycleHooks('webhook', executionId, workflowBase),
			executionId,
			workflowId: this.workflowId,
		});
		const runExecutionData = createRunExecutionData({ executionData: { nodeExecutionStack: [{ node, data: { main: data as never }, source: null }] } });
		const run = await new WorkflowExecute(additionalData, 'webhook', runExecutionData).processRunExecutionData(workflow);
		const output = run.data.resultData.runData[NODE_NAME]?.[0]?.data?.main?.[0] ?? [];
		return { items: output.map((item) => item.json), run };
	}
}

class WebhookHostImpl implements WebhookHost {
	readonly routes = new Map<string, Route>();
	baseUrl = '';
	private counter = 0;

	constructor(
		private readonly context: HarnessContext,
		readonly server: Server,
	) {}

	trigger(args: { parameters: INodeParameters; credentialId: string; nodeType: string; workflowId?: string }): HostedWebhookTrigger {
		return new HostedTriggerImpl(this.context, this, args, args.workflowId ?? `harness-webhook-${++this.counter}`);
	}

	async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const route = this.routes.get(new URL(req.url ?? '/', this.baseUrl).pathname);
		// n8n: an unknown webhook is a 404 (nothing registered there, or the workflow is inactive).
		if (!route || req.method !== route.webhook.httpMethod) {
			res.writeHead(404, { 'Content-Type': 'application/json' }).end(JSON.stringify({ message: 'The requested webhook is not registered.' }));
			return;
		}
		try {
			await route.hosted.handle(route, req, res);
		} catch (error) {
			// n8n answers a webhook function's failure with a 500 and its generic message.
			if (!res.headersSent) res.writeHead(500).end(JSON.stringify({ message: 'Error in workflow' }));
			route.hosted.requests.push({ webhook: route.webhook.name, status: 500, body: (error as Error).message, leftToResponseNode: false });
		}
	}

	async close(): Promise<void> {
		await new Promise<void>((resolve) => {
			this.server.close(() => resolve());
			this.server.closeAllConnections();
		});
	}
}

/** Starts the loopback webhook server; activate triggers on it with `host.trigger(…).activate()`. */
export async function startWebhookHost(context: HarnessContext): Promise<WebhookHost> {
	const server = createServer();
	const host = new WebhookHostImpl(context, server);
	server.on('request', (req, res) => void host.handle(req, res));
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	host.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return host;
}
