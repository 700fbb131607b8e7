/** delete: a soft delete; the numbers are released at once. */
import { failedPrecondition } from '../errors';
import { instanceName } from '../model';
import { readQuery } from '../query';
import { ok, type MethodHandler } from './call';

export const deleteInstance: MethodHandler = (core, call) => {
	readQuery(call.pairs, []);
	const instance = core.find(call.project, call.id);
	if (instance.lifecycleState === 'DELETED') throw failedPrecondition(`Phone number instance '${instanceName(instance)}' is already deleted.`);
	core.store.setState(instance, 'DELETED');
	instance.deleteTime = core.clock.now();
	return ok(core.render(instance));
};
