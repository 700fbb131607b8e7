import { ExternalSecretsProxy } from 'n8n-core';
import type { ExecutionLifecycleHooks } from 'n8n-core';
import { UnexpectedError } from 'n8n-workflow';
import type { ICredentialsHelper, IDataObject, IWorkflowExecuteAdditionalData } from 'n8n-workflow';

/** Where a default local n8n would listen; only used to build URLs, never contacted. */
const INSTANCE_BASE_URL = 'http://localhost:5678';

/**
 * The per-execution services n8n passes to the engine (what n8n's
 * WorkflowExecuteAdditionalData.getBase builds), reduced to what a node package can reach:
 * the credentials helper, lifecycle hooks, and absolute base URLs (parameter resolution
 * builds `$execution.resumeUrl` from them and throws "Invalid URL" without them).
 */
export function buildAdditionalData(args: {
	credentialsHelper: ICredentialsHelper;
	hooks?: ExecutionLifecycleHooks;
	executionId?: string;
	workflowId?: string;
	variables?: IDataObject;
}): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper: args.credentialsHelper,
		hooks: args.hooks,
		executionId: args.executionId,
		workflowId: args.workflowId,
		variables: args.variables ?? {},
		externalSecretsProxy: new ExternalSecretsProxy(),
		currentNodeExecutionIndex: 0,
		restApiUrl: `${INSTANCE_BASE_URL}/rest`,
		instanceBaseUrl: INSTANCE_BASE_URL,
		formBaseUrl: `${INSTANCE_BASE_URL}/form`,
		formWaitingBaseUrl: `${INSTANCE_BASE_URL}/form-waiting`,
		formTestBaseUrl: `${INSTANCE_BASE_URL}/form-test`,
		webhookBaseUrl: `${INSTANCE_BASE_URL}/webhook`,
		webhookWaitingBaseUrl: `${INSTANCE_BASE_URL}/webhook-waiting`,
		webhookTestBaseUrl: `${INSTANCE_BASE_URL}/webhook-test`,
		mcpBaseUrl: `${INSTANCE_BASE_URL}/mcp`,
		mcpTestBaseUrl: `${INSTANCE_BASE_URL}/mcp-test`,
		executeWorkflow: async () => {
			throw new UnexpectedError('The test harness does not run sub-workflows');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new UnexpectedError('The test harness has no task runners (Code node)');
		},
	};
}
