/** get: a listing of the path's project. */
import { readQuery } from '../../query';
import { renderListing } from '../../renderListing';
import { ok, type MethodHandler } from '../call';

export const getListing: MethodHandler = (core, call) => {
	readQuery(call.pairs, []);
	return ok(renderListing(core.findListing(call.project, call.id)));
};
