/**
 * Enfonica's field limits (see the API reference), checked before anything is sent. Each
 * function is pure: it returns the cleaned value or throws InvalidValueError with the problem
 * in words; the caller adds the field name and the item number (helpers/inputError).
 */

import { InvalidValueError, restated } from '../errors';
import { toText } from './text';

export const MAX_DISPLAY_NAME = 100;
export const MAX_LABELS = 50;
export const MAX_LABEL_KEY = 100;
export const MAX_LABEL_VALUE = 1000;

/** Length as people count it (code points), not UTF-16 units. */
export function length(text: string): number {
	return [...text].length;
}

export function checkDisplayName(input: unknown): string {
	const value = toText(input);
	if (length(value) > MAX_DISPLAY_NAME) {
		throw new InvalidValueError(`is ${length(value)} characters long: Enfonica allows at most ${MAX_DISPLAY_NAME}`);
	}
	return value;
}

export interface LabelPair {
	key?: unknown;
	value?: unknown;
}

/** A label key or value: text, numbers and booleans as their text; a list or an object is refused by name. */
function labelText(input: unknown, which: string): string {
	try {
		return toText(input);
	} catch (error) {
		throw restated(error, (message) => `has a ${which} that ${message}`);
	}
}

/** Key/value pairs → the labels map; refuses empty, duplicate or too long keys and too many labels. */
export function checkLabels(pairs: LabelPair[]): Record<string, string> {
	const labels: Record<string, string> = {};
	pairs.forEach((pair, index) => {
		const key = labelText(pair.key, `key of pair ${index + 1}`).trim();
		const value = labelText(pair.value, `value of pair ${index + 1}${key ? ` ("${key}")` : ''}`);
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

/**
 * The one rule for whole numbers typed in a number field or an expression (Limit, Size,
 * Concurrency, Max Numbers to Buy): a number, or text that is one, from `min` (to `max`).
 */
export function checkWholeNumber(input: unknown, min: number, max?: number): number {
	const value = typeof input === 'string' && input.trim() !== '' ? Number(input) : input;
	if (typeof value !== 'number' || !Number.isInteger(value) || value < min || (max !== undefined && value > max)) {
		const range = max !== undefined ? ` from ${min} to ${max}` : min === 0 ? ', 0 or more' : ` of at least ${min}`;
		throw new InvalidValueError(`must be a whole number${range} (got ${JSON.stringify(input) ?? 'nothing'})`);
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
