/** Raw-HTTP tests of the emulator's move method (methods/move.ts) and how it renders instances. */
import { apiClient, expectGoogleError, resourcePath, useEmulatorApi } from '../testSupport';

const bed = useEmulatorApi('api-token', 'api-tests');

describe('move', () => {
	it('moves a range keeping its id and updating name and range.primaryPhoneNumberInstance', async () => {
		const [range] = bed.emu.seed('p-move-a', [{ phoneNumber: '+61255509000', rangeSize: 5, displayName: 'Mover' }]);
		const id = range.name.split('/').pop();
		const result = await bed.api('POST', `${resourcePath(range.name)}:move`, { destinationParent: 'projects/p-move-b' });
		expect(result.status).toBe(200);
		const movedName = `projects/p-move-b/phoneNumberInstances/${id}`;
		expect(result.json.name).toBe(movedName);
		expect(result.json.range.primaryPhoneNumberInstance).toBe(movedName);
		expect(result.json.displayName).toBe('Mover');
		expect(result.json.createTime).toBe(range.createTime);
		expectGoogleError(await bed.api('GET', resourcePath(range.name)), 404, 'NOT_FOUND');
		expect((await bed.api('GET', resourcePath(movedName))).json).toEqual(result.json);
		expect(bed.emu.listStored('p-move-a')).toHaveLength(0);
	});

	it.each<[string, Record<string, unknown>]>([
		['missing destination', {}],
		['the same project', { destinationParent: 'projects/p-move-a' }],
		['a bad pattern', { destinationParent: 'folders/x' }],
		['an empty project', { destinationParent: 'projects/' }],
		['a nested name', { destinationParent: 'projects/x/phoneNumberInstances/y' }],
	])('rejects %s with INVALID_ARGUMENT', async (_, body) => {
		const [single] = bed.emu.seed('p-move-a', [{ phoneNumber: `+6125550910${bed.emu.listStored('p-move-a').length}` }]);
		expectGoogleError(await bed.api('POST', `${resourcePath(single.name)}:move`, body), 400, 'INVALID_ARGUMENT', 'destinationParent');
		expect(bed.emu.getInstance(single.name)).toBeDefined();
	});

	it('needs the move permission on both projects', async () => {
		const [single] = bed.emu.seed('p-move-a', [{ phoneNumber: '+61255509200' }]);
		const path = `${resourcePath(single.name)}:move`;
		bed.emu.addBearerToken('move-source-only', { projects: ['p-move-a'] });
		bed.emu.addBearerToken('move-destination-only', { projects: ['p-move-c'] });
		bed.emu.addBearerToken('move-no-permission', { projects: ['p-move-a', 'p-move-c'], permissions: ['numbering.phoneNumberInstances.get'] });
		const body = { destinationParent: 'projects/p-move-c' };

		const sourceOnly = await apiClient(bed.emu.baseUrl, 'move-source-only')('POST', path, body);
		expectGoogleError(sourceOnly, 403, 'PERMISSION_DENIED', "Permission 'numbering.phoneNumberInstances.move' denied on resource 'projects/p-move-c'");
		const destinationOnly = await apiClient(bed.emu.baseUrl, 'move-destination-only')('POST', path, body);
		expectGoogleError(destinationOnly, 403, 'PERMISSION_DENIED', "on resource 'projects/p-move-a'");
		const noPermission = await apiClient(bed.emu.baseUrl, 'move-no-permission')('POST', path, body);
		expectGoogleError(noPermission, 403, 'PERMISSION_DENIED', "'numbering.phoneNumberInstances.move' denied on resource 'projects/p-move-a'");
		expect(bed.emu.getInstance(single.name)).toBeDefined();

		bed.emu.addBearerToken('move-both', { projects: ['p-move-a', 'p-move-c'], permissions: ['numbering.phoneNumberInstances.move'] });
		expect((await apiClient(bed.emu.baseUrl, 'move-both')('POST', path, body)).status).toBe(200);
	});
});
