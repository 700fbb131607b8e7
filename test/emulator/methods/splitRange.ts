/** splitRange: keeps the first `size` numbers; the rest become a new range with the same configuration. */
import { offsetNumber } from '../e164';
import { failedPrecondition, invalidField } from '../errors';
import { readInt32, readObject, readString } from '../jsonInput';
import { copyConfiguration, instanceName, type StoredInstance } from '../model';
import { readQuery } from '../query';
import { ok, type MethodHandler } from './call';

export const splitRange: MethodHandler = (core, call) => {
	readQuery(call.pairs, []);
	const body = readObject(call.body, ['phoneNumberInstance', 'size'], '');
	if (body.phoneNumberInstance !== undefined) readString(body.phoneNumberInstance, 'phoneNumberInstance'); // bound to the path
	const size = body.size === undefined ? 0 : readInt32(body.size, 'size');
	const first = core.find(call.project, call.id);
	const name = instanceName(first);
	if (first.lifecycleState === 'DELETED') throw failedPrecondition(`Phone number instance '${name}' is deleted and cannot be split.`);
	if (first.rangeSize === undefined) throw failedPrecondition(`Phone number instance '${name}' is a single number, not a range.`);
	if (size < 1 || size >= first.rangeSize) {
		throw invalidField('size', `must be between 1 and ${first.rangeSize - 1} for a range of ${first.rangeSize} numbers (got ${size}).`);
	}

	const second: StoredInstance = {
		...copyConfiguration(first),
		id: core.newInstanceId(),
		project: first.project,
		startNumber: offsetNumber(first.startNumber, size),
		rangeSize: first.rangeSize - size,
		createTime: core.clock.now(),
		// The numbers were already active: the new range keeps the original activation time.
		activateTime: first.activateTime,
		lifecycleState: first.lifecycleState,
		compliant: first.compliant,
		// Same end user: the new half keeps the regulatory listing.
		regulatoryListing: first.regulatoryListing,
	};
	first.rangeSize = size;
	core.store.noteNewRange(second);
	return ok({ first: core.render(first), second: core.render(second) });
};
