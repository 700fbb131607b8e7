import type { CredentialStore } from './credential-store';
import type { HarnessCredentialsHelper } from './credentials-helper';
import type { HarnessCredentialTypes, HarnessNodeTypes } from './node-types';

/** What every harness operation needs; built once per harness by createHarness. */
export interface HarnessContext {
	nodeTypes: HarnessNodeTypes;
	credentialTypes: HarnessCredentialTypes;
	credentialsHelper: HarnessCredentialsHelper;
	store: CredentialStore;
	/** Routes n8n's log output to this harness's `logs`; called at the start of each operation. */
	captureLogs: () => void;
}
