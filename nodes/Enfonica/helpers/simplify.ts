import type { IDataObject } from 'n8n-workflow';

import { formatsOf } from './phoneNumbers';
import { instanceIdOf, projectPartOf } from './resourceNames';

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

/** The flat, default-filled shape both nodes output when Simplify is on. */
export function simplifyInstance(instance: PhoneNumberInstance): IDataObject {
	const name = instance.name ?? '';
	const phoneNumber = numberOf(instance);
	const formats = formatsOf(phoneNumber);
	return {
		name,
		id: instanceIdOf(name),
		project: projectPartOf(name),
		phoneNumber,
		nationalFormat: formats.nationalFormat,
		internationalFormat: formats.internationalFormat,
		country: instance.phoneNumber?.countryCode || formats.country,
		displayName: instance.displayName ?? '',
		lifecycleState: instance.lifecycleState ?? 'LIFECYCLE_STATE_UNSPECIFIED',
		compliant: instance.compliant ?? false,
		regulatoryListing: instance.regulatoryListing || null,
		labels: instance.labels ?? {},
		incomingMessageHandlerUris: instance.incomingMessageHandlerUris ?? [],
		incomingCallHandlerUris: instance.incomingCallHandlerUris ?? [],
		callRecordingTrigger: instance.callRecordingTrigger && instance.callRecordingTrigger !== 'RECORDING_TRIGGER_UNSPECIFIED' ? instance.callRecordingTrigger : 'DISABLED',
		range: instance.range
			? { start: instance.range.startPhoneNumber ?? '', end: instance.range.endPhoneNumber ?? '', size: instance.range.size ?? 0 }
			: null,
		createTime: instance.createTime ?? null,
		activateTime: instance.activateTime ?? null,
		deleteTime: instance.deleteTime ?? null,
	};
}
