/** Raw-HTTP tests of the emulator's get method (methods/get.ts) and how it renders instances. */
import { collectionPath, expectGoogleError, resourcePath, useEmulatorApi } from '../testSupport';

const bed = useEmulatorApi('api-token', 'api-tests');

describe('get', () => {
	it('returns the instance as created', async () => {
		const created = await bed.api('POST', collectionPath('p-get'), { phoneNumber: { phoneNumber: '+61255504001' }, displayName: 'Get me' });
		const got = await bed.api('GET', resourcePath(created.json.name));
		expect(got.status).toBe(200);
		expect(got.json).toEqual(created.json);
	});

	it('answers 404 naming the resource, also when the id lives in another project', async () => {
		const missing = await bed.api('GET', `${collectionPath('p-get')}/doesnotexist`);
		expectGoogleError(missing, 404, 'NOT_FOUND', 'projects/p-get/phoneNumberInstances/doesnotexist');
		const [other] = bed.emu.seed('p-get-other', [{ phoneNumber: '+61255504002' }]);
		const id = other.name.split('/').pop();
		expectGoogleError(await bed.api('GET', `${collectionPath('p-get')}/${id}`), 404, 'NOT_FOUND');
	});

	it('omits activateTime for PENDING and compliant when false', async () => {
		const [pending] = bed.emu.seed('p-get', [{ phoneNumber: '+61255504003', lifecycleState: 'PENDING', compliant: false }]);
		const got = await bed.api('GET', resourcePath(pending.name));
		expect(got.json.lifecycleState).toBe('PENDING');
		expect(got.json).not.toHaveProperty('activateTime');
		expect(got.json).not.toHaveProperty('compliant');
		bed.emu.setCompliant(pending.name, true);
		expect((await bed.api('GET', resourcePath(pending.name))).json.compliant).toBe(true);
	});

	it('rejects unknown query parameters', async () => {
		const [instance] = bed.emu.seed('p-get', [{ phoneNumber: '+61255504004' }]);
		expectGoogleError(await bed.api('GET', `${resourcePath(instance.name)}?view=FULL`), 400, 'INVALID_ARGUMENT', 'view');
	});
});
