/** move: same id, new project; the mover needs the move permission on both projects. */
import { failedPrecondition, invalidField } from '../errors';
import { readObject, readString } from '../jsonInput';
import { instanceName, PROJECT_ID_PATTERN } from '../model';
import { requirePermission } from '../permissions';
import { readQuery } from '../query';
import { ok, type MethodHandler } from './call';

export const move: MethodHandler = (core, call) => {
	readQuery(call.pairs, []);
	const body = readObject(call.body, ['name', 'destinationParent'], '');
	if (body.name !== undefined) readString(body.name, 'name'); // bound to the path; a body copy is tolerated
	const destinationParent = body.destinationParent === undefined ? '' : readString(body.destinationParent, 'destinationParent');
	if (destinationParent === '') throw invalidField('destinationParent', 'is required.');
	const match = /^projects\/([^/]+)$/.exec(destinationParent);
	if (!match || !PROJECT_ID_PATTERN.test(match[1])) {
		throw invalidField('destinationParent', `"${destinationParent}" does not match the pattern projects/{project}.`);
	}
	const destination = match[1];
	if (destination === call.project) throw invalidField('destinationParent', 'the instance is already in that project.');
	requirePermission(call.principal, destination, 'move');

	const instance = core.find(call.project, call.id);
	if (instance.lifecycleState === 'DELETED') throw failedPrecondition(`Phone number instance '${instanceName(instance)}' is deleted and cannot be moved.`);
	instance.project = destination;
	return ok(core.render(instance));
};
