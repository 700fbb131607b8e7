/** get: deleted instances are still returned (state DELETED). */
import { readQuery } from '../query';
import { ok, type MethodHandler } from './call';

export const get: MethodHandler = (core, call) => {
	readQuery(call.pairs, []);
	return ok(core.render(core.find(call.project, call.id)));
};
