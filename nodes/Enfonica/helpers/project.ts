import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { InvalidSourceError } from './inputError';
import { toProjectName } from './resourceNames';
import { projectIdOfKey } from './serviceAccount';

/**
 * The project a node works on: its own Project parameter, else the credential's Project ID,
 * else the service account key's project_id.
 */
export function resolveProjectName(nodeProject: unknown, credentials: ICredentialDataDecryptedObject, field = 'Project'): string {
	if (typeof nodeProject === 'string' && nodeProject.trim() !== '') return toProjectName(nodeProject, field);
	if (typeof credentials.projectId === 'string' && credentials.projectId.trim() !== '') {
		return toProjectName(credentials.projectId, 'The credential\'s Project ID', InvalidSourceError);
	}
	if (credentials.authentication !== 'bearerToken') {
		const projectId = projectIdOfKey(credentials.serviceAccountKey);
		if (projectId) return toProjectName(projectId, 'The service account key\'s project_id', InvalidSourceError);
	}
	return toProjectName('', field);
}
