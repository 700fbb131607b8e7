/** Query parameters: the request fields not bound to the path or body. Unknown ones are 400s, as in Google APIs. */
import { invalidArgument, invalidField } from './errors';
import { enumName, type ProtoEnum } from './phoneNumberEnums';
import { isRegionCode, NOT_A_REGION_CODE } from './regions';

function snakeToCamel(name: string): string {
	return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** Returns allowed parameters by their camelCase name; the proto (snake_case) spelling is accepted too. */
export function readQuery(pairs: Array<[string, string]>, allowed: readonly string[]): Record<string, string> {
	const result: Record<string, string> = {};
	for (const [key, value] of pairs) {
		const name = allowed.includes(key) ? key : allowed.includes(snakeToCamel(key)) ? snakeToCamel(key) : undefined;
		if (name === undefined) {
			throw invalidArgument(
				`Invalid JSON payload received. Unknown name "${key}": Cannot bind query parameter. Field '${key}' could not be found in request message.`,
			);
		}
		if (name in result) throw invalidArgument(`Query parameter '${name}' was given more than once.`, name);
		result[name] = value;
	}
	return result;
}

export function readIntParam(value: string | undefined, name: string): number | undefined {
	if (value === undefined || value === '') return undefined;
	if (!/^-?\d+$/.test(value) || Math.abs(Number(value)) > 2147483647) {
		throw invalidArgument(`Invalid value at '${name}' (TYPE_INT32), "${value}"`, name);
	}
	return Number(value);
}

export function readBoolParam(value: string | undefined, name: string): boolean | undefined {
	if (value === undefined || value === '') return undefined;
	if (value === 'true') return true;
	if (value === 'false') return false;
	throw invalidArgument(`Invalid value at '${name}' (TYPE_BOOL), "${value}"`, name);
}

/** An enum query parameter: its name or its proto number, as Google's query binding accepts. */
export function readEnumParam<T extends string>(value: string | undefined, protoEnum: ProtoEnum<T>, name: string): T | undefined {
	if (value === undefined || value === '') return undefined;
	if ((protoEnum.names as readonly string[]).includes(value)) return value as T;
	const byNumber = /^\d+$/.test(value) ? enumName(protoEnum, Number(value)) : undefined;
	if (byNumber === undefined) throw invalidArgument(`Invalid value at '${name}' (type.googleapis.com/${protoEnum.typeName}), "${value}"`, name);
	return byNumber;
}

/** An ISO 3166-1 alpha-2 code in capitals (countryCode, regionCode); required. */
export function readRegionParam(value: string | undefined, name: string): string {
	if (value === undefined || value === '') throw invalidField(name, 'is required.');
	if (!isRegionCode(value)) throw invalidField(name, `"${value}" ${NOT_A_REGION_CODE}`);
	return value;
}
