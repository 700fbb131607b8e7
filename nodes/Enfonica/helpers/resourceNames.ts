/** The one place that turns what users type into Enfonica resource names (and refuses the rest). */

import { InvalidValueError, restated } from '../errors';
import { toIdentifierText } from './text';

const ID = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const PROJECT_INPUT = new RegExp(`^(?:projects/)?(${ID})$`);
const RESOURCE_ID = '[A-Za-z0-9][A-Za-z0-9_-]{0,127}';

export class ResourceNameError extends InvalidValueError {}

/** The text of a name or ID (a number is its text); a list, an object or a boolean is named as what it is. */
function identifier(input: unknown, field: string, expected: string, Complaint: new (message: string) => InvalidValueError = ResourceNameError): string {
	try {
		return toIdentifierText(input, expected).trim();
	} catch (error) {
		throw restated(error, (message) => `${field} ${message}`, Complaint);
	}
}

/**
 * `my-project` or `projects/my-project` → `projects/my-project`. `Complaint` is the error class to
 * throw: a project read from the credential is a complaint about the credential, not the field.
 */
export function toProjectName(input: unknown, field = 'Project', Complaint: new (message: string) => InvalidValueError = ResourceNameError): string {
	const value = identifier(input, field, 'a project ID', Complaint);
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

/** A collection of project resources: its path segment and what one resource is called in messages. */
export interface Collection {
	segment: string;
	noun: string;
	/** `projects/<p>/<segment>/<id>`, capturing the project ID and the resource ID. */
	nameRegex: RegExp;
}

function collection(segment: string, noun: string): Collection {
	return { segment, noun, nameRegex: new RegExp(`^projects/(${ID})/${segment}/(${RESOURCE_ID})$`) };
}

export const INSTANCES = collection('phoneNumberInstances', 'instance');
export const LISTINGS = collection('regulatoryListings', 'regulatory listing');

/** A full resource name, or a bare ID within `projectName`, → the resource's name. */
export function toResourceName(of: Collection, input: unknown, projectName: string, field: string): string {
	const value = identifier(input, field, `the ${of.noun}'s name or ID`);
	if (of.nameRegex.test(value)) return value;
	if (new RegExp(`^${RESOURCE_ID}$`).test(value)) return `${projectName}/${of.segment}/${value}`;
	throw new ResourceNameError(
		value === '' ? `${field} is empty` : `${field} "${value}" is not a valid ${of.noun}: use "projects/<project>/${of.segment}/<id>" or the ${of.noun} ID`,
	);
}

export function toInstanceName(input: unknown, projectName: string, field = 'Phone Number Instance'): string {
	return toResourceName(INSTANCES, input, projectName, field);
}

/** `projects/p` → `projects/p/phoneNumberInstances` (where instances are listed and created). */
export function collectionOf(projectName: string, of: Collection = INSTANCES): string {
	return `${projectName}/${of.segment}`;
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

/** The project part of a resource name of `of`. */
export function projectOfInstance(name: string, of: Collection = INSTANCES): string {
	const match = of.nameRegex.exec(name);
	if (!match) throw new ResourceNameError(`"${name}" is not a ${of.noun} name`);
	return `projects/${match[1]}`;
}

/** For a resource locator's "By Name" mode: a full name of `of` or a bare ID, anchored. */
export function locatorNameRegex(of: Collection): string {
	return `^(?:${of.nameRegex.source.replace(/^\^|\$$/g, '')}|${RESOURCE_ID})$`;
}
