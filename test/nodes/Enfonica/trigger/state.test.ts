import type { TriggerBed } from '../../../support/triggerBed';
import { listRequests, savedIds, startTriggerBed, TRIGGER_TYPE } from '../../../support/triggerBed';

const ALL_EVENTS = ['lifecycleStateChanged', 'complianceChanged', 'instanceAdded', 'instanceRemoved'];

/** Exactly-once and state handling: manual mode, failed listings, scope changes, state size. */
describe('Enfonica Trigger: state', () => {
	let bed: TriggerBed;

	beforeAll(async () => {
		bed = await startTriggerBed();
	});
	afterAll(async () => await bed.close());
	beforeEach(() => bed.emu.clearFaults());

	it('manual mode returns one event from the newest instance and never touches the saved state', async () => {
		const [older, newest] = bed.emu.seed('manual', [
			{ phoneNumber: '+61255506000', lifecycleState: 'ACTIVE' },
			{ phoneNumber: '+61255506001', lifecycleState: 'SUSPENDED', displayName: 'Newest' },
		]);
		const watcher = bed.watcher({ project: 'manual', events: ['lifecycleStateChanged', 'complianceChanged'] });

		// Before any baseline: a test event, and still no baseline afterwards.
		const first = await watcher.poll('manual');
		expect(first.error).toBeUndefined();
		expect(first.result?.[0]).toHaveLength(1);
		expect(first.result?.[0][0].json).toMatchObject({
			event: 'lifecycleStateChanged',
			name: newest.name,
			displayName: 'Newest',
			lifecycleState: 'SUSPENDED',
			previousLifecycleState: 'ACTIVE',
			detectedAt: expect.any(String),
		});
		expect(first.staticDataChanged).toBe(false);
		expect(first.workflowStaticData).toEqual({});
		expect((await watcher.poll()).result).toBeNull();

		// With a baseline and a pending change: manual mode leaves both alone.
		const saved = structuredClone(watcher.workflowStaticData);
		bed.emu.setLifecycleState(older.name, 'SUSPENDED');
		const manual = await watcher.poll('manual');
		expect(manual.result?.[0]).toHaveLength(1);
		expect(manual.staticDataChanged).toBe(false);
		expect(manual.workflowStaticData).toEqual(saved);
		const [event] = await watcher.events();
		expect(event).toMatchObject({ name: older.name, event: 'lifecycleStateChanged', previousLifecycleState: 'ACTIVE' });
	});

	it('manual mode on an empty project fails with a clear error', async () => {
		const result = await bed.watcher({ project: 'manual-empty' }).poll('manual');
		expect(result.result).toBeNull();
		expect(result.error?.message).toMatch(/No phone number instances in projects\/manual-empty/);
	});

	it('a listing that fails part-way fails the poll and keeps the state; the next good poll emits each change once', async () => {
		bed.emu.seedBulk('faulty', 250, { startNumber: '+61370200000' });
		const listed = bed.emu.listStored('faulty', { includeDeleted: true });
		const [onPage1, onPage2, onPage3] = [listed[5], listed[150], listed[240]];
		const watcher = bed.watcher({ project: 'faulty', events: ALL_EVENTS });
		expect((await watcher.poll()).result).toBeNull();
		const baseline = structuredClone(watcher.workflowStaticData);

		bed.emu.setLifecycleState(onPage1.name, 'SUSPENDED');
		bed.emu.setCompliant(onPage3.name, false);
		// Page 2 fails on every attempt (the first try and all retries).
		bed.emu.injectFault({ method: 'GET', path: '/v1beta1/projects/faulty/phoneNumberInstances', nth: 2, times: 5, fault: { kind: 'status', status: 503 } });
		bed.emu.clearLog();
		const failed = await watcher.poll();
		expect(failed.error?.message).toMatch(/temporary problem/);
		expect(failed.result).toBeNull();
		expect(failed.workflowStaticData).toEqual(baseline);
		expect(listRequests(bed.emu).some((request) => request.query.pageToken !== undefined && request.status === 503)).toBe(true);

		// More changes while the trigger was failing, then a good poll.
		bed.emu.setLifecycleState(onPage2.name, 'DELETED');
		const [added] = bed.emu.seed('faulty', [{ phoneNumber: '+61255506100' }]);
		const events = await watcher.events();
		expect(events.map((event) => [event.event, event.name]).sort()).toEqual(
			[
				['complianceChanged', onPage3.name],
				['instanceAdded', added.name],
				['lifecycleStateChanged', onPage1.name],
				['lifecycleStateChanged', onPage2.name],
			].sort(),
		);
		expect(await watcher.events()).toEqual([]);
	});

	it('a failed GET confirming a removal fails the poll and keeps the state; the next good poll reports the removal once', async () => {
		const [gone, stays] = bed.emu.seed('confirm', [
			{ phoneNumber: '+61255506300', lifecycleState: 'ACTIVE' },
			{ phoneNumber: '+61255506301', lifecycleState: 'ACTIVE' },
		]);
		const watcher = bed.watcher({ project: 'confirm', events: ALL_EVENTS });
		expect((await watcher.poll()).result).toBeNull();
		const baseline = structuredClone(watcher.workflowStaticData);

		bed.emu.purge(gone.name);
		bed.emu.setLifecycleState(stays.name, 'SUSPENDED');
		// The confirming GET fails on every attempt (the first try and all retries).
		bed.emu.injectFault({ method: 'GET', path: `/v1beta1/${gone.name}`, times: 5, fault: { kind: 'status', status: 503 } });
		bed.emu.clearLog();
		const failed = await watcher.poll();
		expect(failed.error?.message).toMatch(/temporary problem/);
		expect(failed.result).toBeNull();
		expect(failed.workflowStaticData).toEqual(baseline);
		expect(bed.emu.requests.filter((request) => request.path === `/v1beta1/${gone.name}`).map((request) => request.status)).toEqual([503, 503, 503, 503, 503]);

		bed.emu.clearLog();
		const events = await watcher.events();
		expect(events.map((event) => [event.event, event.name]).sort()).toEqual(
			[
				['instanceRemoved', gone.name],
				['lifecycleStateChanged', stays.name],
			].sort(),
		);
		expect(bed.emu.requests.filter((request) => request.path === `/v1beta1/${gone.name}`).map((request) => request.status)).toEqual([404]);
		expect(await watcher.events()).toEqual([]);
	});

	it('a malformed page or a dropped connection also leaves the state untouched', async () => {
		const [a] = bed.emu.seed('flaky', [{ phoneNumber: '+61255506200', lifecycleState: 'ACTIVE' }]);
		const watcher = bed.watcher({ project: 'flaky' });
		await watcher.poll();
		bed.emu.setLifecycleState(a.name, 'SUSPENDED');
		for (const fault of [{ kind: 'malformed' as const }, { kind: 'reset' as const }]) {
			const before = structuredClone(watcher.workflowStaticData);
			bed.emu.injectFault({ method: 'GET', path: '/v1beta1/projects/flaky/phoneNumberInstances', times: 5, fault });
			const failed = await watcher.poll();
			expect(failed.error).toBeDefined();
			expect(watcher.workflowStaticData).toEqual(before);
		}
		expect(await watcher.events()).toHaveLength(1);
	});

	it('changing the project or the prefix starts a new baseline instead of a burst of events', async () => {
		const [a] = bed.emu.seed('scope-a', [{ phoneNumber: '+61255507000', lifecycleState: 'ACTIVE' }]);
		const [b] = bed.emu.seed('scope-b', [
			{ phoneNumber: '+61255507100', lifecycleState: 'ACTIVE' },
			{ phoneNumber: '+61355507100', lifecycleState: 'ACTIVE' },
		]);
		const watcher = bed.watcher({ project: 'scope-a', events: ALL_EVENTS });
		await watcher.poll();

		// Everything in scope-b would look "added" and a's number "removed": none of it is reported.
		watcher.parameters = { ...watcher.parameters, project: 'projects/scope-b' };
		expect(await watcher.events()).toEqual([]);
		expect(watcher.staticData?.scope).toBe('projects/scope-b|');
		expect(savedIds(watcher.staticData)).toHaveLength(2);
		bed.emu.setLifecycleState(b.name, 'SUSPENDED');
		expect(await watcher.events()).toEqual([expect.objectContaining({ name: b.name, lifecycleState: 'SUSPENDED' })]);

		watcher.parameters = { ...watcher.parameters, filters: { prefix: '+613' } };
		expect(await watcher.events()).toEqual([]);
		expect(savedIds(watcher.staticData)).toHaveLength(1);

		// Back to the first project: a fresh baseline there too, not a replay of old differences.
		bed.emu.setLifecycleState(a.name, 'SUSPENDED');
		watcher.parameters = { project: 'scope-a', events: ALL_EVENTS };
		expect(await watcher.events()).toEqual([]);
	});

	it('the project falls back to the credential\'s', async () => {
		const [a] = bed.emu.seed('home', [{ phoneNumber: '+61255508000', lifecycleState: 'ACTIVE' }]);
		const watcher = bed.watcher({});
		await watcher.poll();
		expect(watcher.staticData?.scope).toBe('projects/home|');
		bed.emu.setLifecycleState(a.name, 'SUSPENDED');
		expect(await watcher.events()).toEqual([expect.objectContaining({ name: a.name })]);
	});

	it('keeps the state under 48 bytes per number for 10,000 numbers, and saves it only when it changes', async () => {
		bed.emu.seedBulk('bulk', 10_000, { startNumber: '+61370300000' });
		const watcher = bed.watcher({ project: 'bulk' });
		const baseline = await watcher.poll();
		expect(baseline.error).toBeUndefined();
		expect(baseline.staticDataChanged).toBe(true);
		expect(savedIds(watcher.staticData)).toHaveLength(10_000);
		const bytesPerNumber = Buffer.byteLength(JSON.stringify(watcher.workflowStaticData)) / 10_000;
		expect(bytesPerNumber).toBeLessThanOrEqual(48);

		const unchanged = await watcher.poll();
		expect(unchanged.result).toBeNull();
		expect(unchanged.staticDataChanged).toBe(false);

		const last = bed.emu.listStored('bulk')[9_999];
		bed.emu.setLifecycleState(last.name, 'SUSPENDED');
		expect(await watcher.events()).toEqual([expect.objectContaining({ name: last.name, lifecycleState: 'SUSPENDED' })]);
	}, 120_000);

	it('a poll started while the last one still runs (n8n does not wait for it) reports nothing and leaves the state alone', async () => {
		const [x] = bed.emu.seed('overlap', [{ phoneNumber: '+61255509900', lifecycleState: 'ACTIVE' }]);
		const parameters = { project: 'overlap', events: ALL_EVENTS };
		const watcher = bed.watcher(parameters);
		await watcher.poll();
		bed.emu.setLifecycleState(x.name, 'SUSPENDED');
		bed.emu.latencyMs = 300;
		const poll = async () => await bed.h.poll({ nodeType: TRIGGER_TYPE, parameters, credentialId: bed.credentialId, workflowStaticData: watcher.workflowStaticData });
		const [first, second] = await Promise.all([poll(), poll()]).finally(() => (bed.emu.latencyMs = 0));
		expect(first.result?.[0].map((item) => item.json)).toEqual([expect.objectContaining({ name: x.name, event: 'lifecycleStateChanged', lifecycleState: 'SUSPENDED' })]);
		expect(second.result).toBeNull();
		expect(second.staticDataChanged).toBe(false);
		expect(listRequests(bed.emu).filter((request) => request.path.includes('/overlap/'))).toHaveLength(2);
		// Once it has finished, the next poll runs as usual.
		watcher.workflowStaticData = first.workflowStaticData;
		expect(await watcher.events()).toEqual([]);
	});
});
