/** Stored instance → API JSON. Proto3 JSON mapping: fields at their default value are left out. */
import { toTimestamp } from './clock';
import { lastNumber } from './e164';
import { instanceName, type StoredInstance } from './model';
import type { PhoneDirectory } from './phoneInfo';
import type { PhoneNumberInstanceJson } from './types';

export function renderInstance(instance: StoredInstance, phones: PhoneDirectory): PhoneNumberInstanceJson {
	const name = instanceName(instance);
	// Key order follows the proto field order, as Google's JSON encoder does.
	const json: PhoneNumberInstanceJson = { name, phoneNumber: phones.render(instance.startNumber, instance.offer) };
	if (instance.displayName !== '') json.displayName = instance.displayName;
	if (Object.keys(instance.labels).length > 0) json.labels = { ...instance.labels };
	if (instance.incomingMessageHandlerUris.length > 0) json.incomingMessageHandlerUris = [...instance.incomingMessageHandlerUris];
	if (instance.incomingCallHandlerUris.length > 0) json.incomingCallHandlerUris = [...instance.incomingCallHandlerUris];
	json.callRecordingTrigger = instance.callRecordingTrigger;
	json.createTime = toTimestamp(instance.createTime);
	if (instance.deleteTime !== undefined) json.deleteTime = toTimestamp(instance.deleteTime);
	if (instance.activateTime !== undefined) json.activateTime = toTimestamp(instance.activateTime);
	json.lifecycleState = instance.lifecycleState;
	if (instance.rangeSize !== undefined) {
		json.range = {
			primaryPhoneNumberInstance: name,
			startPhoneNumber: instance.startNumber,
			endPhoneNumber: lastNumber(instance.startNumber, instance.rangeSize),
			size: instance.rangeSize,
		};
	}
	if (instance.regulatoryListing !== undefined) json.regulatoryListing = instance.regulatoryListing;
	if (instance.compliant) json.compliant = true;
	return json;
}
