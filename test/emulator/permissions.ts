/** The 403 check shared by the dispatcher and move's destination check. */
import { allows, type Principal } from './auth';
import { permissionDenied } from './errors';

/** `permission` is a full name such as numbering.phoneNumberInstances.move. */
export function requirePermission(principal: Principal, project: string, permission: string): void {
	if (!allows(principal, project, permission)) throw permissionDenied(permission, `projects/${project}`);
}
