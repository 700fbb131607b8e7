import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { phoneNumberInstances, regulatoryListings } from '../api';
import { asNodeError, isNotFound } from '../errors';
import { toInstanceName } from '../helpers/resourceNames';
import { runPooled } from '../helpers/workerPool';
import type { PhoneNumberInstance } from '../models/phoneNumberInstance';
import { enfonicaApiRequest, enfonicaApiRequestAllItems } from '../transport';
import type { Change } from './diff';
import { diffListing, fingerprintsOf, listingConfigurationText, listingText, snapshotOf, vanishedIds } from './diff';
import { changeToJson, isHarmlessToForget, isWanted } from './events';
import { diffListings, listingFlagsOf, readListingFlags } from './listings';
import { sampleChange, sampleListingChange } from './sampleEvent';
import type { TriggerSettings } from './settings';
import { readSettings } from './settings';
import type { SavedState, Snapshot } from './state';
import { readSaved, scopeKey, stateOf } from './state';
import type { StateStore } from './store';
import { openStore } from './store';

/** Polls running in this process, by workflow, node and scope. */
const pollsInFlight = new Set<string>();

/** Vanished instances are confirmed this many at a time (a bulk move away can vanish many at once). */
const CONFIRM_CONCURRENCY = 5;

/**
 * The vanished instances (in the snapshot, not in the listing) that a GET finds still in the
 * project: the listing skipped them (offset-based page tokens shift when another instance leaves
 * mid-listing). A 404 means really removed (moved away or purged). Any other failure throws, so
 * the poll fails before the state is touched.
 */
async function confirmVanished(this: IPollFunctions, previous: Snapshot, listing: PhoneNumberInstance[], projectName: string): Promise<PhoneNumberInstance[]> {
	const queue = vanishedIds(previous, listing);
	if (queue.length === 0) return [];
	const found: Array<PhoneNumberInstance | undefined> = new Array(queue.length);
	await runPooled(queue, CONFIRM_CONCURRENCY, async (id, index) => {
		let name: string;
		try {
			name = toInstanceName(id, projectName);
		} catch {
			// Not an ID Enfonica issues, so nothing to ask about: removed, as before.
			return;
		}
		try {
			found[index] = await enfonicaApiRequest(this, phoneNumberInstances.get, { name });
		} catch (error) {
			if (isNotFound(error)) return;
			throw asNodeError(this.getNode(), error);
		}
	});
	return found.filter((instance): instance is PhoneNumberInstance => instance !== undefined);
}

function listQuery(settings: TriggerSettings): IDataObject {
	// Deleted instances stay listed, so a deletion is seen as a change to DELETED, not a removal.
	return { includeDeleted: true, ...(settings.prefix ? { prefix: settings.prefix } : {}) };
}

/** Manual mode: one event from the newest instance (or listing; the API lists newest first); the saved state is not read or written. */
async function testEvent(this: IPollFunctions, settings: TriggerSettings): Promise<INodeExecutionData[][]> {
	const event = settings.events[0] ?? 'lifecycleStateChanged';
	const detectedAt = new Date().toISOString();
	if (event === 'listingReviewChanged') {
		const [newest] = await enfonicaApiRequestAllItems(this, regulatoryListings.list, { parent: settings.projectName }, { limit: 1 });
		if (!newest) {
			throw new NodeOperationError(this.getNode(), `No regulatory listings in ${settings.projectName} to build a test event from`, {
				description: 'Check the Project, or create a regulatory listing in that project first.',
			});
		}
		return [this.helpers.returnJsonArray([changeToJson(sampleListingChange(newest), { output: settings.output, detectedAt })])];
	}
	const [newest] = await enfonicaApiRequestAllItems(this, phoneNumberInstances.list, { parent: settings.projectName, qs: listQuery(settings) }, { limit: 1 });
	if (!newest) {
		throw new NodeOperationError(
			this.getNode(),
			`No phone number instances in ${settings.projectName}${settings.prefix ? ` with prefix ${settings.prefix}` : ''} to build a test event from`,
			{ description: 'Check the Project and the Prefix filter, or buy a number in that project first.' },
		);
	}
	const change = sampleChange(event, newest, newest.name ?? settings.projectName);
	return [this.helpers.returnJsonArray([changeToJson(change, { output: settings.output, detectedAt })])];
}

/**
 * One poll: list the whole scope (and the project's regulatory listings when Regulatory Listing
 * Review Changed is selected), confirm vanished instances, compare with the saved state.
 *
 * n8n saves a polling trigger's static data only when the poll emits (and after an activation):
 * what a poll returning null writes stays in memory, and a restart, a re-activation or n8n's
 * scheduler (which reloads the workflow on every tick) starts again from the saved copy. So the
 * state is written only by a poll whose write n8n saves:
 * - the first poll for a scope (run at activation, saved by n8n right after) records the baseline;
 *   as a durable cursor, or over another scope's state, it returns an empty item list to be saved;
 * - nothing changed: nothing is written, null;
 * - changes, some wanted: the new state is written and the items returned (n8n saves it);
 * - changes, none wanted (filtered out by Events or Lifecycle States), or only something the
 *   state must remember without an event (a listing created, fingerprints recorded for a newly
 *   selected Configuration Changed, a state moved from where an earlier version kept it): the
 *   new state is written and an empty item list returned: n8n saves the state and starts an
 *   execution with no items (no node after the trigger runs). With n8n's durable poll cursors on
 *   (the option, and the state is a cursor), n8n commits a null scheduled poll's state itself, so
 *   null is returned when forgetting the changes could hide no later alert (an activation's null
 *   poll is not committed, and the next poll compares with the state before it).
 * A listing or a confirmation that fails throws before the state is touched, so the next good
 * poll reports every change exactly once. With On Poll Failure = Alert Once the first failed poll
 * of an outage emits pollFailing instead (saved with the time it started), later ones nothing, and
 * the first good poll emits pollRecovered with every change since the last good poll.
 */
export async function pollChanges(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const settings = await readSettings.call(this);
	if (this.getMode() === 'manual') return await testEvent.call(this, settings);

	// n8n starts a poll on schedule even while the last one still runs (a slow listing of a large
	// project): both would compare with the same snapshot and report the same changes twice.
	const scope = scopeKey(settings.projectName, settings.prefix);
	const key = [this.getWorkflow().id ?? '', this.getNode().id, scope].join('\n');
	// The running poll reports what it sees; what changes after its listing, the next poll does.
	if (pollsInFlight.has(key)) return null;
	pollsInFlight.add(key);
	try {
		const store = openStore.call(this);
		const failingSince = typeof store.state?.failingSince === 'string' ? store.state.failingSince : undefined;
		try {
			return await compareWithSaved.call(this, settings, scope, store, failingSince);
		} catch (error) {
			if (settings.onPollFailure !== 'alertOnce') throw asNodeError(this.getNode(), error);
			// Already alerted for this outage: silence until a poll succeeds.
			if (failingSince !== undefined) return null;
			const since = new Date().toISOString();
			// Saved with the alert (n8n saves static data when a poll emits): a restart does not repeat it.
			store.write({ ...store.state, failingSince: since });
			return [this.helpers.returnJsonArray([{ event: 'pollFailing', error: (error as Error).message, failingSince: since }])];
		}
	} finally {
		pollsInFlight.delete(key);
	}
}

async function compareWithSaved(this: IPollFunctions, settings: TriggerSettings, scope: string, store: StateStore, failingSince: string | undefined): Promise<INodeExecutionData[][] | null> {
	const listing = await enfonicaApiRequestAllItems(this, phoneNumberInstances.list, { parent: settings.projectName, qs: listQuery(settings) });
	// Listed only when asked about: one more listing per poll.
	const listings = settings.events.includes('listingReviewChanged')
		? await enfonicaApiRequestAllItems(this, regulatoryListings.list, { parent: settings.projectName })
		: undefined;
	const keepConfiguration = settings.events.includes('configurationChanged');
	const detectedAt = new Date().toISOString();
	const recovered: IDataObject[] = failingSince === undefined ? [] : [{ event: 'pollRecovered', failingSince, recoveredAt: detectedAt }];
	const saved = store.state === undefined ? undefined : readSaved(store.state, scope);
	const savedListings = readListingFlags(saved?.listings);
	const nextState = (snapshot: Snapshot, confirmed: PhoneNumberInstance[] = []) =>
		stateOf(scope, snapshot, {
			fingerprints: keepConfiguration ? fingerprintsOf(listing, confirmed) : undefined,
			listings: listings ? listingFlagsOf(listings) : undefined,
		});
	const emit = (changes: Change[]) => [
		...recovered,
		...changes.filter((change) => isWanted(change, settings)).map((change) => changeToJson(change, { output: settings.output, detectedAt })),
	];

	// The common case, nothing changed: the listing gives exactly the saved text.
	if (saved !== undefined && isUnchanged(saved, listing, keepConfiguration) && (listings === undefined || diffListings(savedListings, listings).moved === false)) {
		if (recovered.length === 0 && !store.migrating) {
			dropDeselected(store, keepConfiguration, listings !== undefined);
			return null;
		}
		const snapshot = saved.snapshot();
		if (snapshot !== undefined) {
			store.write(stateOf(scope, snapshot, { fingerprints: keepConfiguration ? saved.fingerprints(snapshot) : undefined, listings: listings ? savedListings : undefined }));
			return recovered.length > 0 ? [this.helpers.returnJsonArray(recovered)] : [[]];
		}
	}
	const previous = saved?.snapshot();
	// No baseline for this scope yet (first poll, project/prefix changed, or a state this version
	// cannot read: edited by hand or by another version): nothing to compare with, never a burst.
	if (previous === undefined) {
		// n8n's save after an activation keeps a first baseline only in the workflow's own static
		// data. State of another scope (the project came from an edited credential, say) means this
		// is not that activation poll, and a durable cursor is not committed when an activation's
		// poll returns null: either way emit nothing, but have n8n save the baseline.
		const keptByActivation = store.state === undefined && !store.isCursor;
		store.write(nextState(snapshotOf(listing)));
		if (recovered.length > 0) return [this.helpers.returnJsonArray(recovered)];
		return keptByActivation ? null : [[]];
	}
	// Before the state is touched: a failed confirmation fails the poll with the state as it was.
	const confirmed = await confirmVanished.call(this, previous, listing, settings.projectName);
	const fingerprints = keepConfiguration ? saved?.fingerprints(previous) : undefined;
	const changes = diffListing(previous, listing, settings.projectName, confirmed, fingerprints);
	const reviews = listings ? diffListings(savedListings, listings) : { changes: [], moved: false };
	changes.push(...reviews.changes);
	// Fingerprints to record (Configuration Changed newly selected): without them no later change is seen.
	const recordsFingerprints = keepConfiguration && fingerprints === undefined && listing.length > 0;
	if (changes.length === 0 && !reviews.moved && !recordsFingerprints && recovered.length === 0 && !store.migrating) {
		dropDeselected(store, keepConfiguration, listings !== undefined);
		return null;
	}

	// The items first: should building them fail, the state has not moved past them.
	const items = emit(changes);
	store.write(nextState(snapshotOf(listing, confirmed), confirmed));
	if (items.length > 0) return [this.helpers.returnJsonArray(items)];
	// n8n commits the cursor of a scheduled poll that returns nothing, but not of the poll it runs
	// at activation (indistinguishable here): the next poll may then compare with the state before.
	const leaveToCursor =
		settings.durablePollCursors && store.isCursor && !store.migrating && !reviews.moved && !recordsFingerprints && changes.every((change) => isHarmlessToForget(change, settings));
	return leaveToCursor ? null : [[]];
}

/** Whether the listing gives exactly the saved text (and fingerprints, while they are kept). */
function isUnchanged(saved: SavedState, listing: PhoneNumberInstance[], keepConfiguration: boolean): boolean {
	if (saved.text === undefined || saved.text !== listingText(listing)) return false;
	return !keepConfiguration || saved.configurationText === listingConfigurationText(listing);
}

/**
 * Parts of the state whose event is no longer selected are dropped (fingerprints are kept only
 * while Configuration Changed is selected). Deselecting means publishing the workflow again,
 * and n8n saves the static data after that activation: no execution is started for it.
 */
function dropDeselected(store: StateStore, keepConfiguration: boolean, keepListings: boolean): void {
	const state = store.state;
	if (state === undefined) return;
	const stale = [...(keepConfiguration ? [] : ['cfg']), ...(keepListings ? [] : ['listings'])].filter((key) => key in state);
	if (stale.length === 0) return;
	const kept = { ...state };
	for (const key of stale) delete kept[key];
	store.write(kept);
}
