/** The 403 check shared by the dispatcher and move's destination check. */
import { allows, type Principal } from './auth';
import { permissionDenied } from './errors';
import { PERMISSION_PREFIX, type ApiMethod } from './types';

export function requirePermission(principal: Principal, project: string, method: ApiMethod): void {
	if (!allows(principal, project, method)) throw permissionDenied(`${PERMISSION_PREFIX}${method}`, `projects/${project}`);
}
