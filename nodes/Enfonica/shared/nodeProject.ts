import type { IExecuteFunctions, IPollFunctions } from 'n8n-workflow';

import { checked } from '../errors';
import { resolveProjectName } from '../helpers/project';
import type { EnfonicaContext } from '../transport';
import { CREDENTIAL_TYPE } from '../transport';

/** What the triggers add when neither they nor the credential name a project. */
export const TRIGGER_PROJECT_HINT = 'Set Project on the trigger, or a Project ID in the Enfonica API credential.';

/**
 * The project a node's calls use (helpers/project.ts has the rule): the node's Project for the
 * item, or for the node when there is no item (a trigger, a dropdown), checked before any request.
 */
export async function nodeProject(this: EnfonicaContext, itemIndex?: number, description?: string): Promise<string> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE, itemIndex);
	const project =
		itemIndex === undefined ? (this as IPollFunctions).getNodeParameter('project', '') : (this as IExecuteFunctions).getNodeParameter('project', itemIndex, '');
	return checked(this.getNode(), itemIndex, 'Project', () => resolveProjectName(project, credentials), description);
}
