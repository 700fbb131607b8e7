import type {
	ExecutionError,
	ICredentialTypes,
	IConnections,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeTypes,
	IPinData,
	IRun,
	IRunData,
	IWorkflowSettings,
} from 'n8n-workflow';

import type { CredentialStore } from './credential-store';
import type { HarnessCredentialsHelper } from './credentials-helper';
import type { CapturedLog } from './log-capture';
import type { WebhookHost } from './webhook';

export interface HarnessOptions {
	/** Directory of the package to load (its package.json `n8n` section). Default: repo root. */
	packageDir?: string;
}

export interface RunNodeArgs {
	parameters: INodeParameters;
	/** Id of a credential in `harness.credentials`, attached under the node's credential type. */
	credentialId?: string;
	/** JSON of the node's input items. Default `[{}]`. */
	items?: IDataObject[];
	/** Sets the node's "On Error" to "Continue" (`onError: 'continueRegularOutput'`). */
	continueOnFail?: boolean;
	typeVersion?: number;
	/** Default `n8n-nodes-enfonica.enfonica`. */
	nodeType?: string;
}

export interface RunResult {
	/** First output of the node under test (empty when it failed or did not run). */
	items: INodeExecutionData[];
	/** All outputs of the node under test. */
	outputs: INodeExecutionData[][];
	/** The node's error as n8n records it in runData, else the execution's error (e.g. parameter issues). */
	error?: ExecutionError;
	runData: IRunData;
	/** The whole execution as n8n would save it. */
	run: IRun;
}

/** An n8n workflow export (the JSON the editor copies / `n8n export:workflow` writes). */
export interface WorkflowJson {
	nodes: INode[];
	connections: IConnections;
	id?: string;
	name?: string;
	settings?: IWorkflowSettings;
	staticData?: IDataObject | null;
	pinData?: IPinData;
	[key: string]: unknown;
}

export interface RunWorkflowOptions {
	/** Credential ids used in the export → ids in `harness.credentials`. */
	credentialIdMap?: Record<string, string>;
	/** JSON of the items the start node outputs. Default `[{}]`. */
	startItems?: IDataObject[];
}

export interface WorkflowRunResult {
	run: IRun;
	runData: IRunData;
	/** The execution's error (n8n shows it on the failing node), if any. */
	error?: ExecutionError;
	/** Names of the nodes in the order they finished. */
	executionOrder: string[];
	/** First output of a node's last run. */
	outputOf(nodeName: string): INodeExecutionData[];
	/** The workflow's static data after the run, as n8n would save it. */
	staticData: IDataObject;
}

export interface PollArgs {
	parameters: INodeParameters;
	credentialId?: string;
	/** The node's static data from the previous poll (as n8n saved it with the workflow, under `node:<name>`). */
	staticData?: IDataObject;
	/**
	 * The workflow's whole static data (`global`, `node:<name>` of each node) as n8n saved it;
	 * `staticData`, when given too, replaces this node's part.
	 */
	workflowStaticData?: IDataObject;
	/** The trigger node's name (n8n keys a node's static data by it). Default 'Trigger'. */
	nodeName?: string;
	/** 'trigger': a scheduled poll of an active workflow. 'manual': "Fetch Test Event". */
	mode?: 'trigger' | 'manual';
	/** The poll n8n runs when it activates the workflow (PollTriggerExecutor's `testingTrigger`): n8n commits no durable cursor when it returns null. */
	activation?: boolean;
	/**
	 * n8n's durable poll cursors (see DurableCursorRow): the node's static data is a plain copy of
	 * this row, and the row moves only when n8n commits it. Undefined: static data lives in the workflow.
	 */
	durableCursor?: DurableCursorRow;
	typeVersion?: number;
	/** Default: the package's only polling node, e.g. `n8n-nodes-enfonica.enfonicaTrigger`. */
	nodeType?: string;
}

/**
 * The poller_state row of n8n's durable poll cursors, as n8n 2.40.7's CLI handles it
 * (trigger-execution-context.factory.js, poll-cursor.service.js): before a poll the row is read,
 * or created from the workflow's static data; the node works on a plain copy of it; the copy is
 * committed when the poll emits (with its execution), or alone when a scheduled poll returns
 * null (n8n-core's PollTriggerExecutor skips that for the activation poll).
 */
export interface DurableCursorRow {
	cursor?: IDataObject;
}

export interface PollResult {
	/** What poll() returned: null when there was nothing new. */
	result: INodeExecutionData[][] | null;
	/** The node's static data after the poll, JSON round-tripped as n8n stores it. */
	staticData: IDataObject;
	/** The workflow's whole static data after the poll, JSON round-tripped as n8n stores it. */
	workflowStaticData: IDataObject;
	/** Whether n8n would have saved the static data (the node changed it). */
	staticDataChanged: boolean;
	/** The poll's error, as n8n would report it (activation failure / error execution). */
	error?: Error;
}

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

export interface Harness {
	nodeTypes: INodeTypes;
	credentialTypes: ICredentialTypes;
	credentials: CredentialStore;
	/** The ICredentialsHelper the engine gets, for helpers that build their own node contexts. */
	credentialsHelper: HarnessCredentialsHelper;
	addCredential(data: IDataObject, opts?: { id?: string; name?: string; type?: string }): {
		id: string;
		name: string;
	};
	runNode(args: RunNodeArgs): Promise<RunResult>;
	runWorkflow(workflow: WorkflowJson, opts?: RunWorkflowOptions): Promise<WorkflowRunResult>;
	poll(args: PollArgs): Promise<PollResult>;
	/** A loopback stand-in for n8n's webhook server, to activate webhook triggers on (see webhook.ts). */
	webhookHost(): Promise<WebhookHost>;
	testCredential(
		credential: IDataObject | { credentialId: string },
	): Promise<CredentialTestResult>;
	logs: CapturedLog[];
}
