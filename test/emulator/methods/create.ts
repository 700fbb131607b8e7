/** create: provisions (buys) a single number into a project; any number the plan allows, for sale or not. */
import { isE164 } from '../e164';
import { alreadyExists, invalidField } from '../errors';
import { checkLimits } from '../limits';
import { readInstanceInput } from '../instanceInput';
import { UPDATABLE_FIELDS, type StoredInstance } from '../model';
import { readQuery } from '../query';
import { ok, type MethodHandler } from './call';

export const create: MethodHandler = (core, call) => {
	readQuery(call.pairs, []);
	const input = readInstanceInput(call.body, 'phoneNumberInstance');
	const number = input.phoneNumber?.phoneNumber;
	if (number === undefined || number === '') throw invalidField('phoneNumber.phoneNumber', 'is required.');
	if (!isE164(number)) throw invalidField('phoneNumber.phoneNumber', `"${number}" is not an E.164 number (e.g. +61255501100).`);
	if (!core.phones.isDialable(number)) throw invalidField('phoneNumber.phoneNumber', `"${number}" is not a valid phone number.`);
	checkLimits(input, UPDATABLE_FIELDS);
	// Numbers are global: a live instance in any project (or a range covering it) blocks the purchase.
	if (core.store.holderOf(number, 1)) throw alreadyExists(`Phone number ${number} is already provisioned to a phone number instance.`);

	const now = core.clock.now();
	const instance: StoredInstance = {
		id: core.newInstanceId(),
		project: call.project,
		startNumber: number,
		displayName: input.displayName ?? '',
		labels: input.labels ?? {},
		incomingMessageHandlerUris: input.incomingMessageHandlerUris ?? [],
		incomingCallHandlerUris: input.incomingCallHandlerUris ?? [],
		callRecordingTrigger: input.callRecordingTrigger ?? 'DISABLED',
		createTime: now,
		activateTime: now,
		lifecycleState: 'ACTIVE',
		compliant: true,
		// Bought from the inventory: it leaves the search results and keeps its sku and capabilities.
		offer: core.inventory.take(number)?.offer,
	};
	core.store.insert(instance);
	return ok(core.render(instance));
};
