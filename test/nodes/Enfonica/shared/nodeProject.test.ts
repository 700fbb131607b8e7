/**
 * The project a call uses (shared/nodeProject.ts, the rule in helpers/project.ts), read the same
 * way by the action node (per item), the Enfonica Trigger and list search (no item): the node's
 * Project, else the credential's Project ID; nothing is sent when neither names one.
 */
import type { INodeParameters } from 'n8n-workflow';

import { TRIGGER_PROJECT_HINT } from '../../../../nodes/Enfonica/shared/nodeProject';
import { searchList } from '../../../harness/listSearch';
import { params } from '../../../support/operations';
import type { TestBed } from '../../../support/setup';
import { apiRequests, startTestBed } from '../../../support/setup';

const TRIGGER_TYPE = 'n8n-nodes-enfonica.enfonicaTrigger';
const TOKEN = 'bt-node-project';
const EMPTY = 'Project is empty: set it on the node or set a Project ID in the Enfonica credential';

describe('the project a node calls', () => {
	let bed: TestBed;

	beforeAll(async () => {
		bed = await startTestBed('acme');
		bed.emu.addBearerToken(TOKEN, { projects: '*' });
		bed.emu.seed('cred-p', [{ phoneNumber: '+61255501100' }]);
		bed.emu.seed('node-p', [{ phoneNumber: '+61255501200' }]);
	});
	afterAll(async () => await bed.close());

	const credential = (projectId: string) => bed.h.addCredential({ authentication: 'bearerToken', bearerToken: TOKEN, projectId, baseUrl: bed.emu.baseUrl }).id;

	/** The action node (Get Many), the trigger (a poll) and list search, each with the node's `project`. */
	const callers = (project: string, credentialId: string) => ({
		action: async () => {
			const result = await bed.h.runNode({ parameters: params('getMany', { project, returnAll: true }), credentialId });
			if (result.error) throw result.error;
		},
		trigger: async () => {
			const result = await bed.h.poll({ nodeType: TRIGGER_TYPE, parameters: { project } as INodeParameters, credentialId });
			if (result.error) throw result.error;
		},
		listSearch: async () => {
			await searchList(bed.h, { method: 'searchPhoneNumberInstances', parameters: params('get', { project }), credentialId });
		},
	});

	const listedProjects = () => [...new Set(apiRequests(bed.emu).map((request) => /^\/v1beta1\/(projects\/[^/]+)\//.exec(request.path)?.[1]))];

	it.each(['action', 'trigger', 'listSearch'] as const)('%s: the credential\'s Project ID when the node leaves Project empty', async (caller) => {
		bed.emu.clearLog();
		await callers('', credential('cred-p'))[caller]();
		expect(listedProjects()).toEqual(['projects/cred-p']);
	});

	it.each(['action', 'trigger', 'listSearch'] as const)('%s: the node\'s Project over the credential\'s', async (caller) => {
		bed.emu.clearLog();
		await callers('node-p', credential('cred-p'))[caller]();
		expect(listedProjects()).toEqual(['projects/node-p']);
	});

	it('neither names a project: each refuses before sending anything, the trigger saying where to set it', async () => {
		const { action, trigger, listSearch } = callers('', credential(''));
		const refusal = async (call: () => Promise<void>) =>
			await call().then(
				() => undefined,
				(error: Error & { description?: string }) => ({ message: error.message, description: error.description }),
			);
		bed.emu.clearLog();
		expect((await refusal(action))?.message).toBe(`${EMPTY} [item 0]`);
		expect((await refusal(listSearch))?.message).toBe(EMPTY);
		expect(await refusal(trigger)).toEqual({ message: EMPTY, description: TRIGGER_PROJECT_HINT });
		expect(bed.emu.requests).toHaveLength(0);
	});
});
