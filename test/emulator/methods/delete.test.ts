/** Raw-HTTP tests of the emulator's delete method (methods/delete.ts) and how it renders instances. */
import { startEmulator, type Emulator } from '..';
import { apiClient, collectionPath, expectGoogleError, resourcePath, TIMESTAMP, type ApiClient } from '../testSupport';

let emu: Emulator;
let api: ApiClient;

beforeAll(async () => {
	emu = await startEmulator();
	emu.addBearerToken('api-token', { label: 'api-tests' });
	api = apiClient(emu.baseUrl, 'api-token');
});

afterAll(() => emu.close());

describe('delete', () => {
	it('turns the instance DELETED with deleteTime, hides it from list, and refuses a second delete', async () => {
		const created = await api('POST', collectionPath('p-delete'), { phoneNumber: { phoneNumber: '+61255505001' } });
		const deleted = await api('DELETE', resourcePath(created.json.name));
		expect(deleted.status).toBe(200);
		expect(deleted.json.name).toBe(created.json.name);
		expect(deleted.json.lifecycleState).toBe('DELETED');
		expect(deleted.json.deleteTime).toMatch(TIMESTAMP);
		expect(Date.parse(deleted.json.deleteTime)).toBeGreaterThan(Date.parse(created.json.createTime));

		const got = await api('GET', resourcePath(created.json.name));
		expect(got.json.lifecycleState).toBe('DELETED');
		expect((await api('GET', collectionPath('p-delete'))).json).toEqual({});
		const withDeleted = await api('GET', `${collectionPath('p-delete')}?includeDeleted=true`);
		expect(withDeleted.json.phoneNumberInstances.map((i: { name: string }) => i.name)).toEqual([created.json.name]);

		expectGoogleError(await api('DELETE', resourcePath(created.json.name)), 400, 'FAILED_PRECONDITION', 'already deleted');
	});

	it('answers 404 for an unknown instance', async () => {
		expectGoogleError(await api('DELETE', `${collectionPath('p-delete')}/nope`), 404, 'NOT_FOUND');
	});
});
