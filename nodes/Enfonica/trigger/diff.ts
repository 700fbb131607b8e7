import { collectionOf, instanceIdOf } from '../helpers/resourceNames';
import type { PhoneNumberInstance } from '../models/phoneNumberInstance';
import type { ConfigurationField } from './configuration';
import { changedFields, fingerprintOf } from './configuration';
import type { ListingReviewChange } from './listings';
import type { KnownInstance, Snapshot } from './state';
import { decodeKnown, entryOf, knownOf, textOf } from './state';

export type TriggerEvent =
	| 'complianceChanged'
	| 'configurationChanged'
	| 'instanceAdded'
	| 'instanceRemoved'
	| 'lifecycleStateChanged'
	| 'listingReviewChanged';

/** One detected change; an instance that changed lifecycle and compliance at once yields two. */
export type Change =
	| { event: 'lifecycleStateChanged'; instance: PhoneNumberInstance; previousLifecycleState: string }
	| { event: 'complianceChanged'; instance: PhoneNumberInstance; previousCompliant: boolean }
	| { event: 'configurationChanged'; instance: PhoneNumberInstance; changedFields: ConfigurationField[] }
	| { event: 'instanceAdded'; instance: PhoneNumberInstance }
	| { event: 'instanceRemoved'; name: string; lastKnown: KnownInstance }
	| ListingReviewChange;

/** The instance ID: the last segment of its resource name (unique within the watched project). */
function idOfInstance(instance: PhoneNumberInstance): string | undefined {
	const id = instance.name ? instanceIdOf(instance.name) : '';
	return id ? id : undefined;
}

/**
 * The snapshot of a complete listing, in listing order (a repeated instance, from a page boundary
 * shift, counts once, where first listed), plus the vanished instances a GET `confirmed` still there.
 */
export function snapshotOf(listing: PhoneNumberInstance[], confirmed: PhoneNumberInstance[] = []): Snapshot {
	const snapshot: Snapshot = new Map();
	for (const instances of [listing, confirmed]) {
		for (const instance of instances) {
			const id = idOfInstance(instance);
			if (id !== undefined && !snapshot.has(id)) snapshot.set(id, entryOf(instance));
		}
	}
	return snapshot;
}

/** The configuration fingerprints of the snapshotOf the same arguments, by instance ID. */
export function fingerprintsOf(listing: PhoneNumberInstance[], confirmed: PhoneNumberInstance[] = []): Map<string, string> {
	const fingerprints = new Map<string, string>();
	for (const instances of [listing, confirmed]) {
		for (const instance of instances) {
			const id = idOfInstance(instance);
			if (id !== undefined && !fingerprints.has(id)) fingerprints.set(id, fingerprintOf(instance));
		}
	}
	return fingerprints;
}

/** The saved text form of the listing's fingerprints (aligned with listingText's records). */
export function listingConfigurationText(listing: PhoneNumberInstance[]): string {
	let text = '';
	for (const instance of listing) if (idOfInstance(instance) !== undefined) text += fingerprintOf(instance);
	return text;
}

/**
 * The saved text form (state.ts) of the listing's (ID, entry) records in listing order, built
 * without a snapshot. Saved text holds each ID once, so a listing that gives exactly the saved
 * text has nothing changed, added, repeated or vanished. Undefined when the text form cannot hold it.
 */
export function listingText(listing: PhoneNumberInstance[]): string | undefined {
	return textOf(listedRecords(listing));
}

function* listedRecords(listing: PhoneNumberInstance[]): Generator<[string, string]> {
	for (const instance of listing) {
		const id = idOfInstance(instance);
		if (id !== undefined) yield [id, entryOf(instance)];
	}
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
	const vanished: string[] = [];
	for (const id of previous.keys()) if (!listed.has(id)) vanished.push(id);
	return vanished;
}

/**
 * Every change between the saved snapshot and a complete listing of the same scope.
 * `confirmed` are vanished instances a GET found still in the project (skipped by paging): they
 * count as listed (diffed normally, after the listed ones); every other vanished one is removed.
 * Instances keep listing order (newest first); removals follow.
 */
export function diffListing(
	previous: Snapshot,
	listing: PhoneNumberInstance[],
	projectName: string,
	confirmed: PhoneNumberInstance[] = [],
	/** Saved configuration fingerprints: given only while Configuration Changed is selected. */
	fingerprints?: Map<string, string>,
): Change[] {
	const changes: Change[] = [];
	const seen = new Set<string>();
	for (const instances of [listing, confirmed]) {
		for (const instance of instances) {
			const id = idOfInstance(instance);
			if (id === undefined || seen.has(id)) continue;
			seen.add(id);
			const before = previous.get(id);
			if (before === undefined) {
				changes.push({ event: 'instanceAdded', instance });
				continue;
			}
			if (fingerprints !== undefined) {
				const was = fingerprints.get(id);
				const now = fingerprintOf(instance);
				if (was !== undefined && was !== now) changes.push({ event: 'configurationChanged', instance, changedFields: changedFields(was, now) });
			}
			// Most instances are unchanged: comparing the encoded entries skips decoding them.
			if (before === entryOf(instance)) continue;
			const was = decodeKnown(before);
			const now = knownOf(instance);
			if (was.lifecycleState !== now.lifecycleState) {
				changes.push({ event: 'lifecycleStateChanged', instance, previousLifecycleState: was.lifecycleState });
			}
			if (was.compliant !== now.compliant) {
				changes.push({ event: 'complianceChanged', instance, previousCompliant: was.compliant });
			}
		}
	}
	for (const [id, entry] of previous) {
		if (!seen.has(id)) changes.push({ event: 'instanceRemoved', name: `${collectionOf(projectName)}/${id}`, lastKnown: decodeKnown(entry) });
	}
	return changes;
}
