import type { IDataObject } from 'n8n-workflow';

import { instanceIdOf, projectPartOf } from '../helpers/resourceNames';
import type { PhoneNumberInstance } from '../models/phoneNumberInstance';
import { flatInstance } from '../models/phoneNumberInstance';
import type { RegulatoryListing } from '../models/regulatoryListing';
import { flatListing } from '../models/regulatoryListing';
import type { Change, TriggerEvent } from './diff';
import { DEFAULT_LIFECYCLE_STATE } from './state';

export interface OutputSettings {
	events: TriggerEvent[];
	/** Lifecycle changes are emitted only into these states; empty = any. */
	lifecycleStates: string[];
	simplify: boolean;
	/** One timestamp for the whole poll: when the changes were seen. */
	detectedAt: string;
}

type EventFilter = Pick<OutputSettings, 'events' | 'lifecycleStates'>;

/** Whether the user asked to hear about this change. */
export function isWanted(change: Change, settings: EventFilter): boolean {
	if (!settings.events.includes(change.event)) return false;
	if (change.event === 'lifecycleStateChanged' && settings.lifecycleStates.length > 0) {
		return settings.lifecycleStates.includes(change.instance.lifecycleState || DEFAULT_LIFECYCLE_STATE);
	}
	return true;
}

/**
 * Whether a filtered-out change can be forgotten without hiding a later alert, should the next
 * poll compare with the state from before it: only if the change back would be filtered out too.
 * A number that appeared or vanished cannot: its later changes, or its return, would be compared
 * with the wrong state.
 */
export function isHarmlessToForget(change: Change, settings: EventFilter): boolean {
	switch (change.event) {
		case 'lifecycleStateChanged': {
			const back = { ...change.instance, lifecycleState: change.previousLifecycleState };
			return !isWanted({ event: change.event, instance: back, previousLifecycleState: change.instance.lifecycleState || DEFAULT_LIFECYCLE_STATE }, settings);
		}
		case 'complianceChanged':
			return !isWanted(change, settings);
		default:
			return false;
	}
}

function instanceOutput(instance: PhoneNumberInstance, simplify: boolean): IDataObject {
	return simplify ? flatInstance(instance) : ({ ...instance } as IDataObject);
}

/** A listing as the Enfonica node outputs it: simplified, or as the API returns it. */
function listingOutput(listing: RegulatoryListing, simplify: boolean): IDataObject {
	return simplify ? flatListing(listing) : ({ ...listing } as IDataObject);
}

/**
 * A vanished instance is no longer readable, so only what the trigger remembered is output,
 * in the field names of the chosen shape (never defaults that would pass for facts).
 */
function removedOutput(change: Extract<Change, { event: 'instanceRemoved' }>, simplify: boolean): IDataObject {
	const { lifecycleState, compliant, phoneNumber } = change.lastKnown;
	if (!simplify) return { name: change.name, phoneNumber: { phoneNumber }, lifecycleState, compliant };
	return {
		name: change.name,
		id: instanceIdOf(change.name),
		project: projectPartOf(change.name),
		phoneNumber,
		lifecycleState,
		compliant,
	};
}

/** One output item's JSON: the instance plus what changed and when it was seen. */
export function changeToJson(change: Change, settings: Pick<OutputSettings, 'simplify' | 'detectedAt'>): IDataObject {
	const { simplify, detectedAt } = settings;
	switch (change.event) {
		case 'lifecycleStateChanged':
			return { ...instanceOutput(change.instance, simplify), event: change.event, previousLifecycleState: change.previousLifecycleState, detectedAt };
		case 'complianceChanged':
			return { ...instanceOutput(change.instance, simplify), event: change.event, previousCompliant: change.previousCompliant, detectedAt };
		case 'configurationChanged':
			return { ...instanceOutput(change.instance, simplify), event: change.event, changedFields: change.changedFields, detectedAt };
		case 'instanceAdded':
			return { ...instanceOutput(change.instance, simplify), event: change.event, detectedAt };
		case 'listingReviewChanged':
			return { ...listingOutput(change.listing, simplify), event: change.event, previousValid: change.previousValid, previousVerified: change.previousVerified, detectedAt };
		case 'instanceRemoved':
			return { ...removedOutput(change, simplify), event: change.event, detectedAt };
	}
}
