import { toE164, toListPrefix } from '../nodes/Enfonica/helpers/phoneNumbers';
import { resolveProjectName } from '../nodes/Enfonica/helpers/project';
import { toInstanceName, toProjectName } from '../nodes/Enfonica/helpers/resourceNames';

describe('resource names', () => {
	it('accepts a project ID or projects/ID, refuses the rest', () => {
		expect(toProjectName('my-project')).toBe('projects/my-project');
		expect(toProjectName(' projects/my-project ')).toBe('projects/my-project');
		expect(() => toProjectName('')).toThrow(/Project is empty/);
		expect(() => toProjectName('My Project')).toThrow(/"My Project" is not a valid project/);
		expect(() => toProjectName('projects/a/b')).toThrow(/not a valid project/);
	});

	it('accepts a full instance name or a bare ID within the project', () => {
		expect(toInstanceName('abc123', 'projects/p')).toBe('projects/p/phoneNumberInstances/abc123');
		expect(toInstanceName('projects/q/phoneNumberInstances/x9', 'projects/p')).toBe('projects/q/phoneNumberInstances/x9');
		expect(() => toInstanceName('projects/q/phoneNumbers/x9', 'projects/p')).toThrow(/not a valid instance/);
		expect(() => toInstanceName('', 'projects/p')).toThrow(/is empty/);
	});

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

describe('phone numbers', () => {
	it('normalises written forms to E.164', () => {
		expect(toE164('+61 2 5550 1100')).toBe('+61255501100');
		expect(toE164('02 5550 1100', 'AU')).toBe('+61255501100');
		expect(toE164('(02) 5550-1100', 'au')).toBe('+61255501100');
	});

	it('refuses what libphonenumber-js rejects, saying why', () => {
		expect(() => toE164('02 5550 1100')).toThrow(/Default Country/);
		expect(() => toE164('+61 2 555')).toThrow(/not a valid phone number/);
		expect(() => toE164('hello')).toThrow(/not a phone number/);
		expect(() => toE164('02 5550 1100', 'XX')).toThrow(/ISO 3166/);
	});

	it('accepts list prefixes in E.164 or national form', () => {
		expect(toListPrefix('+61 2')).toBe('+612');
		expect(toListPrefix('02')).toBe('02');
		expect(() => toListPrefix('612')).toThrow(/not a number prefix/);
		expect(() => toListPrefix('+')).toThrow(/not a number prefix/);
	});
});
