import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checked, InvalidValueError } from '../../errors';
import { checkCallHandlerUris, checkMessageHandlerUris } from '../../helpers/handlerUris';
import type { LabelPair } from '../../helpers/validation';
import { MAX_DISPLAY_NAME, checkDisplayName, checkLabels } from '../../helpers/validation';

/**
 * The configurable fields of an instance, shared by Create (Additional Fields) and Update
 * (Update Fields): one description and one reader, so both operations accept and check the
 * same things and send them under the same API paths.
 */

const RECORDING_TRIGGERS = ['ANSWER', 'BRIDGE', 'DISABLED'];

/** Create's Additional Fields, or Update's Update Fields. */
type FieldsMode = 'create' | 'update';

/** Update's way to remove every label, now that Labels with no pairs is refused. */
const REMOVE_ALL_LABELS = 'set Labels Mode to Remove All';

export function instanceFieldOptions(mode: FieldsMode): INodeProperties[] {
	const clearHint = mode === 'update' ? ' Leave empty to clear it.' : '';
	return [
		{
			displayName: 'Call Recording Trigger',
			name: 'callRecordingTrigger',
			type: 'options',
			options: [
				{ name: 'Answer', value: 'ANSWER', description: 'Record calls from when they are answered' },
				{ name: 'Bridge', value: 'BRIDGE', description: 'Record calls from when they are bridged to another party' },
				{ name: 'Disabled', value: 'DISABLED', description: 'Do not record calls' },
			],
			default: 'DISABLED',
			description: 'When calls to this number start being recorded',
		},
		{
			displayName: 'Display Name',
			name: 'displayName',
			type: 'string',
			default: '',
			description: `A name for the number, at most ${MAX_DISPLAY_NAME} characters.${clearHint}`,
		},
		{
			displayName: 'Incoming Call Handler URIs',
			name: 'incomingCallHandlerUris',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://example.com/voice, sip:reception@example.sip.enfonica.com',
			description: `Where incoming calls go, in priority order: up to 5 http(s) URLs, sip:user@domain[:port] or tel:+E.164 URIs, one per line or comma-separated (a comma inside a URL stays part of it).${clearHint}`,
		},
		{
			displayName: 'Incoming Message Handler URIs',
			name: 'incomingMessageHandlerUris',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://example.com/sms',
			description: `Where incoming messages go, in priority order: up to 5 absolute http(s) URLs, one per line or comma-separated (a comma inside a URL stays part of it).${clearHint}`,
		},
		{
			displayName: 'Labels',
			name: 'labels',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			default: {},
			placeholder: 'Add Label',
			description:
				mode === 'update'
					? `Key/value pairs (at most 50; keys up to 100 characters, values up to 1000). Put expressions in each Key and Value, not on the whole field. To remove all labels, ${REMOVE_ALL_LABELS}.`
					: 'Key/value pairs (at most 50; keys up to 100 characters, values up to 1000). Put expressions in each Key and Value, not on the whole field.',
			options: [
				{
					displayName: 'Label',
					name: 'label',
					values: [
						{ displayName: 'Key', name: 'key', type: 'string', default: '' },
						{ displayName: 'Value', name: 'value', type: 'string', default: '' },
					],
				},
			],
		},
	];
}

/** Label pairs from the fixed collection, or from an expression that returns a plain object. */
function labelPairs(raw: unknown): LabelPair[] {
	if (raw === null || raw === undefined || raw === '') return [];
	if (typeof raw !== 'object' || Array.isArray(raw)) throw new InvalidValueError('must be key/value pairs');
	const collection = raw as IDataObject;
	if (Array.isArray(collection.label)) return collection.label as LabelPair[];
	if ('label' in collection) return [];
	return Object.entries(collection).map(([key, value]) => ({ key, value }));
}

/**
 * At least one pair. n8n hands the node an expression on the whole Labels field (possible in a
 * workflow's JSON, not in the editor) as a field with no pairs: it drops the text before the node
 * runs. Refused rather than read as "no labels", which Update would send as "remove all labels"
 * (Update's refusal says how to do that on purpose).
 */
function readLabels(raw: unknown, mode: FieldsMode): Record<string, string> {
	const pairs = labelPairs(raw);
	if (pairs.length === 0) {
		const removeAll = mode === 'update' ? `; to remove all labels, ${REMOVE_ALL_LABELS}` : '';
		throw new InvalidValueError(`has no Key/Value pairs (an expression on the whole Labels field reaches the node empty: put expressions in each Key and Value${removeAll})`);
	}
	return checkLabels(pairs);
}

function recordingTrigger(raw: unknown): string {
	const value = typeof raw === 'string' ? raw.trim().toUpperCase() : '';
	if (!RECORDING_TRIGGERS.includes(value)) {
		throw new InvalidValueError(`"${String(raw)}" is not one of Answer, Bridge or Disabled`);
	}
	return value;
}

export interface InstanceFields {
	/** The API's field values for what the user set. */
	body: IDataObject;
	/** The camelCase paths of the fields the user set (an update's updateMask). */
	paths: string[];
}

/** Reads the fields the user added to the collection, checks them against Enfonica's limits, no request. */
export function readInstanceFields(this: IExecuteFunctions, itemIndex: number, fields: IDataObject, mode: FieldsMode): InstanceFields {
	const body: IDataObject = {};
	const read: Record<string, [string, (raw: unknown) => unknown]> = {
		callRecordingTrigger: ['Call Recording Trigger', recordingTrigger],
		displayName: ['Display Name', checkDisplayName],
		incomingCallHandlerUris: ['Incoming Call Handler URIs', checkCallHandlerUris],
		incomingMessageHandlerUris: ['Incoming Message Handler URIs', checkMessageHandlerUris],
		labels: ['Labels', (raw) => readLabels(raw, mode)],
	};
	for (const [path, [field, check]] of Object.entries(read)) {
		if (!(path in fields)) continue;
		body[path] = checked(this.getNode(), itemIndex, field, () => check(fields[path])) as IDataObject[keyof IDataObject];
	}
	return { body, paths: Object.keys(body) };
}
