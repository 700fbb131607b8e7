/** update (PATCH): replaces the fields named by updateMask, or those present in the body. */
import { failedPrecondition } from '../errors';
import { checkNameMatchesPath } from '../jsonInput';
import { readInstanceInput } from '../instanceInput';
import { checkLimits } from '../limits';
import { instanceName, UPDATABLE_FIELDS, type StoredInstance, type UpdatableField } from '../model';
import { readQuery } from '../query';
import { INSTANCE_MASK, parseUpdateMask } from '../updateMask';
import { ok, type MethodHandler } from './call';

export const update: MethodHandler = (core, call) => {
	const query = readQuery(call.pairs, ['updateMask']);
	const mask = parseUpdateMask(query.updateMask, INSTANCE_MASK);
	const input = readInstanceInput(call.body, 'phoneNumberInstance');
	const pathName = instanceName({ project: call.project, id: call.id });
	checkNameMatchesPath(input.name, pathName, 'instance');
	const instance = core.find(call.project, call.id);
	// Without a mask only fields present in the body change; output-only fields and phoneNumber in the body are ignored.
	applyUpdate(instance, mask ?? UPDATABLE_FIELDS.filter((field) => input[field] !== undefined), input);
	return ok(core.render(instance));
};

/** Checks and applies an update of `fields` (the API's PATCH, and the Console's edits in tests). */
export function applyUpdate(instance: StoredInstance, fields: readonly UpdatableField[], input: ReturnType<typeof readInstanceInput>): void {
	const name = instanceName({ project: instance.project, id: instance.id });
	if (instance.lifecycleState === 'DELETED') throw failedPrecondition(`Phone number instance '${name}' is deleted and cannot be updated.`);
	checkLimits(input, fields);
	for (const field of fields) apply(instance, field, input);
}

/** A masked field missing from the body is reset to its default: that is how a client clears it. */
function apply(instance: StoredInstance, field: UpdatableField, input: ReturnType<typeof readInstanceInput>): void {
	switch (field) {
		case 'displayName':
			instance.displayName = input.displayName ?? '';
			break;
		case 'labels':
			instance.labels = { ...(input.labels ?? {}) };
			break;
		case 'incomingMessageHandlerUris':
			instance.incomingMessageHandlerUris = [...(input.incomingMessageHandlerUris ?? [])];
			break;
		case 'incomingCallHandlerUris':
			instance.incomingCallHandlerUris = [...(input.incomingCallHandlerUris ?? [])];
			break;
		case 'callRecordingTrigger':
			instance.callRecordingTrigger = input.callRecordingTrigger ?? 'DISABLED';
			break;
	}
}
