/**
 * The one rule for what a field expects as text, whatever an expression gave: text as it is,
 * numbers (and, for free text, booleans) as their text, nothing as ''. Lists and objects are
 * refused: sent as text they would arrive as "[object Object]" or "a,b".
 */
import { InvalidValueError } from '../errors';

/** How a value is named in a message: "a list", "an object", "a number", … */
export function kindOf(input: unknown): string {
	if (input === null || input === undefined) return 'nothing';
	if (Array.isArray(input)) return 'a list';
	if (typeof input === 'object') return 'an object';
	if (typeof input === 'number' || typeof input === 'bigint') return 'a number';
	if (typeof input === 'boolean') return 'a boolean';
	return `a ${typeof input}`;
}

/** The value as a short quote for messages. */
export function preview(input: unknown): string {
	let text: string;
	try {
		text = JSON.stringify(input) ?? String(input);
	} catch {
		text = String(input);
	}
	return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function refuse(input: unknown, expected: string): never {
	throw new InvalidValueError(`must be ${expected}, not ${kindOf(input)} (got ${preview(input)})`);
}

/** Free text (names, label keys and values, URIs): numbers and booleans become their text. */
export function toText(input: unknown, expected = 'text'): string {
	if (input === undefined || input === null) return '';
	if (typeof input === 'string') return input;
	if (typeof input === 'number' || typeof input === 'boolean' || typeof input === 'bigint') return String(input);
	return refuse(input, expected);
}

/** An identifier (a phone number, a resource name or ID, a project): text or a number, nothing else. */
export function toIdentifierText(input: unknown, expected: string): string {
	if (input === undefined || input === null) return '';
	if (typeof input === 'string') return input;
	if (typeof input === 'number' && Number.isFinite(input)) return String(input);
	return refuse(input, expected);
}
