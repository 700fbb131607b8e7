/** The update `updateMask`: which fields a PATCH replaces. */
import { invalidArgument } from './errors';
import { OUTPUT_ONLY_FIELDS, UPDATABLE_FIELDS, type UpdatableField } from './model';

function snakeToCamel(name: string): string {
	return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

function rejectPath(mask: string, path: string, reason: string): never {
	throw invalidArgument(`Invalid updateMask "${mask}": path '${path}': ${reason}`, 'updateMask');
}

/** undefined = no mask (update the fields present in the body); '*' = every updatable field (AIP-134). */
export function parseUpdateMask(value: string | undefined): UpdatableField[] | undefined {
	if (value === undefined || value.trim() === '') return undefined;
	const fields = new Set<UpdatableField>();
	for (const rawPath of value.split(',')) {
		const path = rawPath.trim();
		if (path === '') rejectPath(value, rawPath, 'empty path.');
		if (path === '*') {
			UPDATABLE_FIELDS.forEach((field) => fields.add(field));
			continue;
		}
		const camel = path.split('.').map(snakeToCamel).join('.');
		const head = camel.split('.')[0];
		if ((UPDATABLE_FIELDS as readonly string[]).includes(camel)) {
			fields.add(camel as UpdatableField);
		} else if (head === 'name') {
			rejectPath(value, path, 'the name of an instance cannot be changed.');
		} else if (head === 'phoneNumber') {
			rejectPath(value, path, 'phoneNumber can only be set when the instance is created.');
		} else if ((OUTPUT_ONLY_FIELDS as readonly string[]).includes(head)) {
			rejectPath(value, path, `${head} is output only.`);
		} else if ((UPDATABLE_FIELDS as readonly string[]).includes(head)) {
			rejectPath(value, path, `sub-field paths are not supported; use '${head}'.`);
		} else {
			rejectPath(value, path, 'no such field in PhoneNumberInstance.');
		}
	}
	return [...fields];
}
