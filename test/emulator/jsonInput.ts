/** Proto3-JSON style decoding of request bodies: unknown names and wrong types are 400s, as in Google APIs. */
import { invalidArgument } from './errors';

export type JsonObject = Record<string, unknown>;

function snakeToCamel(name: string): string {
	return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

export function isPlainObject(value: unknown): value is JsonObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `at` is the message path in error texts ('' for the request root). */
function unknownName(key: string, at: string): never {
	const where = at ? ` at '${at}'` : '';
	throw invalidArgument(`Invalid JSON payload received. Unknown name "${key}"${where}: Cannot find field.`);
}

/**
 * Returns the object with keys mapped to their lowerCamelCase names. Like Google's parser it also
 * accepts the proto (snake_case) names; null means "not set" in proto3 JSON, so null entries are dropped.
 */
export function readObject(value: unknown, known: readonly string[], at: string): JsonObject {
	if (!isPlainObject(value)) {
		throw invalidArgument(`Invalid JSON payload received. Expected an object at '${at || 'request'}', got ${describe(value)}.`);
	}
	const result: JsonObject = {};
	for (const [key, entry] of Object.entries(value)) {
		const name = known.includes(key) ? key : key.includes('_') && known.includes(snakeToCamel(key)) ? snakeToCamel(key) : unknownName(key, at);
		if (name in result) throw invalidArgument(`Invalid JSON payload received. Duplicate field "${name}" at '${at || 'request'}'.`);
		if (entry !== null) result[name] = entry;
	}
	return result;
}

function describe(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	return JSON.stringify(value) ?? typeof value;
}

function badValue(path: string, type: string, value: unknown): never {
	throw invalidArgument(`Invalid value at '${path}' (${type}), ${describe(value)}`, path);
}

export function readString(value: unknown, path: string): string {
	if (typeof value !== 'string') badValue(path, 'TYPE_STRING', value);
	return value;
}

export function readBool(value: unknown, path: string): boolean {
	if (typeof value !== 'boolean') badValue(path, 'TYPE_BOOL', value);
	return value;
}

/** int32 in proto3 JSON: a number or a decimal string, integral. */
export function readInt32(value: unknown, path: string): number {
	const n = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
	if (typeof n !== 'number' || !Number.isInteger(n) || n > 2147483647 || n < -2147483648) badValue(path, 'TYPE_INT32', value);
	return n;
}

export function readStringList(value: unknown, path: string): string[] {
	if (!Array.isArray(value)) badValue(path, 'TYPE_STRING', value);
	return value.map((entry, i) => readString(entry, `${path}[${i}]`));
}

export function readStringMap(value: unknown, path: string): Record<string, string> {
	if (!isPlainObject(value)) badValue(path, 'map<string, string>', value);
	// fromEntries defines keys like "__proto__" as plain data instead of touching the prototype.
	return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, readString(entry, `${path}[${key}]`)]));
}

/** Enums travel by name; proto3 JSON parsers also accept the number (`numbers[i]` of `names[i]`, default i). */
export function readEnum<T extends string>(value: unknown, names: readonly T[], typeName: string, path: string, numbers?: readonly number[]): T {
	if (typeof value === 'string' && (names as readonly string[]).includes(value)) return value as T;
	if (typeof value === 'number' && Number.isInteger(value)) {
		const index = numbers ? numbers.indexOf(value) : value;
		if (index >= 0 && index < names.length) return names[index];
	}
	return badValue(path, `type.googleapis.com/${typeName}`, value);
}

/** A resource body may repeat its name (a fetched resource sent back) but not name another resource. */
export function checkNameMatchesPath(name: string | undefined, pathName: string, what: string): void {
	if (name !== undefined && name !== '' && name !== pathName) {
		throw invalidArgument(`Invalid value for field 'name': "${name}" does not match the ${what} in the URL (${pathName}).`, 'name');
	}
}

export function readTimestamp(value: unknown, path: string): string {
	const text = readString(value, path);
	if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/.test(text) || Number.isNaN(Date.parse(text))) {
		badValue(path, 'type.googleapis.com/google.protobuf.Timestamp', value);
	}
	return text;
}
