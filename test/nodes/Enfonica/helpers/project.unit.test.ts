import { resolveProjectName } from '../../../../nodes/Enfonica/helpers/project';

describe('the project a call uses', () => {
	it('takes the project from the node, then the credential, then the key', () => {
		const key = JSON.stringify({ type: 'service_account', project_id: 'from-key' });
		expect(resolveProjectName('node-p', { projectId: 'cred-p' })).toBe('projects/node-p');
		expect(resolveProjectName('', { projectId: 'projects/cred-p' })).toBe('projects/cred-p');
		expect(() => resolveProjectName('', { authentication: 'bearerToken' })).toThrow(/Project is empty/);
		// Only the key's project_id is read here; the token exchange checks the whole key.
		expect(resolveProjectName('', { authentication: 'serviceAccountKey', serviceAccountKey: key })).toBe('projects/from-key');
		expect(() => resolveProjectName('', { authentication: 'serviceAccountKey', serviceAccountKey: '{"project_id": "x"' })).toThrow(/not valid JSON/);
	});
});
