/**
 * The shapes the scripts in scripts/n8n pass around (their JSDoc refers to these). Objects built
 * in one place are typed there (`ReturnType<typeof …>`); these are the ones that come from outside:
 * n8n's workflow JSON and REST answers, and what several files share.
 */
import type { Emulator } from '../../test/emulator';

export type { Emulator };
export type { RequestLogEntry } from '../../test/emulator';

/** A real n8n to run: its Node.js binary, its `bin/n8n` script and its version. */
export interface Install {
	node: string;
	n8n: string;
	version: string;
}

/** A node of a workflow file, as n8n exports it. */
export interface WorkflowNode {
	id?: string;
	name: string;
	type: string;
	typeVersion?: number;
	position?: number[];
	webhookId?: string;
	parameters?: Record<string, any>;
	credentials?: Record<string, { id: string; name: string }>;
}

/** A workflow file (examples/*.json, scripts/n8n/fixtures/*.json), as n8n exports it. */
export interface Workflow {
	id?: string;
	name?: string;
	active?: boolean;
	nodes: WorkflowNode[];
	connections?: Record<string, any>;
	settings?: Record<string, unknown>;
	pinData?: Record<string, unknown>;
	[key: string]: unknown;
}

/** A workflow as the tests import it: workflows.js's describeWorkflow, plus what a mode adds. */
export interface WorkflowInfo {
	file: string;
	relative: string;
	id: string;
	name: string;
	workflow: Workflow;
	enfonicaNodes: WorkflowNode[];
	isTrigger: boolean;
	isInbound: boolean;
	manualStart: boolean;
	pinnedInput: boolean;
	/** queue/webhooks.js: the production webhook path of a webhook-started copy. */
	webhookPath?: string;
	/** queue/webhooks.js: the workflow a webhook-started copy was made from. */
	original?: WorkflowInfo;
	/** drill.js: the case a drill workflow runs. */
	drillCase?: DrillCase;
}

export interface DrillCase {
	key: string;
	project: string;
	number: string;
	title: string;
}

/** A service-account credential for `n8n import:credentials` (workflows.js, agent.js). */
export interface CredentialRecord {
	id: string;
	name: string;
	type: string;
	data: Record<string, any>;
}

/** A logged-in session against n8n's REST API (editorApi.js login); answers are n8n's JSON. */
export interface Session {
	get(pathname: string): Promise<any>;
	post(pathname: string, body?: unknown): Promise<any>;
	patch(pathname: string, body?: unknown): Promise<any>;
	delete(pathname: string): Promise<any>;
}

/** The editor's owner account (editorApi.js ownerAccount). */
export interface Owner {
	email: string;
	password: string;
	envManaged: boolean;
	/** N8N_INSTANCE_OWNER_* for n8n >= 2, else empty. */
	env: Record<string, string>;
}

/** One PASS / FAIL / SKIP line of a report (report.js). */
export interface CheckResult {
	label: string;
	ok?: boolean;
	skipped?: boolean;
	ms?: number;
	problems?: string[];
	summary?: string;
}

/** A long-running n8n process (n8n.js startProcess). */
export interface N8nProcess {
	child: import('node:child_process').ChildProcess;
	readyMs: number;
	/** The last 20,000 characters it printed. */
	output(): string;
	/** Everything it printed since it started. */
	fullOutput(): string;
	exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
	stop(): Promise<void>;
}

/** `n8n start` (n8n.js startServer). */
export interface N8nServer extends N8nProcess {
	url: string;
	port: number;
}

/** A node's last run in an execution's run data, as n8n stores it (the parts the checks read). */
export interface NodeRun {
	error?: { message: string; description?: string };
	executionStatus?: string;
	data?: { main: Array<Item[] | null> };
}

/** An execution's run data, keyed by node name. */
export type RunData = Record<string, NodeRun[]>;

/** An execution as the REST API (executionDetail) or `n8n execute --rawOutput` gives it. */
export interface Execution {
	id: string;
	status?: string;
	mode?: string;
	finished?: boolean;
	stoppedAt?: string | null;
	data: { resultData: { runData?: RunData; error?: { message: string; description?: string } } };
}

/** An item of a node's output. */
export interface Item {
	json: Record<string, any>;
}

/** How the restart drill runs n8n (topologies.js): one `n8n start`, or queue mode. */
export interface Topology {
	label: string;
	restartLabel: string;
	/** The logged-in session on n8n (main); start() logs in. */
	readonly session: Session;
	/** Queue mode: which worker ran an execution. */
	workerOf?(executionId: string): string | null;
	prepare(workflows: WorkflowInfo[]): Promise<void>;
	start(): Promise<void>;
	restart(whileDown: () => Promise<void>): Promise<void>;
	reactivate(id: string): Promise<void>;
	rename(id: string, from: string, to: string): Promise<void>;
	stopAll(): Promise<void>;
}

export type { DeliveryAttempt } from '../../test/emulator';

/** A node or credential type as the editor lists it (/types/nodes.json, /types/credentials.json). */
export interface TypeDescription {
	name: string;
	displayName: string;
}
