/** Raw-HTTP tests of the emulator's delete method (methods/delete.ts) and how it renders instances. */
import { collectionPath, expectGoogleError, resourcePath, TIMESTAMP, useEmulatorApi } from '../testSupport';

const bed = useEmulatorApi('api-token', 'api-tests');

describe('delete', () => {
	it('turns the instance DELETED with deleteTime, hides it from list, and refuses a second delete', async () => {
		const created = await bed.api('POST', collectionPath('p-delete'), { phoneNumber: { phoneNumber: '+61255505001' } });
		const deleted = await bed.api('DELETE', resourcePath(created.json.name));
		expect(deleted.status).toBe(200);
		expect(deleted.json.name).toBe(created.json.name);
		expect(deleted.json.lifecycleState).toBe('DELETED');
		expect(deleted.json.deleteTime).toMatch(TIMESTAMP);
		expect(Date.parse(deleted.json.deleteTime)).toBeGreaterThan(Date.parse(created.json.createTime));

		const got = await bed.api('GET', resourcePath(created.json.name));
		expect(got.json.lifecycleState).toBe('DELETED');
		expect((await bed.api('GET', collectionPath('p-delete'))).json).toEqual({});
		const withDeleted = await bed.api('GET', `${collectionPath('p-delete')}?includeDeleted=true`);
		expect(withDeleted.json.phoneNumberInstances.map((i: { name: string }) => i.name)).toEqual([created.json.name]);

		expectGoogleError(await bed.api('DELETE', resourcePath(created.json.name)), 400, 'FAILED_PRECONDITION', 'already deleted');
	});

	it('answers 404 for an unknown instance', async () => {
		expectGoogleError(await bed.api('DELETE', `${collectionPath('p-delete')}/nope`), 404, 'NOT_FOUND');
	});
});
