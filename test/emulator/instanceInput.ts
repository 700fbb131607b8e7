/** Decoding a PhoneNumberInstance request body (create and update). */
import { readBool, readEnum, readInt32, readObject, readString, readStringList, readStringMap, readTimestamp } from './jsonInput';
import { OUTPUT_ONLY_FIELDS, UPDATABLE_FIELDS } from './model';
import { CAPABILITY_ENUM, NUMBER_TYPE_ENUM } from './phoneNumberEnums';
import type { RecordingTrigger } from './types';

// Every field of the resource, in the reference's order: the ones a client may set, then output only.
const INSTANCE_FIELDS = ['name', 'phoneNumber', ...UPDATABLE_FIELDS, ...OUTPUT_ONLY_FIELDS] as const;

const PHONE_NUMBER_FIELDS = ['name', 'phoneNumber', 'capabilities', 'sku', 'activationSku', 'numberType', 'countryCode'] as const;
const RANGE_FIELDS = ['primaryPhoneNumberInstance', 'startPhoneNumber', 'endPhoneNumber', 'size'] as const;

/** Index = proto enum number. */
export const RECORDING_TRIGGERS = ['RECORDING_TRIGGER_UNSPECIFIED', 'DISABLED', 'ANSWER', 'BRIDGE'] as const;
const LIFECYCLE_STATES = ['LIFECYCLE_STATE_UNSPECIFIED', 'ACTIVE', 'DELETED', 'SUSPENDED', 'PENDING'] as const;

const PACKAGE = 'enfonica.numbering.v1beta1';

export interface InstanceInput {
	name?: string;
	phoneNumber?: { phoneNumber?: string };
	displayName?: string;
	labels?: Record<string, string>;
	incomingMessageHandlerUris?: string[];
	incomingCallHandlerUris?: string[];
	/** UNSPECIFIED is folded into DISABLED, the documented default. */
	callRecordingTrigger?: RecordingTrigger;
}

/**
 * Type-checks the whole body (an unknown or mistyped field fails even if it would be ignored) and
 * returns the fields a request can set. Output-only fields are checked, then dropped.
 */
export function readInstanceInput(body: unknown, at: string): InstanceInput {
	const raw = readObject(body, INSTANCE_FIELDS, at);
	const input: InstanceInput = {};
	const field = (name: string) => `${at}.${name}`;
	if (raw.name !== undefined) input.name = readString(raw.name, field('name'));
	if (raw.phoneNumber !== undefined) input.phoneNumber = readPhoneNumber(raw.phoneNumber, field('phoneNumber'));
	if (raw.displayName !== undefined) input.displayName = readString(raw.displayName, field('displayName'));
	if (raw.labels !== undefined) input.labels = readStringMap(raw.labels, field('labels'));
	if (raw.incomingMessageHandlerUris !== undefined) {
		input.incomingMessageHandlerUris = readStringList(raw.incomingMessageHandlerUris, field('incomingMessageHandlerUris'));
	}
	if (raw.incomingCallHandlerUris !== undefined) {
		input.incomingCallHandlerUris = readStringList(raw.incomingCallHandlerUris, field('incomingCallHandlerUris'));
	}
	if (raw.callRecordingTrigger !== undefined) {
		const trigger = readEnum(raw.callRecordingTrigger, RECORDING_TRIGGERS, `${PACKAGE}.PhoneNumberInstance.RecordingTrigger`, field('callRecordingTrigger'));
		input.callRecordingTrigger = trigger === 'RECORDING_TRIGGER_UNSPECIFIED' ? 'DISABLED' : trigger;
	}
	for (const name of ['createTime', 'deleteTime', 'activateTime'] as const) {
		if (raw[name] !== undefined) readTimestamp(raw[name], field(name));
	}
	if (raw.lifecycleState !== undefined) {
		readEnum(raw.lifecycleState, LIFECYCLE_STATES, `${PACKAGE}.PhoneNumberInstance.LifecycleState`, field('lifecycleState'));
	}
	if (raw.range !== undefined) readRange(raw.range, field('range'));
	if (raw.regulatoryListing !== undefined) readString(raw.regulatoryListing, field('regulatoryListing'));
	if (raw.compliant !== undefined) readBool(raw.compliant, field('compliant'));
	return input;
}

function readPhoneNumber(value: unknown, at: string): { phoneNumber?: string } {
	const raw = readObject(value, PHONE_NUMBER_FIELDS, at);
	for (const name of ['name', 'sku', 'activationSku', 'countryCode'] as const) {
		if (raw[name] !== undefined) readString(raw[name], `${at}.${name}`);
	}
	if (raw.numberType !== undefined) readEnum(raw.numberType, NUMBER_TYPE_ENUM.names, NUMBER_TYPE_ENUM.typeName, `${at}.numberType`, NUMBER_TYPE_ENUM.numbers);
	if (raw.capabilities !== undefined) {
		if (!Array.isArray(raw.capabilities)) readStringList(raw.capabilities, `${at}.capabilities`);
		(raw.capabilities as unknown[]).forEach((c, i) =>
			readEnum(c, CAPABILITY_ENUM.names, CAPABILITY_ENUM.typeName, `${at}.capabilities[${i}]`, CAPABILITY_ENUM.numbers),
		);
	}
	return raw.phoneNumber === undefined ? {} : { phoneNumber: readString(raw.phoneNumber, `${at}.phoneNumber`) };
}

function readRange(value: unknown, at: string): void {
	const raw = readObject(value, RANGE_FIELDS, at);
	for (const name of ['primaryPhoneNumberInstance', 'startPhoneNumber', 'endPhoneNumber'] as const) {
		if (raw[name] !== undefined) readString(raw[name], `${at}.${name}`);
	}
	if (raw.size !== undefined) readInt32(raw.size, `${at}.size`);
}
