import { collectionOf, instanceIdOf } from '../helpers/resourceNames';
import type { PhoneNumberInstance } from '../helpers/simplify';
import type { KnownInstance, Snapshot } from './state';
import { decodeKnown, encodeKnown, knownOf } from './state';

export type TriggerEvent = 'complianceChanged' | 'instanceAdded' | 'instanceRemoved' | 'lifecycleStateChanged';

/** One detected change; an instance that changed lifecycle and compliance at once yields two. */
export type Change =
	| { event: 'lifecycleStateChanged'; instance: PhoneNumberInstance; previousLifecycleState: string }
	| { event: 'complianceChanged'; instance: PhoneNumberInstance; previousCompliant: boolean }
	| { event: 'instanceAdded'; instance: PhoneNumberInstance }
	| { event: 'instanceRemoved'; name: string; lastKnown: KnownInstance };

/** The instance ID: the last segment of its resource name (unique within the watched project). */
function idOfInstance(instance: PhoneNumberInstance): string | undefined {
	const id = instance.name ? instanceIdOf(instance.name) : '';
	return id ? id : undefined;
}

/**
 * The snapshot of a complete listing (a repeated instance, from a page boundary shift, counts
 * once), plus the vanished instances a GET `confirmed` still there.
 */
export function snapshotOf(listing: PhoneNumberInstance[], confirmed: PhoneNumberInstance[] = []): Snapshot {
	const snapshot: Snapshot = {};
	for (const instance of confirmed.length > 0 ? [...listing, ...confirmed] : listing) {
		const id = idOfInstance(instance);
		if (id !== undefined) snapshot[id] = encodeKnown(knownOf(instance));
	}
	return snapshot;
}

/**
 * IDs of the saved snapshot that the listing does not hold. Before they are reported removed,
 * each is confirmed with a GET (see poll.ts): a listing whose page tokens are offsets can skip
 * an instance when another one leaves the project mid-listing.
 */
export function vanishedIds(previous: Snapshot, listing: PhoneNumberInstance[]): string[] {
	const listed = new Set<string>();
	for (const instance of listing) {
		const id = idOfInstance(instance);
		if (id !== undefined) listed.add(id);
	}
	return Object.keys(previous).filter((id) => !listed.has(id));
}

/**
 * Every change between the saved snapshot and a complete listing of the same scope.
 * `confirmed` are vanished instances a GET found still in the project (skipped by paging): they
 * count as listed (diffed normally, after the listed ones); every other vanished one is removed.
 * Instances keep listing order (newest first); removals follow.
 */
export function diffListing(previous: Snapshot, listing: PhoneNumberInstance[], projectName: string, confirmed: PhoneNumberInstance[] = []): Change[] {
	const changes: Change[] = [];
	const seen = new Set<string>();
	for (const instance of confirmed.length > 0 ? [...listing, ...confirmed] : listing) {
		const id = idOfInstance(instance);
		if (id === undefined || seen.has(id)) continue;
		seen.add(id);
		const before = Object.prototype.hasOwnProperty.call(previous, id) ? previous[id] : undefined;
		if (before === undefined) {
			changes.push({ event: 'instanceAdded', instance });
			continue;
		}
		const now = knownOf(instance);
		// Most instances are unchanged: comparing the encoded entries skips decoding them.
		if (before === encodeKnown(now)) continue;
		const was = decodeKnown(before);
		if (was.lifecycleState !== now.lifecycleState) {
			changes.push({ event: 'lifecycleStateChanged', instance, previousLifecycleState: was.lifecycleState });
		}
		if (was.compliant !== now.compliant) {
			changes.push({ event: 'complianceChanged', instance, previousCompliant: was.compliant });
		}
	}
	for (const [id, entry] of Object.entries(previous)) {
		if (!seen.has(id)) changes.push({ event: 'instanceRemoved', name: `${collectionOf(projectName)}/${id}`, lastKnown: decodeKnown(entry) });
	}
	return changes;
}
