import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { asNodeError } from '../helpers/inputError';
import { instancesIn, toInstanceName } from '../helpers/resourceNames';
import type { PhoneNumberInstance } from '../models/phoneNumberInstance';
import { enfonicaApiRequest, enfonicaApiRequestAllItems } from '../transport';
import { isNotFound } from '../transport/errors';
import { diffListing, listingText, snapshotOf, vanishedIds } from './diff';
import { changeToJson, isHarmlessToForget, isWanted } from './events';
import { sampleChange } from './sampleEvent';
import type { TriggerSettings } from './settings';
import { readSettings } from './settings';
import type { Snapshot } from './state';
import { readSaved, scopeKey, writeSnapshot } from './state';

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
	let next = 0;
	let failed = false;
	const worker = async () => {
		while (!failed && next < queue.length) {
			const index = next++;
			let name: string;
			try {
				name = toInstanceName(queue[index], projectName);
			} catch {
				// Not an ID Enfonica issues, so nothing to ask about: removed, as before.
				continue;
			}
			try {
				found[index] = (await enfonicaApiRequest.call(this, { method: 'GET', path: name })) as PhoneNumberInstance;
			} catch (error) {
				if (isNotFound(error)) continue;
				failed = true;
				throw asNodeError(this.getNode(), error);
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(CONFIRM_CONCURRENCY, queue.length) }, worker));
	return found.filter((instance): instance is PhoneNumberInstance => instance !== undefined);
}

function listQuery(settings: TriggerSettings): IDataObject {
	// Deleted instances stay listed, so a deletion is seen as a change to DELETED, not a removal.
	return { includeDeleted: true, ...(settings.prefix ? { prefix: settings.prefix } : {}) };
}

/** Manual mode: one event from the newest instance (the API lists newest first); the saved state is not read or written. */
async function testEvent(this: IPollFunctions, settings: TriggerSettings): Promise<INodeExecutionData[][]> {
	const [newest] = (await enfonicaApiRequestAllItems.call(this, instancesIn(settings.projectName), listQuery(settings), { limit: 1 })) as PhoneNumberInstance[];
	if (!newest) {
		throw new NodeOperationError(
			this.getNode(),
			`No phone number instances in ${settings.projectName}${settings.prefix ? ` with prefix ${settings.prefix}` : ''} to build a test event from`,
			{ description: 'Check the Project and the Prefix filter, or buy a number in that project first.' },
		);
	}
	const change = sampleChange(settings.events[0] ?? 'lifecycleStateChanged', newest, newest.name ?? settings.projectName);
	return [this.helpers.returnJsonArray([changeToJson(change, { simplify: settings.simplify, detectedAt: new Date().toISOString() })])];
}

/**
 * One poll: list the whole scope, confirm vanished instances, compare with the saved snapshot.
 *
 * n8n saves a polling trigger's static data only when the poll emits (and after an activation):
 * what a poll returning null writes stays in memory, and a restart, a re-activation or n8n's
 * scheduler (which reloads the workflow on every tick) starts again from the saved copy. So the
 * snapshot is written only by a poll whose write n8n saves:
 * - the first poll for a scope (run at activation, saved by n8n right after) records the baseline;
 *   as a durable cursor, or over another scope's state, it returns an empty item list to be saved;
 * - nothing changed: nothing is written, null;
 * - changes, some wanted: the new snapshot is written and the items returned (n8n saves it);
 * - changes, none wanted (filtered out by Events or Lifecycle States): they must still be
 *   remembered (a number leaving SUSPENDED must be seen suspended again), so the new snapshot is
 *   written and an empty item list returned: n8n saves the state and starts an execution with no
 *   items (no node after the trigger runs). With n8n's durable poll cursors on (the option, and
 *   the state is a cursor), n8n commits a null scheduled poll's state itself, so null is returned
 *   when forgetting the changes could hide no later alert (an activation's null poll is not
 *   committed, and the next poll compares with the state before it).
 * A listing or a confirmation that fails throws before the state is touched, so the next good
 * poll reports every change exactly once.
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
		return await compareWithSnapshot.call(this, settings, scope);
	} finally {
		pollsInFlight.delete(key);
	}
}

async function compareWithSnapshot(this: IPollFunctions, settings: TriggerSettings, scope: string): Promise<INodeExecutionData[][] | null> {
	const listing = (await enfonicaApiRequestAllItems.call(this, instancesIn(settings.projectName), listQuery(settings))) as PhoneNumberInstance[];
	const detectedAt = new Date().toISOString();
	const staticData = this.getWorkflowStaticData('node');
	const saved = readSaved(staticData, scope);
	// No baseline for this scope yet (first poll, or project/prefix changed): nothing to compare with.
	if (saved === undefined) {
		// n8n's save after an activation keeps a first baseline only in the workflow's own static
		// data. State of another scope (the project came from an edited credential, say) means this
		// is not that activation poll, and a durable cursor is not committed when an activation's
		// poll returns null: either way emit nothing, but have n8n save the baseline.
		const keptByActivation = Object.keys(staticData).length === 0 && isWorkflowStaticData(staticData);
		writeSnapshot(staticData, scope, snapshotOf(listing));
		return keptByActivation ? null : [[]];
	}
	// The common case, nothing changed: the listing gives exactly the saved text.
	if (saved.text !== undefined && saved.text === listingText(listing)) return null;
	const previous = saved.snapshot();
	// Before the state is touched: a failed confirmation fails the poll with the state as it was.
	const confirmed = await confirmVanished.call(this, previous, listing, settings.projectName);
	const changes = diffListing(previous, listing, settings.projectName, confirmed);
	if (changes.length === 0) return null;

	// The items first: should building them fail, the state has not moved past them.
	const items = changes
		.filter((change) => isWanted(change, settings))
		.map((change) => changeToJson(change, { simplify: settings.simplify, detectedAt }));
	writeSnapshot(staticData, scope, snapshotOf(listing, confirmed));
	if (items.length > 0) return [this.helpers.returnJsonArray(items)];
	// n8n commits the cursor of a scheduled poll that returns nothing, but not of the poll it runs
	// at activation (indistinguishable here): the next poll may then compare with the state before.
	const leaveToCursor = settings.durablePollCursors && !isWorkflowStaticData(staticData) && changes.every((change) => isHarmlessToForget(change, settings));
	return leaveToCursor ? null : [[]];
}

/**
 * Whether n8n keeps this static data with the workflow (saved after an activation and when a
 * poll emits), rather than as a durable poll cursor (saved when a poll emits or a scheduled poll
 * returns null). n8n makes a workflow's static data an ObservableObject, which carries a hidden
 * `__dataChanged` flag (n8n-workflow 1.x and 2.x); a durable cursor is a plain copy of its
 * database row. Only ever used to save more: guessing wrong costs an execution with no items.
 */
function isWorkflowStaticData(staticData: IDataObject): boolean {
	return '__dataChanged' in staticData;
}
