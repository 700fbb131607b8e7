/** move: same id, new project; the mover needs the move permission on both projects. */
import { failedPrecondition, invalidField, notFound } from '../errors';
import { readObject, readString } from '../jsonInput';
import { parseListingName } from '../listingModel';
import { instanceName, PROJECT_ID_PATTERN } from '../model';
import { requirePermission } from '../permissions';
import { readQuery } from '../query';
import { PERMISSION_PREFIX } from '../types';
import { ok, type MethodHandler } from './call';

/** The optional listing to associate in the destination: a name of that project (checked before anything exists). */
function readDestinationListing(value: unknown, destination: string): string | undefined {
	const name = value === undefined ? '' : readString(value, 'regulatoryListing');
	if (name === '') return undefined;
	const parsed = parseListingName(name);
	if (!parsed || !PROJECT_ID_PATTERN.test(parsed.project)) {
		throw invalidField('regulatoryListing', `"${name}" does not match the pattern projects/{project}/regulatoryListings/{regulatory_listing}.`);
	}
	if (parsed.project !== destination) {
		throw invalidField('regulatoryListing', `"${name}" is not in the destination project (projects/${destination}): a number can only use a listing of its own project.`);
	}
	return name;
}

export const move: MethodHandler = (core, call) => {
	readQuery(call.pairs, []);
	const body = readObject(call.body, ['name', 'destinationParent', 'regulatoryListing'], '');
	if (body.name !== undefined) readString(body.name, 'name'); // bound to the path; a body copy is tolerated
	const destinationParent = body.destinationParent === undefined ? '' : readString(body.destinationParent, 'destinationParent');
	if (destinationParent === '') throw invalidField('destinationParent', 'is required.');
	const match = /^projects\/([^/]+)$/.exec(destinationParent);
	if (!match || !PROJECT_ID_PATTERN.test(match[1])) {
		throw invalidField('destinationParent', `"${destinationParent}" does not match the pattern projects/{project}.`);
	}
	const destination = match[1];
	if (destination === call.project) throw invalidField('destinationParent', 'the instance is already in that project.');
	const listing = readDestinationListing(body.regulatoryListing, destination);
	requirePermission(call.principal, destination, `${PERMISSION_PREFIX}move`);
	core.requireProject(destination);

	const instance = core.find(call.project, call.id);
	if (instance.lifecycleState === 'DELETED') throw failedPrecondition(`Phone number instance '${instanceName(instance)}' is deleted and cannot be moved.`);
	if (listing !== undefined && !core.listings.getByName(listing)) throw notFound(`Regulatory listing '${listing}' was not found.`);
	instance.project = destination;
	// A listing of the source project cannot follow the number: without a new one the association is cleared.
	instance.regulatoryListing = core.moveIgnoresListing ? undefined : listing;
	return ok(core.render(instance));
};
