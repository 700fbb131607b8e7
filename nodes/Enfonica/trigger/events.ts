import type { IDataObject } from 'n8n-workflow';

import type { OutputShape } from '../models/output';
import { presenter } from '../models/output';
import type { PhoneNumberInstance } from '../models/phoneNumberInstance';
import { INSTANCE_OUTPUT } from '../models/phoneNumberInstance';
import { LISTING_OUTPUT } from '../models/regulatoryListing';
import type { Change, TriggerEvent } from './diff';
import type { TriggerOutput } from './settings';
import { DEFAULT_LIFECYCLE_STATE } from './state';

export interface OutputSettings {
	events: TriggerEvent[];
	/** Lifecycle changes are emitted only into these states; empty = any. */
	lifecycleStates: string[];
	output: TriggerOutput;
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

/**
 * A vanished instance is no longer readable, so only what the trigger remembered is output: the
 * fields of the chosen shape that can be told from it (never defaults that would pass for facts).
 */
function removedOutput(change: Extract<Change, { event: 'instanceRemoved' }>, shape: OutputShape): IDataObject {
	const { lifecycleState, compliant, phoneNumber } = change.lastKnown;
	if (shape === 'raw') return { name: change.name, phoneNumber: { phoneNumber }, lifecycleState, compliant };
	const remembered: PhoneNumberInstance = { name: change.name, phoneNumber: { phoneNumber }, lifecycleState, compliant };
	return presenter(INSTANCE_OUTPUT, shape.filter((key) => REMEMBERED_FIELDS.includes(key)))(remembered);
}

const REMEMBERED_FIELDS = ['name', 'id', 'project', 'phoneNumber', 'lifecycleState', 'compliant'];

/** One output item's JSON: the instance plus what changed and when it was seen. */
export function changeToJson(change: Change, settings: Pick<OutputSettings, 'output' | 'detectedAt'>): IDataObject {
	const { output, detectedAt } = settings;
	const instance = (changed: PhoneNumberInstance) => presenter(INSTANCE_OUTPUT, output.instance)(changed);
	switch (change.event) {
		case 'lifecycleStateChanged':
			return { ...instance(change.instance), event: change.event, previousLifecycleState: change.previousLifecycleState, detectedAt };
		case 'complianceChanged':
			return { ...instance(change.instance), event: change.event, previousCompliant: change.previousCompliant, detectedAt };
		case 'configurationChanged': {
			// The item shows what changed, whatever the Output: the changed fields' new values.
			const shape = output.instance === 'raw' ? 'raw' : [...output.instance, ...change.changedFields.filter((field) => field in INSTANCE_OUTPUT.fields && !output.instance.includes(field))];
			return { ...presenter(INSTANCE_OUTPUT, shape)(change.instance), event: change.event, changedFields: change.changedFields, detectedAt };
		}
		case 'instanceAdded':
			return { ...instance(change.instance), event: change.event, detectedAt };
		case 'listingReviewChanged':
			return {
				...presenter(LISTING_OUTPUT, output.listing)(change.listing),
				event: change.event,
				previousValid: change.previousValid,
				previousVerified: change.previousVerified,
				detectedAt,
			};
		case 'instanceRemoved':
			return { ...removedOutput(change, output.instance), event: change.event, detectedAt };
	}
}
