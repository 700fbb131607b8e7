import type { IDataObject } from 'n8n-workflow';

import { byName, refusedBy, useSeededBed } from '../../../support/setup';
import { byPhone, params } from '../../../support/operations';

/** Project and instance names (resourceNames.ts), in the engine: malformed ones refused, nothing sent. */
describe('bad input is refused before any request', () => {
	const bed = useSeededBed([{ phoneNumber: '+61255501100', rangeSize: 10 }]);

	const refused = refusedBy(bed);

	const update = (updateFields: IDataObject) => params('update', { phoneNumberInstance: byName(bed.instance), updateFields });

	describe('names and sizes', () => {
		it.each(['My Project', 'projects/', 'projects/acme/extra', '-acme'])('malformed project %j', async (project) => {
			await refused(params('get', { project, phoneNumberInstance: byName('abc') }), `Project "${project}" is not a valid project: use the project ID (e.g. "my-project") or "projects/my-project" [item 0]`);
		});

		// Expressions get past the editor's regex check on By Name, so the node checks again.
		it.each(['projects/acme/phoneNumberInstances/', 'projects/acme/numbers/abc', 'a b', 'projects/Acme/phoneNumberInstances/abc'])('malformed instance %j', async (value) => {
			await refused(
				params('delete', { phoneNumberInstance: byName(`={{ ${JSON.stringify(value)} }}`) }),
				`Phone Number Instance "${value}" is not a valid instance: use "projects/<project>/phoneNumberInstances/<id>" or the instance ID [item 0]`,
			);
		});

		it('a typed malformed instance is already refused by the editor check (n8n parameter issues)', async () => {
			await refused(params('delete', { phoneNumberInstance: byName('projects/acme/numbers/abc') }), /has issues:[\s\S]*Use projects\/<project>\/phoneNumberInstances\/<id> or the instance ID/);
		});

		it('empty instance', async () => {
			await refused(params('get', { phoneNumberInstance: byName('={{ "" }}') }), 'Phone Number Instance is empty [item 0]');
		});

		it.each([0, -3, 2.5, '={{ "ten" }}'])('split size %j', async (size) => {
			await refused(params('splitRange', { phoneNumberInstance: byName(bed.instance), size }), /^Size must be a whole number of at least 1 \(got .*\) \[item 0\]$/);
		});

		it('move to the same project (by name and by number)', async () => {
			await refused(params('move', { phoneNumberInstance: byName(bed.instance), destinationProject: 'projects/acme' }), "Destination Project is the instance's own project (projects/acme): choose a different project [item 0]");
			await refused(params('move', { phoneNumberInstance: byPhone('+61255501100'), destinationProject: 'acme' }), "Destination Project is the instance's own project (projects/acme): choose a different project [item 0]");
		});

		it('no project on the node, the credential or the key', async () => {
			const credentialId = bed.h.addCredential({ authentication: 'bearerToken', bearerToken: 'bt-unused', baseUrl: bed.emu.baseUrl }).id;
			bed.emu.clearLog();
			const result = await bed.h.runNode({ parameters: params('get', { phoneNumberInstance: byName('abc') }), credentialId });
			expect(result.error?.message).toBe('Project is empty: set it on the node or set a Project ID in the Enfonica credential [item 0]');
			expect(bed.emu.requests).toHaveLength(0);
		});

		it('malformed destination project', async () => {
			await refused(params('move', { phoneNumberInstance: byName(bed.instance), destinationProject: 'Other_Project' }), /^Destination Project "Other_Project" is not a valid project.*\[item 0\]$/);
		});

		it('update with no field set', async () => {
			await refused(update({}), 'Update Fields is empty: add at least one field to change (add a field and leave it empty to clear it) [item 0]');
		});

		it('a Limit below 1 from an expression', async () => {
			await refused(params('getMany', { limit: '={{ 0 }}' }), 'Limit must be a whole number of at least 1 (got 0) [item 0]');
		});
	});
});
