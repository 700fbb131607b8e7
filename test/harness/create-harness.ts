import path from 'node:path';
import { deepCopy, NodeHelpers } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import type { HarnessContext } from './context';
import { testStoredCredential } from './credential-tester';
import { CredentialStore } from './credential-store';
import { HarnessCredentialsHelper } from './credentials-helper';
import { useScratchUserFolder } from './environment';
import { installLogCapture } from './log-capture';
import type { CapturedLog } from './log-capture';
import { HarnessCredentialTypes, HarnessNodeTypes } from './node-types';
import { loadPackage } from './package-loader';
import { pollOnce } from './poll';
import { runSingleNode } from './run-node';
import { executeWorkflow } from './run-workflow';
import { startWebhookHost } from './webhook';
import type { Harness, HarnessOptions, WorkflowJson } from './types';

const REPO_ROOT = path.resolve(__dirname, '..', '..');

/**
 * Loads the package from its built dist/ with n8n's own loader and returns a harness that
 * runs its nodes through n8n-core's engine. Each harness has its own credential store and
 * log; the loaded package is shared per test file.
 */
export async function createHarness(opts: HarnessOptions = {}): Promise<Harness> {
	// Both before n8n-core builds any service: they read the user folder / keep their logger.
	useScratchUserFolder();
	const capture = installLogCapture();
	const logs: CapturedLog[] = [];
	const captureLogs = () => capture.attach(logs);
	captureLogs();

	const loader = await loadPackage(opts.packageDir ?? REPO_ROOT);
	const nodeTypes = new HarnessNodeTypes(loader);
	const credentialTypes = new HarnessCredentialTypes(loader);
	const store = new CredentialStore();
	const credentialsHelper = new HarnessCredentialsHelper(credentialTypes, store);
	const context: HarnessContext = { nodeTypes, credentialTypes, credentialsHelper, store, captureLogs };

	const addCredential: Harness['addCredential'] = (data, options = {}) => {
		const type = options.type ?? onlyCredentialType(credentialTypes, loader.known.credentials);
		// Stored with the type's defaults filled in, as the editor saves a new credential.
		const withDefaults = NodeHelpers.getNodeParameters(
			credentialsHelper.getCredentialsProperties(type),
			data as INodeParameters,
			true,
			false,
			null,
			null,
		) as ICredentialDataDecryptedObject;
		const { id, name } = store.add({ type, data: withDefaults, id: options.id, name: options.name });
		return { id, name };
	};

	return {
		nodeTypes,
		credentialTypes,
		credentials: store,
		credentialsHelper,
		logs,
		addCredential,
		runNode: async (args) => await runSingleNode(context, args),
		runWorkflow: async (workflowJson, options = {}) =>
			await executeWorkflow(
				context,
				withStoredCredentials(workflowJson, store, options.credentialIdMap ?? {}),
				options.startItems,
			),
		poll: async (args) => await pollOnce(context, args),
		webhookHost: async () => await startWebhookHost(context),
		testCredential: async (credential) => {
			// n8n only tests saved credentials (the editor saves before testing).
			const id = isCredentialReference(credential)
				? credential.credentialId
				: addCredential(credential).id;
			return await testStoredCredential(context, store.get(id));
		},
	};
}

function isCredentialReference(value: IDataObject): value is { credentialId: string } {
	return Object.keys(value).length === 1 && typeof value.credentialId === 'string';
}

function onlyCredentialType(
	credentialTypes: HarnessCredentialTypes,
	known: Record<string, unknown>,
): string {
	const names = Object.keys(known).filter((name) => credentialTypes.recognizes(name));
	if (names.length !== 1) {
		throw new Error(`Pass opts.type: the package has ${names.length} credential types`);
	}
	return names[0];
}

/** Points the export's credential references at credentials in the harness store. */
function withStoredCredentials(
	workflowJson: WorkflowJson,
	store: CredentialStore,
	credentialIdMap: Record<string, string>,
): WorkflowJson {
	const copy = deepCopy(workflowJson);
	for (const node of copy.nodes) {
		for (const [type, details] of Object.entries(node.credentials ?? {})) {
			const mapped = details.id ? credentialIdMap[details.id] : undefined;
			if (mapped === undefined) continue;
			node.credentials![type] = { id: mapped, name: store.get(mapped).name };
		}
	}
	return copy;
}
