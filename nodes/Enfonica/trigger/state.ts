import type { IDataObject } from 'n8n-workflow';

import type { PhoneNumberInstance } from '../models/phoneNumberInstance';
import { numberOf } from '../models/phoneNumberInstance';
import { FINGERPRINT_LENGTH, isFingerprint } from './configuration';

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
 * separator the text form cannot carry. While their events are selected the state also holds `cfg`
 * (configuration fingerprints, configuration.ts) and `listings` (listings.ts); `failingSince` marks
 * an outage already alerted (On Poll Failure = Alert Once). Where it is kept: store.ts.
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
 * An ID as saved: anything Enfonica could have issued (IDs are not documented, so only what cannot
 * be one is refused: empty, a slash, whitespace).
 */
export function isReadableId(id: string): boolean {
	return id !== '' && !/[/\s]/.test(id);
}

const READABLE_ENTRY = /^(?:[adspuADSPU]\d*|~[A-Z][A-Z0-9_]*~[01]~\d*)$/;

/** An entry this version can decode: a known code and digits, or the verbose form of a state added later. */
function isReadableEntry(entry: unknown): entry is string {
	return typeof entry === 'string' && READABLE_ENTRY.test(entry);
}

/** The saved state for one scope, as read (see readSaved). */
export interface SavedState {
	/** The saved text form as it is (v2), for the unchanged-poll check. */
	text?: string;
	/** The snapshot; undefined when any record is unreadable (edited by hand, another version): a new baseline. */
	snapshot: () => Snapshot | undefined;
	/** The saved configuration fingerprints in text form (v2), for the unchanged-poll check. */
	configurationText?: string;
	/** The fingerprints of the snapshot's instances; undefined when none are saved or they are unreadable. */
	fingerprints: (snapshot: Snapshot) => Map<string, string> | undefined;
	/** The saved listing review flags (raw; see listings.ts). */
	listings?: unknown;
}

/**
 * The saved state for this scope, undefined when there is none yet (first poll, scope changed,
 * unknown format).
 */
export function readSaved(staticData: IDataObject, scope: string): SavedState | undefined {
	if (staticData.scope !== scope) return undefined;
	const { ids, cfg, listings } = staticData;
	if (staticData.v === STATE_VERSION && typeof ids === 'string') {
		return {
			text: ids,
			snapshot: () => parseText(ids),
			configurationText: typeof cfg === 'string' ? cfg : undefined,
			fingerprints: (snapshot) => alignedFingerprints(cfg, snapshot),
			listings,
		};
	}
	if (staticData.v === OBJECT_STATE_VERSION && isPlainObject(ids)) {
		return { snapshot: () => parseObject(ids), fingerprints: (snapshot) => keyedFingerprints(cfg, snapshot), listings };
	}
	return undefined;
}

/** The saved snapshot for this scope, or undefined when there is none yet (or it is unreadable). */
export function readSnapshot(staticData: IDataObject, scope: string): Snapshot | undefined {
	return readSaved(staticData, scope)?.snapshot();
}

function isPlainObject(value: unknown): value is IDataObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function parseText(text: string): Snapshot | undefined {
	const snapshot: Snapshot = new Map();
	if (text === '') return snapshot;
	for (const record of text.split(RECORD_SEPARATOR)) {
		const at = record.indexOf(KEY_SEPARATOR);
		const id = record.slice(0, at);
		const entry = record.slice(at + 1);
		if (at < 0 || !isReadableId(id) || !isReadableEntry(entry) || snapshot.has(id)) return undefined;
		snapshot.set(id, entry);
	}
	return snapshot;
}

function parseObject(ids: IDataObject): Snapshot | undefined {
	const snapshot: Snapshot = new Map();
	for (const [id, entry] of Object.entries(ids)) {
		if (!isReadableId(id) || !isReadableEntry(entry)) return undefined;
		snapshot.set(id, entry);
	}
	return snapshot;
}

/** Fingerprints saved as one string in the order of the text form's records. */
function alignedFingerprints(cfg: unknown, snapshot: Snapshot): Map<string, string> | undefined {
	if (typeof cfg !== 'string' || cfg.length !== snapshot.size * FINGERPRINT_LENGTH) return undefined;
	const fingerprints = new Map<string, string>();
	let at = 0;
	for (const id of snapshot.keys()) {
		const fingerprint = cfg.slice(at, at + FINGERPRINT_LENGTH);
		if (!isFingerprint(fingerprint)) return undefined;
		fingerprints.set(id, fingerprint);
		at += FINGERPRINT_LENGTH;
	}
	return fingerprints;
}

function keyedFingerprints(cfg: unknown, snapshot: Snapshot): Map<string, string> | undefined {
	if (!isPlainObject(cfg)) return undefined;
	const fingerprints = new Map<string, string>();
	for (const id of snapshot.keys()) {
		const fingerprint = cfg[id];
		if (!isFingerprint(fingerprint)) return undefined;
		fingerprints.set(id, fingerprint);
	}
	return fingerprints;
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

/** What a poll saves besides the snapshot; each part only while its event is selected. */
export interface StateParts {
	/** Instance ID → configuration fingerprint, for every instance of the snapshot. */
	fingerprints?: Map<string, string>;
	/** Listing ID → review flags (listings.ts). */
	listings?: IDataObject;
}

/** The whole saved state of one scope, as one plain object. */
export function stateOf(scope: string, snapshot: Snapshot, parts: StateParts = {}): IDataObject {
	const text = snapshotText(snapshot);
	const state: IDataObject = { v: text === undefined ? OBJECT_STATE_VERSION : STATE_VERSION, scope, ids: text ?? Object.fromEntries(snapshot) };
	const { fingerprints, listings } = parts;
	if (fingerprints) {
		state.cfg = text === undefined ? Object.fromEntries(fingerprints) : [...snapshot.keys()].map((id) => fingerprints.get(id) ?? '').join('');
	}
	if (listings) state.listings = listings;
	return state;
}

/** Replaces the saved state in one step (callers only get here after a complete listing). */
export function writeSnapshot(staticData: IDataObject, scope: string, snapshot: Snapshot): void {
	for (const key of Object.keys(staticData)) delete staticData[key];
	Object.assign(staticData, stateOf(scope, snapshot));
}
