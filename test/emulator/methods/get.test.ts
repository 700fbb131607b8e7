/** Raw-HTTP tests of the emulator's get method (methods/get.ts) and how it renders instances. */
import { startEmulator, type Emulator } from '..';
import { apiClient, collectionPath, expectGoogleError, resourcePath, type ApiClient } from '../testSupport';

let emu: Emulator;
let api: ApiClient;

beforeAll(async () => {
	emu = await startEmulator();
	emu.addBearerToken('api-token', { label: 'api-tests' });
	api = apiClient(emu.baseUrl, 'api-token');
});

afterAll(() => emu.close());

describe('get', () => {
	it('returns the instance as created', async () => {
		const created = await api('POST', collectionPath('p-get'), { phoneNumber: { phoneNumber: '+61255504001' }, displayName: 'Get me' });
		const got = await api('GET', resourcePath(created.json.name));
		expect(got.status).toBe(200);
		expect(got.json).toEqual(created.json);
	});

	it('answers 404 naming the resource, also when the id lives in another project', async () => {
		const missing = await api('GET', `${collectionPath('p-get')}/doesnotexist`);
		expectGoogleError(missing, 404, 'NOT_FOUND', 'projects/p-get/phoneNumberInstances/doesnotexist');
		const [other] = emu.seed('p-get-other', [{ phoneNumber: '+61255504002' }]);
		const id = other.name.split('/').pop();
		expectGoogleError(await api('GET', `${collectionPath('p-get')}/${id}`), 404, 'NOT_FOUND');
	});

	it('omits activateTime for PENDING and compliant when false', async () => {
		const [pending] = emu.seed('p-get', [{ phoneNumber: '+61255504003', lifecycleState: 'PENDING', compliant: false }]);
		const got = await api('GET', resourcePath(pending.name));
		expect(got.json.lifecycleState).toBe('PENDING');
		expect(got.json).not.toHaveProperty('activateTime');
		expect(got.json).not.toHaveProperty('compliant');
		emu.setCompliant(pending.name, true);
		expect((await api('GET', resourcePath(pending.name))).json.compliant).toBe(true);
	});

	it('rejects unknown query parameters', async () => {
		const [instance] = emu.seed('p-get', [{ phoneNumber: '+61255504004' }]);
		expectGoogleError(await api('GET', `${resourcePath(instance.name)}?view=FULL`), 400, 'INVALID_ARGUMENT', 'view');
	});
});
