/** The one place that turns what users type into Enfonica resource names (and refuses the rest). */

import { InvalidValueError } from './inputError';

const ID = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const PROJECT_INPUT = new RegExp(`^(?:projects/)?(${ID})$`);
const INSTANCE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;
const INSTANCE_NAME = new RegExp(`^projects/(${ID})/phoneNumberInstances/([A-Za-z0-9][A-Za-z0-9_-]{0,127})$`);

export class ResourceNameError extends InvalidValueError {}

/**
 * `my-project` or `projects/my-project` → `projects/my-project`. `Complaint` is the error class to
 * throw: a project read from the credential is a complaint about the credential, not the field.
 */
export function toProjectName(input: unknown, field = 'Project', Complaint: new (message: string) => InvalidValueError = ResourceNameError): string {
	const value = typeof input === 'string' ? input.trim() : '';
	const match = PROJECT_INPUT.exec(value);
	if (!match) {
		throw new Complaint(
			value === ''
				? `${field} is empty: set it on the node or set a Project ID in the Enfonica credential`
				: `${field} "${value}" is not a valid project: use the project ID (e.g. "my-project") or "projects/my-project"`,
		);
	}
	return `projects/${match[1]}`;
}

/** A full instance name, or a bare instance ID within `projectName`, → the instance's resource name. */
export function toInstanceName(input: unknown, projectName: string, field = 'Phone Number Instance'): string {
	const value = typeof input === 'string' ? input.trim() : '';
	if (INSTANCE_NAME.test(value)) return value;
	if (INSTANCE_ID.test(value)) return `${collectionOf(projectName)}/${value}`;
	throw new ResourceNameError(
		value === ''
			? `${field} is empty`
			: `${field} "${value}" is not a valid instance: use "projects/<project>/phoneNumberInstances/<id>" or the instance ID`,
	);
}

/** `projects/p` → `projects/p/phoneNumberInstances` (where instances are listed and created). */
export function collectionOf(projectName: string): string {
	return `${projectName}/phoneNumberInstances`;
}

/** `projects/p/phoneNumberInstances/abc` → `abc` ('' when the name has no ID). */
export function instanceIdOf(instanceName: string): string {
	return instanceName.slice(instanceName.lastIndexOf('/') + 1);
}

/** `projects/p/phoneNumberInstances/abc` → `projects/p`, without validating (for output). */
export function projectPartOf(instanceName: string): string {
	// `split('/', 2).join('/')` without the array: it runs for every instance Simplify outputs.
	const second = instanceName.indexOf('/', instanceName.indexOf('/') + 1);
	return second < 0 ? instanceName : instanceName.slice(0, second);
}

/** The project part of an instance resource name. */
export function projectOfInstance(instanceName: string): string {
	const match = INSTANCE_NAME.exec(instanceName);
	if (!match) throw new ResourceNameError(`"${instanceName}" is not a phone number instance name`);
	return `projects/${match[1]}`;
}

export const INSTANCE_NAME_REGEX = INSTANCE_NAME.source;
