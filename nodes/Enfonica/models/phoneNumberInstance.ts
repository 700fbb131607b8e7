import type { NumberFormats } from '../helpers/phoneNumberFormats';
import { formatsOf } from '../helpers/phoneNumberFormats';
import { instanceIdOf, projectPartOf } from '../helpers/resourceNames';
import type { OutputModel } from './output';
import { once, shaper } from './output';

/** A PhoneNumberInstance as Enfonica returns it; absent fields mean their proto3 defaults. */
export interface PhoneNumberInstance {
	name?: string;
	phoneNumber?: { phoneNumber?: string; countryCode?: string; numberType?: string; capabilities?: string[] };
	displayName?: string;
	labels?: Record<string, string>;
	incomingMessageHandlerUris?: string[];
	incomingCallHandlerUris?: string[];
	callRecordingTrigger?: string;
	createTime?: string;
	deleteTime?: string;
	activateTime?: string;
	lifecycleState?: string;
	range?: { primaryPhoneNumberInstance?: string; startPhoneNumber?: string; endPhoneNumber?: string; size?: number };
	regulatoryListing?: string;
	compliant?: boolean;
}

/** The instance's number (a range's first number); '' when absent, as proto3 leaves empty fields out. */
export function numberOf(instance: PhoneNumberInstance): string {
	return instance.phoneNumber?.phoneNumber || instance.range?.startPhoneNumber || '';
}

interface InstanceContext {
	instance: PhoneNumberInstance;
	name: string;
	phoneNumber: string;
	formats: () => NumberFormats;
}

/** Output fields are default-filled: a field Enfonica leaves out has its proto3 default (or null). */
export const INSTANCE_OUTPUT: OutputModel<PhoneNumberInstance, InstanceContext> = {
	identity: 'name',
	simplified: ['name', 'id', 'phoneNumber', 'nationalFormat', 'country', 'displayName', 'lifecycleState', 'compliant', 'regulatoryListing', 'createTime'],
	legacy: [
		'name',
		'id',
		'project',
		'phoneNumber',
		'nationalFormat',
		'internationalFormat',
		'country',
		'displayName',
		'lifecycleState',
		'compliant',
		'regulatoryListing',
		'labels',
		'incomingMessageHandlerUris',
		'incomingCallHandlerUris',
		'callRecordingTrigger',
		'range',
		'createTime',
		'activateTime',
		'deleteTime',
	],
	context: (instance) => {
		const phoneNumber = numberOf(instance);
		return { instance, name: instance.name ?? '', phoneNumber, formats: once(() => formatsOf(phoneNumber)) };
	},
	fields: {
		name: { name: 'Name', read: ({ name }) => name },
		id: { name: 'ID', read: ({ name }) => instanceIdOf(name) },
		project: { name: 'Project', read: ({ name }) => projectPartOf(name) },
		phoneNumber: { name: 'Phone Number', read: ({ phoneNumber }) => phoneNumber },
		nationalFormat: { name: 'National Format', read: ({ formats }) => formats().nationalFormat },
		internationalFormat: { name: 'International Format', read: ({ formats }) => formats().internationalFormat },
		country: { name: 'Country', read: ({ instance, formats }) => instance.phoneNumber?.countryCode || formats().country },
		numberType: { name: 'Number Type', read: ({ instance }) => instance.phoneNumber?.numberType ?? 'PHONE_NUMBER_TYPE_UNSPECIFIED' },
		capabilities: { name: 'Capabilities', read: ({ instance }) => instance.phoneNumber?.capabilities ?? [] },
		displayName: { name: 'Display Name', read: ({ instance }) => instance.displayName ?? '' },
		lifecycleState: { name: 'Lifecycle State', read: ({ instance }) => instance.lifecycleState ?? 'LIFECYCLE_STATE_UNSPECIFIED' },
		compliant: { name: 'Compliant', read: ({ instance }) => instance.compliant ?? false },
		regulatoryListing: { name: 'Regulatory Listing', read: ({ instance }) => instance.regulatoryListing || null },
		labels: { name: 'Labels', read: ({ instance }) => instance.labels ?? {} },
		incomingMessageHandlerUris: { name: 'Incoming Message Handler URIs', read: ({ instance }) => instance.incomingMessageHandlerUris ?? [] },
		incomingCallHandlerUris: { name: 'Incoming Call Handler URIs', read: ({ instance }) => instance.incomingCallHandlerUris ?? [] },
		callRecordingTrigger: {
			name: 'Call Recording Trigger',
			read: ({ instance }) =>
				instance.callRecordingTrigger && instance.callRecordingTrigger !== 'RECORDING_TRIGGER_UNSPECIFIED' ? instance.callRecordingTrigger : 'DISABLED',
		},
		range: {
			name: 'Range',
			read: ({ instance: { range } }) => (range ? { start: range.startPhoneNumber ?? '', end: range.endPhoneNumber ?? '', size: range.size ?? 0 } : null),
		},
		createTime: { name: 'Create Time', read: ({ instance }) => instance.createTime ?? null },
		activateTime: { name: 'Activate Time', read: ({ instance }) => instance.activateTime ?? null },
		deleteTime: { name: 'Delete Time', read: ({ instance }) => instance.deleteTime ?? null },
	},
};

/** The flat instance node version 1's Simplify returned, and the trigger outputs. */
export const flatInstance = shaper(INSTANCE_OUTPUT, INSTANCE_OUTPUT.legacy);
