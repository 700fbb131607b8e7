/**
 * Enfonica's field limits (see the API reference), checked before anything is sent. Each
 * function is pure: it returns the cleaned value or throws InvalidValueError with the problem
 * in words; the caller adds the field name and the item number (helpers/inputError).
 */

import { InvalidValueError } from './inputError';

export const MAX_DISPLAY_NAME = 100;
export const MAX_LABELS = 50;
export const MAX_LABEL_KEY = 100;
export const MAX_LABEL_VALUE = 1000;
export const MAX_HANDLER_URIS = 5;

/** Length as people count it (code points), not UTF-16 units. */
export function length(text: string): number {
	return [...text].length;
}

export function checkDisplayName(input: unknown): string {
	if (input !== undefined && input !== null && typeof input !== 'string' && typeof input !== 'number') {
		throw new InvalidValueError('must be text');
	}
	const value = input === undefined || input === null ? '' : String(input);
	if (length(value) > MAX_DISPLAY_NAME) {
		throw new InvalidValueError(`is ${length(value)} characters long: Enfonica allows at most ${MAX_DISPLAY_NAME}`);
	}
	return value;
}

export interface LabelPair {
	key?: unknown;
	value?: unknown;
}

/** Key/value pairs → the labels map; refuses empty, duplicate or too long keys and too many labels. */
export function checkLabels(pairs: LabelPair[]): Record<string, string> {
	const labels: Record<string, string> = {};
	pairs.forEach((pair, index) => {
		const key = pair.key === undefined || pair.key === null ? '' : String(pair.key).trim();
		const value = pair.value === undefined || pair.value === null ? '' : String(pair.value);
		if (key === '') throw new InvalidValueError(`has an empty key (pair ${index + 1})`);
		if (key in labels) throw new InvalidValueError(`has the key "${key}" more than once`);
		if (length(key) > MAX_LABEL_KEY) {
			throw new InvalidValueError(`has a key ${length(key)} characters long ("${key.slice(0, 20)}…"): at most ${MAX_LABEL_KEY} are allowed`);
		}
		if (length(value) > MAX_LABEL_VALUE) {
			throw new InvalidValueError(`has a value ${length(value)} characters long for the key "${key}": at most ${MAX_LABEL_VALUE} are allowed`);
		}
		labels[key] = value;
	});
	checkLabelCount(labels);
	return labels;
}

export function checkLabelCount(labels: Record<string, string>, afterMerge = false): void {
	const count = Object.keys(labels).length;
	if (count > MAX_LABELS) {
		throw new InvalidValueError(`has ${count} labels${afterMerge ? ' once merged with the current ones' : ''}: Enfonica allows at most ${MAX_LABELS}`);
	}
}

/** A handler list as typed (one per line or comma-separated) or as an array from an expression. */
function splitUriList(input: unknown): string[] {
	if (input === undefined || input === null) return [];
	const parts = Array.isArray(input) ? input.map((part) => (part === null || part === undefined ? '' : String(part))) : String(input).split(/[\n,]/);
	return parts.map((part) => part.trim()).filter((part) => part !== '');
}

function isWebUrl(uri: string): boolean {
	try {
		const url = new URL(uri);
		return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' && /^https?:\/\//i.test(uri);
	} catch {
		return false;
	}
}

const HOST = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*';
const SIP_URI = new RegExp(`^sip:[^@\\s:;?]+@${HOST}(?::(\\d{1,5}))?$`);
const TEL_URI = /^tel:\+[1-9]\d{1,14}$/;

function isSipUri(uri: string): boolean {
	const match = SIP_URI.exec(uri);
	if (!match) return false;
	return match[1] === undefined || (Number(match[1]) >= 1 && Number(match[1]) <= 65535);
}

function checkCount(uris: string[]): void {
	if (uris.length > MAX_HANDLER_URIS) {
		throw new InvalidValueError(`has ${uris.length} URIs: Enfonica allows at most ${MAX_HANDLER_URIS}`);
	}
}

/** Message handlers: absolute http(s) URLs only. */
export function checkMessageHandlerUris(input: unknown): string[] {
	const uris = splitUriList(input);
	checkCount(uris);
	for (const uri of uris) {
		if (!isWebUrl(uri)) throw new InvalidValueError(`has "${uri}", which is not an absolute http:// or https:// URL`);
	}
	return uris;
}

/** Call handlers: http(s) URLs, `sip:user@domain[:port]` or `tel:+E164`. */
export function checkCallHandlerUris(input: unknown): string[] {
	const uris = splitUriList(input);
	checkCount(uris);
	for (const uri of uris) {
		if (!isWebUrl(uri) && !isSipUri(uri) && !TEL_URI.test(uri)) {
			throw new InvalidValueError(`has "${uri}", which is not an http(s) URL, a sip:user@domain[:port] URI or a tel:+<E.164 number> URI`);
		}
	}
	return uris;
}

/** A count typed in a number field or an expression: a whole number ≥ 1. */
export function checkPositiveInteger(input: unknown): number {
	const value = typeof input === 'string' && input.trim() !== '' ? Number(input) : input;
	if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
		throw new InvalidValueError(`must be a whole number of at least 1 (got ${JSON.stringify(input) ?? 'nothing'})`);
	}
	return value;
}

/** The one value of an options field ('' when empty); an expression giving several is refused. */
export function checkChoice(input: unknown, allowed: string[]): string {
	const values = checkChoices(input, allowed);
	if (values.length > 1) throw new InvalidValueError(`has ${values.length} values (${values.join(', ')}): choose one of ${allowed.join(', ')}`);
	return values[0] ?? '';
}

/** Values of an options/multi-options field (an expression may give a list or comma-separated text), each one of `allowed`. */
export function checkChoices(input: unknown, allowed: string[]): string[] {
	const values = Array.isArray(input) ? input.map(String) : typeof input === 'string' && input !== '' ? input.split(',').map((value) => value.trim()) : [];
	const unknown = values.filter((value) => !allowed.includes(value));
	if (unknown.length > 0) throw new InvalidValueError(`has ${unknown.map((value) => `"${value}"`).join(', ')}: use ${allowed.join(', ')}`);
	return values;
}
