import { toInstanceName, toProjectName } from '../../../../nodes/Enfonica/helpers/resourceNames';

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
});
