/** The update `updateMask`: which fields a PATCH replaces. */
import { invalidArgument } from './errors';
import { OUTPUT_ONLY_FIELDS, UPDATABLE_FIELDS, type UpdatableField } from './model';

/** What a resource's mask may name. */
export interface MaskSpec<F extends string> {
	/** For messages, e.g. 'PhoneNumberInstance'. */
	resource: string;
	updatable: readonly F[];
	outputOnly: readonly string[];
	/** Fields that are set on create only (or never change), with the reason given. */
	immutable: Readonly<Record<string, string>>;
}

export const INSTANCE_MASK: MaskSpec<UpdatableField> = {
	resource: 'PhoneNumberInstance',
	updatable: UPDATABLE_FIELDS,
	outputOnly: OUTPUT_ONLY_FIELDS,
	immutable: {
		name: 'the name of an instance cannot be changed.',
		phoneNumber: 'phoneNumber can only be set when the instance is created.',
	},
};

function snakeToCamel(name: string): string {
	return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

function rejectPath(mask: string, path: string, reason: string): never {
	throw invalidArgument(`Invalid updateMask "${mask}": path '${path}': ${reason}`, 'updateMask');
}

/** undefined = no mask (update the fields present in the body); '*' = every updatable field (AIP-134). */
export function parseUpdateMask<F extends string>(value: string | undefined, spec: MaskSpec<F>): F[] | undefined {
	if (value === undefined || value.trim() === '') return undefined;
	const updatable: readonly string[] = spec.updatable;
	const fields = new Set<F>();
	for (const rawPath of value.split(',')) {
		const path = rawPath.trim();
		if (path === '') rejectPath(value, rawPath, 'empty path.');
		if (path === '*') {
			spec.updatable.forEach((field) => fields.add(field));
			continue;
		}
		const camel = path.split('.').map(snakeToCamel).join('.');
		const head = camel.split('.')[0];
		if (updatable.includes(camel)) {
			fields.add(camel as F);
		} else if (Object.hasOwn(spec.immutable, head)) {
			rejectPath(value, path, spec.immutable[head]);
		} else if (spec.outputOnly.includes(head)) {
			rejectPath(value, path, `${head} is output only.`);
		} else if (updatable.includes(head)) {
			rejectPath(value, path, `sub-field paths are not supported; use '${head}'.`);
		} else {
			rejectPath(value, path, `no such field in ${spec.resource}.`);
		}
	}
	return [...fields];
}
