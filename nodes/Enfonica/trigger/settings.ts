import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { checked } from '../errors';
import { LIFECYCLE_STATE_OPTIONS } from '../helpers/lifecycleStates';
import { toListPrefix } from '../helpers/phoneNumbers';
import { readPrefixFilter } from '../helpers/prefixFilter';
import { checkChoices } from '../helpers/validation';
import type { OutputShape } from '../models/output';
import { INSTANCE_OUTPUT } from '../models/phoneNumberInstance';
import { LISTING_OUTPUT } from '../models/regulatoryListing';
import { nodeProject, TRIGGER_PROJECT_HINT } from '../shared/nodeProject';
import { readOutputShape } from '../shared/outputChoice';
import type { TriggerEvent } from './diff';

export interface TriggerSettings {
	projectName: string;
	/** '' = the whole project. */
	prefix: string;
	events: TriggerEvent[];
	lifecycleStates: string[];
	output: TriggerOutput;
	/** The user says n8n's durable poll cursors are on: n8n then saves the state of a poll that returns null. */
	durablePollCursors: boolean;
	/** `fail`: a failed poll throws (n8n reports it); `alertOnce`: one pollFailing item per outage, then pollRecovered. */
	onPollFailure: PollFailureMode;
}

/** The fields of a number's and of a listing's items, besides the event's own fields. */
export interface TriggerOutput {
	instance: OutputShape;
	listing: OutputShape;
}

export type PollFailureMode = 'fail' | 'alertOnce';
const POLL_FAILURE_MODES: PollFailureMode[] = ['alertOnce', 'fail'];

/** The trigger's parameters, checked before any request (a bad value fails activation with a clear message). */
export async function readSettings(this: IPollFunctions): Promise<TriggerSettings> {
	const filters = this.getNodeParameter('filters', {}) as IDataObject;
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const node = this.getNode();
	const projectName = await nodeProject.call(this, undefined, TRIGGER_PROJECT_HINT);
	const prefix = readPrefixFilter(node, undefined, filters, (input) => toListPrefix(input));
	return {
		projectName,
		prefix,
		events: checked(node, undefined, 'Trigger On', () => checkChoices(this.getNodeParameter('events', ['lifecycleStateChanged']), TRIGGER_EVENTS)) as TriggerEvent[],
		lifecycleStates: checked(node, undefined, 'Lifecycle States', () => checkChoices(this.getNodeParameter('lifecycleStates', []), LIFECYCLE_STATES)),
		output: readOutput.call(this, options),
		durablePollCursors: options.durablePollCursors === true,
		onPollFailure: checked(node, undefined, 'On Poll Failure', () => checkChoices([options.onPollFailure ?? 'fail'], POLL_FAILURE_MODES))[0] as PollFailureMode,
	};
}

/** Output and its fields from version 2; version 1's Options → Simplify (its 19-field items), so stored workflows keep their output. */
function readOutput(this: IPollFunctions, options: IDataObject): TriggerOutput {
	const node = this.getNode();
	if (node.typeVersion < 2) {
		return options.simplify !== false ? { instance: INSTANCE_OUTPUT.legacy, listing: LISTING_OUTPUT.legacy } : { instance: 'raw', listing: 'raw' };
	}
	const parameter = (name: string, fallback: unknown) => this.getNodeParameter(name, fallback);
	return {
		instance: readOutputShape(node, undefined, parameter, INSTANCE_OUTPUT),
		listing: readOutputShape(node, undefined, parameter, LISTING_OUTPUT, { name: 'listingFields', label: 'Listing Fields' }),
	};
}

const TRIGGER_EVENTS: TriggerEvent[] = ['complianceChanged', 'configurationChanged', 'instanceAdded', 'instanceRemoved', 'lifecycleStateChanged', 'listingReviewChanged'];
const LIFECYCLE_STATES = LIFECYCLE_STATE_OPTIONS.map((option) => String(option.value));
