import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { PhoneNumberInstance } from '../helpers/simplify';
import { enfonicaApiRequestAllItems } from '../transport';
import { diffListing, snapshotOf } from './diff';
import { changeToJson, isWanted } from './events';
import { sampleChange } from './sampleEvent';
import type { TriggerSettings } from './settings';
import { readSettings } from './settings';
import { readSnapshot, sameSnapshot, scopeKey, writeSnapshot } from './state';

function listQuery(settings: TriggerSettings): IDataObject {
	// Deleted instances stay listed, so a deletion is seen as a change to DELETED, not a removal.
	return { includeDeleted: true, ...(settings.prefix ? { prefix: settings.prefix } : {}) };
}

/** Manual mode: one event from the newest instance (the API lists newest first); the saved state is not read or written. */
async function testEvent(this: IPollFunctions, settings: TriggerSettings): Promise<INodeExecutionData[][]> {
	const [newest] = (await enfonicaApiRequestAllItems.call(this, settings.projectName, listQuery(settings), { limit: 1 })) as PhoneNumberInstance[];
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
 * One poll: list the whole scope, compare with the saved snapshot, save the new one.
 * A listing that fails part-way throws before the state is touched, so the next good poll
 * reports every change exactly once.
 */
export async function pollChanges(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const settings = await readSettings.call(this);
	if (this.getMode() === 'manual') return await testEvent.call(this, settings);

	const listing = (await enfonicaApiRequestAllItems.call(this, settings.projectName, listQuery(settings))) as PhoneNumberInstance[];
	const detectedAt = new Date().toISOString();
	const staticData = this.getWorkflowStaticData('node');
	const scope = scopeKey(settings.projectName, settings.prefix);
	const previous = readSnapshot(staticData, scope);
	const next = snapshotOf(listing);
	// Written only when something changed: n8n saves the workflow whenever its static data changes.
	if (previous === undefined || !sameSnapshot(previous, next)) writeSnapshot(staticData, scope, next);
	// No baseline for this scope yet (first poll, or project/prefix changed): nothing to compare with.
	if (previous === undefined) return null;

	const items = diffListing(previous, listing, settings.projectName)
		.filter((change) => isWanted(change, { ...settings, detectedAt }))
		.map((change) => changeToJson(change, { simplify: settings.simplify, detectedAt }));
	return items.length > 0 ? [this.helpers.returnJsonArray(items)] : null;
}
