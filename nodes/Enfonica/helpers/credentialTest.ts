import type { ICredentialDataDecryptedObject, ICredentialTestRequest } from 'n8n-workflow';

import { pathOf, phoneNumberInstances } from '../api';
import { credentialProjectName } from './project';

/**
 * The credential Test's path as declared: the credential's authenticate() replaces it with the
 * project the nodes would use (Project ID, else the key's project_id), or refuses with what to set.
 * No node sends this path (every node path names a checked project).
 */
export const CREDENTIAL_TEST_PATH = pathOf(phoneNumberInstances.list, { parent: 'projects/(the credential\'s project)' });

/** The path the Test lists one instance of, for the project the credential names; a sentence saying what to set when it names none. */
export function credentialTestPath(credentials: ICredentialDataDecryptedObject): string {
	return pathOf(phoneNumberInstances.list, { parent: credentialProjectName(credentials) });
}

/** What the Test shows when Enfonica refuses the listing (n8n would show only "Unauthorized", "Forbidden", "Not Found"). */
export const CREDENTIAL_TEST_RULES: ICredentialTestRequest['rules'] = [
	{
		type: 'responseCode',
		properties: {
			value: 401,
			message:
				'Enfonica did not accept the credential. A bearer token may have expired (Enfonica support issues them for two years): ask Enfonica support for a new one, or use a Service Account Key. A service account key may have been deleted in the Enfonica Console: create a new key.',
		},
	},
	{
		type: 'responseCode',
		properties: {
			value: 403,
			message:
				'The key or token may not list the numbers of this project: it belongs to another project, or lacks the numbering.phoneNumberInstances.list permission. Set Project ID to the project the key or token was created in, or grant the permission in the Enfonica Console.',
		},
	},
	{
		type: 'responseCode',
		properties: {
			value: 404,
			message:
				'Enfonica knows no such project, or the API Base URL does not lead to the Enfonica API. Check Project ID (empty: the key\'s project_id) and API Base URL (https://numbering.api.enfonica.com).',
		},
	},
	{
		type: 'responseCode',
		properties: { value: 429, message: 'Enfonica is limiting the request rate for this credential. Wait a minute and test again.' },
	},
	{
		type: 'responseCode',
		properties: { value: 503, message: 'Enfonica is temporarily unavailable. Test again in a few minutes.' },
	},
];
