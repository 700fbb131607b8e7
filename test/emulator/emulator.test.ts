/** The emulator's test controls (seed, lifecycle changes, reset, purge), as the tests, demo and benches use them. */
import { startEmulator } from '.';
import { collectionPath, expectGoogleError, resourcePath, TIMESTAMP, useEmulatorApi } from './testSupport';

const bed = useEmulatorApi('api-token', 'api-tests');

describe('test controls', () => {
	it('seeds in creation order and lists stored instances newest first', () => {
		const seeded = bed.emu.seed('p-controls', [{ phoneNumber: '+61255510001' }, { phoneNumber: '+61255510002' }, { phoneNumber: '+61255510003' }]);
		const times = seeded.map((i) => Date.parse(i.createTime ?? ''));
		expect(times[1]).toBeGreaterThan(times[0]);
		expect(times[2]).toBeGreaterThan(times[1]);
		expect(bed.emu.listStored('p-controls').map((i) => i.name)).toEqual(seeded.map((i) => i.name).reverse());
	});

	it('refuses to seed a number that is already held, or a non-E.164 number', () => {
		expect(() => bed.emu.seed('p-controls', [{ phoneNumber: '+61255510001' }])).toThrow(/already held/);
		expect(() => bed.emu.seed('p-controls', [{ phoneNumber: '0255510009' }])).toThrow(/E\.164/);
	});

	it('changes lifecycle state, compliance and purges', async () => {
		const [instance] = bed.emu.seed('p-controls', [{ phoneNumber: '+61255510010', lifecycleState: 'PENDING' }]);
		bed.emu.setLifecycleState(instance.name, 'ACTIVE');
		const active = bed.emu.getInstance(instance.name);
		expect(active?.activateTime).toMatch(TIMESTAMP);
		bed.emu.setLifecycleState(instance.name, 'DELETED');
		expect(bed.emu.getInstance(instance.name)?.deleteTime).toMatch(TIMESTAMP);
		expect((await bed.api('POST', collectionPath('p-controls'), { phoneNumber: { phoneNumber: '+61255510010' } })).status).toBe(200);
		bed.emu.purge(instance.name);
		expect(bed.emu.getInstance(instance.name)).toBeUndefined();
		expectGoogleError(await bed.api('GET', resourcePath(instance.name)), 404, 'NOT_FOUND');
	});

	// Speed belongs in `npm run bench`: these machines are shared, an absolute time here is noise.
	it('seeds 10,000 numbers and pages through them', async () => {
		bed.emu.seedBulk('p-bulk', 10_000);
		const page = await bed.api('GET', `${collectionPath('p-bulk')}?pageSize=100`);
		expect(page.json.phoneNumberInstances).toHaveLength(100);
		expect(page.json.phoneNumberInstances[0].phoneNumber.phoneNumber).toBe('+61370109999');
		expect(page.json.nextPageToken).toEqual(expect.any(String));
		const filtered = await bed.api('GET', `${collectionPath('p-bulk')}?prefix=%2B613701000&pageSize=100`);
		expect(filtered.json.phoneNumberInstances).toHaveLength(100);
		expect(filtered.json).not.toHaveProperty('nextPageToken');
	});

	it('seeds the sample data', async () => {
		const fresh = await startEmulator();
		const { projects } = fresh.seedSample();
		expect(projects).toEqual(['demo-project', 'demo-project-2']);
		const sample = fresh.listStored('demo-project', { includeDeleted: true });
		expect(sample.length).toBeGreaterThanOrEqual(8);
		expect(new Set(sample.map((i) => i.createTime)).size).toBe(sample.length);
		const states = sample.map((i) => i.lifecycleState);
		expect(states).toEqual(expect.arrayContaining(['ACTIVE', 'SUSPENDED', 'PENDING']));
		expect(sample.find((i) => i.lifecycleState === 'PENDING')).not.toHaveProperty('activateTime');
		expect(sample.some((i) => i.compliant === undefined && i.lifecycleState !== 'DELETED')).toBe(true);
		expect(sample.find((i) => i.range)?.range).toMatchObject({ startPhoneNumber: '+61255501100', endPhoneNumber: '+61255501199', size: 100 });
		expect(fresh.listStored('demo-project-2')).toEqual([]);
		await fresh.close();
	});

	it('resets to nothing, so the sample can be seeded again (what npm run n8n and test:n8n do between runs)', async () => {
		const fresh = await startEmulator();
		fresh.seedSample();
		const [first] = fresh.listStored('demo-project');
		fresh.purge(first.name);
		fresh.reset();
		expect(fresh.listStored('demo-project', { includeDeleted: true })).toEqual([]);
		expect(fresh.listStoredListings('demo-project')).toEqual([]);
		expect(fresh.listInventory()).toEqual([]);
		const again = fresh.seedSample();
		expect(again.regulatoryListings.length).toBeGreaterThan(0);
		expect(fresh.listStored('demo-project').map((instance) => instance.phoneNumber?.phoneNumber)).toContain(first.phoneNumber?.phoneNumber);
		expect(fresh.listInventory('AU').length).toBeGreaterThan(0);
		await fresh.close();
	});

	it('seeds atomically', () => {
		expect(() => bed.emu.seed('p-atomic', [{ phoneNumber: '+61255511000' }, { phoneNumber: '+61255511000', rangeSize: 3 }])).toThrow(/already held/);
		expect(bed.emu.listStored('p-atomic')).toEqual([]);
	});
});
