import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { InvalidSourceError } from '../errors';
import { toProjectName } from './resourceNames';
import { projectIdOfKey } from './serviceAccount';

/**
 * The one rule for the project a call uses, for the nodes and the credential's Test alike: the
 * node's own Project parameter, else the credential's Project ID, else the service account
 * key's project_id (a bearer token names no project).
 */

/** The project the credential names, and where it comes from (for messages); undefined when it names none. */
function credentialProject(credentials: ICredentialDataDecryptedObject): { id: string; source: string } | undefined {
	if (typeof credentials.projectId === 'string' && credentials.projectId.trim() !== '') return { id: credentials.projectId, source: 'The credential\'s Project ID' };
	if (credentials.authentication === 'bearerToken') return undefined;
	const projectId = projectIdOfKey(credentials.serviceAccountKey);
	return projectId ? { id: projectId, source: 'The service account key\'s project_id' } : undefined;
}

/** The project a node works on: its Project parameter, else the credential's. */
export function resolveProjectName(nodeProject: unknown, credentials: ICredentialDataDecryptedObject, field = 'Project'): string {
	if (typeof nodeProject === 'string' && nodeProject.trim() !== '') return toProjectName(nodeProject, field);
	const named = credentialProject(credentials);
	return named ? toProjectName(named.id, named.source, InvalidSourceError) : toProjectName('', field);
}

/** The credential's own project, for its Test (no node, so no Project parameter): a sentence saying what to set when it names none. */
export function credentialProjectName(credentials: ICredentialDataDecryptedObject): string {
	if (credentialProject(credentials) === undefined) {
		throw new Error(
			credentials.authentication === 'bearerToken'
				? 'Project ID is empty: a bearer token does not name a project. Set Project ID to your Enfonica project (e.g. my-project).'
				: 'Project ID is empty and the service account key has no project_id. Set Project ID to your Enfonica project (e.g. my-project).',
		);
	}
	return resolveProjectName('', credentials, 'Project ID');
}
