import { credentialProjectName, resolveProjectName } from '../../../../nodes/Enfonica/helpers/project';

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

describe("the credential's own project (its Test)", () => {
	it('is the Project ID, else the key’s project_id, by the same rule as the nodes', () => {
		const key = JSON.stringify({ type: 'service_account', project_id: 'from-key' });
		expect(credentialProjectName({ projectId: 'cred-p', authentication: 'bearerToken' })).toBe('projects/cred-p');
		expect(credentialProjectName({ authentication: 'serviceAccountKey', serviceAccountKey: key })).toBe('projects/from-key');
		expect(() => credentialProjectName({ projectId: 'Bad Project' })).toThrow(/^The credential's Project ID "Bad Project" is not a valid project/);
	});

	it('says what to set when the credential names no project', () => {
		expect(() => credentialProjectName({ authentication: 'bearerToken', projectId: ' ' })).toThrow(
			'Project ID is empty: a bearer token does not name a project. Set Project ID to your Enfonica project (e.g. my-project).',
		);
		expect(() => credentialProjectName({ authentication: 'serviceAccountKey', serviceAccountKey: JSON.stringify({ type: 'service_account' }) })).toThrow(
			'Project ID is empty and the service account key has no project_id. Set Project ID to your Enfonica project (e.g. my-project).',
		);
	});
});
