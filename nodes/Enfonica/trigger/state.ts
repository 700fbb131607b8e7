import type { IDataObject } from 'n8n-workflow';

import type { PhoneNumberInstance } from '../helpers/simplify';

/**
 * The trigger's memory between polls. n8n saves it with the workflow, so it is kept tiny:
 * one short string per instance, keyed by instance ID (≈ 40 bytes per number as JSON).
 *
 *   { v: 1, scope: "projects/p|+612", ids: { "<instance id>": "A61255501100", … } }
 *
 * An entry is one character for lifecycle state + compliance, then the E.164 digits of the
 * number (or a range's first number) so a vanished instance can still be reported by number.
 */

/** Bumped when the encoding changes: an old state is then treated as no baseline. */
const STATE_VERSION = 1;

/** Lowercase = not compliant, uppercase = compliant. */
const LIFECYCLE_CODES: Record<string, string> = {
	LIFECYCLE_STATE_UNSPECIFIED: 'u',
	ACTIVE: 'a',
	DELETED: 'd',
	SUSPENDED: 's',
	PENDING: 'p',
};
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

/** Instance ID → encoded KnownInstance. */
export type Snapshot = Record<string, string>;

/** The facts the trigger compares, with the API's missing-means-default rule applied. */
export function knownOf(instance: PhoneNumberInstance): KnownInstance {
	return {
		lifecycleState: instance.lifecycleState || DEFAULT_LIFECYCLE_STATE,
		compliant: instance.compliant === true,
		phoneNumber: instance.phoneNumber?.phoneNumber || instance.range?.startPhoneNumber || '',
	};
}

export function encodeKnown(known: KnownInstance): string {
	const digits = known.phoneNumber.replace(/^\+/, '');
	const code = LIFECYCLE_CODES[known.lifecycleState];
	if (code !== undefined) return (known.compliant ? code.toUpperCase() : code) + digits;
	// A lifecycle state added to the API later: kept verbatim so its changes are still seen.
	return [VERBOSE + known.lifecycleState, known.compliant ? '1' : '0', digits].join(VERBOSE);
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

/** The saved snapshot for this scope, or undefined when there is none yet (first poll, scope changed, old format). */
export function readSnapshot(staticData: IDataObject, scope: string): Snapshot | undefined {
	if (staticData.v !== STATE_VERSION || staticData.scope !== scope) return undefined;
	const ids = staticData.ids;
	if (ids === null || typeof ids !== 'object' || Array.isArray(ids)) return undefined;
	return ids as Snapshot;
}

/** Replaces the saved state in one step (callers only get here after a complete listing). */
export function writeSnapshot(staticData: IDataObject, scope: string, snapshot: Snapshot): void {
	for (const key of Object.keys(staticData)) delete staticData[key];
	staticData.v = STATE_VERSION;
	staticData.scope = scope;
	staticData.ids = snapshot;
}
