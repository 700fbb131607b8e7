/**
 * Test harness: runs this package's nodes, built into dist/ and loaded by n8n's own loader,
 * through n8n-core's execution engine. See create-harness.ts.
 */
export { createHarness } from './create-harness';
export type {
	CredentialTestResult,
	DurableCursorRow,
	Harness,
	HarnessOptions,
	PollArgs,
	PollResult,
	RunNodeArgs,
	RunResult,
	RunWorkflowOptions,
	WorkflowJson,
	WorkflowRunResult,
} from './types';
export { CredentialStore, StoredCredentials } from './credential-store';
export type { StoredCredential } from './credential-store';
export { HarnessCredentialsHelper } from './credentials-helper';
export { HarnessCredentialTypes, HarnessNodeTypes } from './node-types';
export { HarnessStartNode, START_NODE_ALIASES, START_NODE_TYPE } from './start-node';
export { LogCapture, installLogCapture } from './log-capture';
export type { CapturedLog } from './log-capture';
export { buildAdditionalData } from './additional-data';
export { loadPackage } from './package-loader';
export { useScratchUserFolder } from './environment';
export { executeWorkflow } from './run-workflow';
export { runSingleNode, DEFAULT_NODE_TYPE } from './run-node';
export { pollOnce } from './poll';
export { startWebhookHost } from './webhook';
export type { HostedExecution, HostedRequest, HostedWebhookTrigger, WebhookHost } from './webhook';
export { testStoredCredential } from './credential-tester';
export type { HarnessContext } from './context';
