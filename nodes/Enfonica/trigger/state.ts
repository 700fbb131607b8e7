import type { IDataObject } from 'n8n-workflow';

import type { PhoneNumberInstance } from '../models/phoneNumberInstance';
import { numberOf } from '../models/phoneNumberInstance';

/**
 * The trigger's memory between polls. n8n saves it with the workflow (and loads it back on every
 * tick with its scheduler), so it is one short string per instance, all in one string:
 *
 *   { v: 2, scope: "projects/p|+612", ids: "<instance id>=A61255501100;<instance id>=s61255501101;…" }
 *
 * ≈ 34 bytes per number as JSON, and one string for n8n to load, copy and save instead of
 * thousands of keys. Records are in listing order, so a poll that sees nothing changed rebuilds
 * the identical string and compares it in one step (see poll.ts). An entry is one character for
 * lifecycle state + compliance, then the E.164 digits of the number (or a range's first number)
 * so a vanished instance can still be reported by number. Version 1 (the same entries as an
 * object keyed by instance ID) is still read, and still written when an ID or entry holds a
 * separator the text form cannot carry.
 */

/** Bumped when the encoding changes; older versions this code can read are listed in readSnapshot. */
const STATE_VERSION = 2;
const OBJECT_STATE_VERSION = 1;
const KEY_SEPARATOR = '=';
const RECORD_SEPARATOR = ';';

/** Lowercase = not compliant, uppercase = compliant. */
const LIFECYCLE_CODES: Record<string, string> = {
	LIFECYCLE_STATE_UNSPECIFIED: 'u',
	ACTIVE: 'a',
	DELETED: 'd',
	SUSPENDED: 's',
	PENDING: 'p',
};
const UPPER_CODES: Record<string, string> = Object.fromEntries(Object.entries(LIFECYCLE_CODES).map(([state, code]) => [state, code.toUpperCase()]));
const CODE_LIFECYCLES: Record<string, string> = Object.fromEntries(Object.entries(LIFECYCLE_CODES).map(([state, code]) => [code, state]));

/** Marks an entry for a lifecycle state this version does not know: `~STATE~c~digits`. */
const VERBOSE = '~';

export const DEFAULT_LIFECYCLE_STATE = 'LIFECYCLE_STATE_UNSPECIFIED';

/** What the trigger remembers about one instance. */
export interface KnownInstance {
	lifecycleState: string;
	compliant: boolean;
	/** E.164, or '' when the instance had no number. */
	phoneNumber: string;
}

/** Instance ID → encoded KnownInstance, in listing order. */
export type Snapshot = Map<string, string>;

/** The facts the trigger compares, with the API's missing-means-default rule applied. */
export function knownOf(instance: PhoneNumberInstance): KnownInstance {
	return {
		lifecycleState: instance.lifecycleState || DEFAULT_LIFECYCLE_STATE,
		compliant: instance.compliant === true,
		phoneNumber: numberOf(instance),
	};
}

export function encodeKnown(known: KnownInstance): string {
	return encodeEntry(known.lifecycleState, known.compliant, known.phoneNumber);
}

/** The entry of an instance as listed: encodeKnown(knownOf(instance)) without the intermediate object (run for every listed instance). */
export function entryOf(instance: PhoneNumberInstance): string {
	return encodeEntry(instance.lifecycleState || DEFAULT_LIFECYCLE_STATE, instance.compliant === true, numberOf(instance));
}

function encodeEntry(lifecycleState: string, compliant: boolean, phoneNumber: string): string {
	const digits = phoneNumber.charCodeAt(0) === 43 /* + */ ? phoneNumber.slice(1) : phoneNumber;
	const code = compliant ? UPPER_CODES[lifecycleState] : LIFECYCLE_CODES[lifecycleState];
	if (code !== undefined) return code + digits;
	// A lifecycle state added to the API later: kept verbatim so its changes are still seen.
	return [VERBOSE + lifecycleState, compliant ? '1' : '0', digits].join(VERBOSE);
}

export function decodeKnown(entry: string): KnownInstance {
	if (entry.startsWith(VERBOSE)) {
		const [lifecycleState, compliant, digits] = entry.slice(1).split(VERBOSE);
		return { lifecycleState, compliant: compliant === '1', phoneNumber: digits ? `+${digits}` : '' };
	}
	const code = entry.charAt(0);
	const digits = entry.slice(1);
	return {
		lifecycleState: CODE_LIFECYCLES[code.toLowerCase()] ?? DEFAULT_LIFECYCLE_STATE,
		compliant: code !== code.toLowerCase(),
		phoneNumber: digits ? `+${digits}` : '',
	};
}

/** What the trigger watches; a different scope means the saved snapshot says nothing about it. */
export function scopeKey(projectName: string, prefix: string): string {
	return `${projectName}|${prefix}`;
}

/**
 * The saved state for this scope, undefined when there is none yet (first poll, scope changed,
 * unknown format). `text` is the saved text form as it is (v2), for the unchanged-poll check.
 */
export function readSaved(staticData: IDataObject, scope: string): { text?: string; snapshot: () => Snapshot } | undefined {
	if (staticData.scope !== scope) return undefined;
	const ids = staticData.ids;
	if (staticData.v === STATE_VERSION && typeof ids === 'string') return { text: ids, snapshot: () => parseText(ids) };
	if (staticData.v === OBJECT_STATE_VERSION && ids !== null && typeof ids === 'object' && !Array.isArray(ids)) {
		return { snapshot: () => new Map(Object.entries(ids as IDataObject).filter((entry): entry is [string, string] => typeof entry[1] === 'string')) };
	}
	return undefined;
}

/** The saved snapshot for this scope, or undefined when there is none yet. */
export function readSnapshot(staticData: IDataObject, scope: string): Snapshot | undefined {
	return readSaved(staticData, scope)?.snapshot();
}

function parseText(text: string): Snapshot {
	const snapshot: Snapshot = new Map();
	if (text === '') return snapshot;
	for (const record of text.split(RECORD_SEPARATOR)) {
		const at = record.indexOf(KEY_SEPARATOR);
		if (at < 0) continue;
		snapshot.set(record.slice(0, at), record.slice(at + 1));
	}
	return snapshot;
}

/** The text form of a snapshot (records in its order), or undefined when an ID or entry holds a separator. */
export function snapshotText(snapshot: Snapshot): string | undefined {
	return textOf(snapshot);
}

/** The text form of (ID, entry) records in order, or undefined when one holds a separator. */
export function textOf(records: Iterable<[string, string]>): string | undefined {
	let text = '';
	let first = true;
	for (const [id, entry] of records) {
		if (!fitsText(id) || !fitsText(entry)) return undefined;
		text += first ? id + KEY_SEPARATOR + entry : RECORD_SEPARATOR + id + KEY_SEPARATOR + entry;
		first = false;
	}
	return text;
}

function fitsText(value: string): boolean {
	return !value.includes(KEY_SEPARATOR) && !value.includes(RECORD_SEPARATOR);
}

/** Replaces the saved state in one step (callers only get here after a complete listing). */
export function writeSnapshot(staticData: IDataObject, scope: string, snapshot: Snapshot): void {
	const text = snapshotText(snapshot);
	for (const key of Object.keys(staticData)) delete staticData[key];
	staticData.v = text === undefined ? OBJECT_STATE_VERSION : STATE_VERSION;
	staticData.scope = scope;
	staticData.ids = text ?? Object.fromEntries(snapshot);
}
