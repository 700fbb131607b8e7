import type { INodeParameters } from 'n8n-workflow';

import type { TriggerBed } from '../../../support/triggerBed';
import { startTriggerBed } from '../../../support/triggerBed';

const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

/** Options → On Poll Failure: `fail` reports every failed poll to n8n; `alertOnce` one item per outage. */
describe('Enfonica Trigger: On Poll Failure', () => {
	let bed: TriggerBed;
	let projects = 0;

	beforeAll(async () => {
		bed = await startTriggerBed();
	});
	afterAll(async () => await bed.close());
	afterEach(() => bed.emu.clearFaults());

	function outage(project: string) {
		// A key revoked or a permission removed: every list request refused (not retried, so fast).
		bed.emu.injectFault({ method: 'GET', path: `/v1beta1/projects/${project}/phoneNumberInstances`, times: 1000, fault: { kind: 'status', status: 403 } });
	}

	async function watched(options: INodeParameters) {
		const project = `failure-${++projects}`;
		const [x, y] = bed.emu.seed(project, [
			{ phoneNumber: `+6125552${String(projects).padStart(2, '0')}90`, lifecycleState: 'ACTIVE' },
			{ phoneNumber: `+6125552${String(projects).padStart(2, '0')}91`, lifecycleState: 'ACTIVE' },
		]);
		const workflow = bed.n8nWorkflow({ project, events: ['lifecycleStateChanged'], lifecycleStates: ['SUSPENDED'], options });
		expect(await workflow.activate()).toEqual([]);
		return { project, x, y, workflow };
	}

	it('alertOnce: one pollFailing, silence (a restart included), then pollRecovered with the suspension made during the outage', async () => {
		const { project, x, workflow } = await watched({ onPollFailure: 'alertOnce' });
		outage(project);
		const [failing, ...more] = await workflow.tick();
		expect(more).toEqual([]);
		expect(failing).toEqual({ event: 'pollFailing', error: expect.any(String), failingSince: expect.stringMatching(ISO_TIME) });
		expect(String(failing.error)).toMatch(/not allowed|permission|denied|403/i);
		// No secret of the credential in the alert.
		expect(JSON.stringify(failing)).not.toMatch(/PRIVATE KEY|private_key|Bearer /);

		bed.emu.setLifecycleState(x.name, 'SUSPENDED');
		expect(await workflow.tick()).toEqual([]);
		// n8n restarts during the outage: the failing state was saved with the alert, nothing is repeated.
		workflow.stop();
		expect(await workflow.start()).toEqual([]);
		expect(await workflow.tick()).toEqual([]);
		expect(workflow.executions).toHaveLength(1);

		bed.emu.clearFaults();
		const recovered = await workflow.tick();
		expect(recovered.map((json) => json.event)).toEqual(['pollRecovered', 'lifecycleStateChanged']);
		expect(recovered[0]).toEqual({ event: 'pollRecovered', failingSince: failing.failingSince, recoveredAt: expect.stringMatching(ISO_TIME) });
		expect(recovered[1]).toMatchObject({ name: x.name, lifecycleState: 'SUSPENDED', previousLifecycleState: 'ACTIVE' });
		expect(await workflow.tick()).toEqual([]);
		// A restart after recovering repeats nothing either.
		workflow.stop();
		expect(await workflow.start()).toEqual([]);
	});

	it('alertOnce: a second outage is alerted again; recovering with no change gives pollRecovered alone', async () => {
		const { project, workflow } = await watched({ onPollFailure: 'alertOnce' });
		for (let round = 0; round < 2; round++) {
			outage(project);
			expect((await workflow.tick()).map((json) => json.event)).toEqual(['pollFailing']);
			expect(await workflow.tick()).toEqual([]);
			bed.emu.clearFaults();
			expect((await workflow.tick()).map((json) => json.event)).toEqual(['pollRecovered']);
		}
		expect(await workflow.tick()).toEqual([]);
	});

	it('alertOnce with durable poll cursors: the same, the failing state committed with the alert', async () => {
		const project = `failure-${++projects}`;
		const [x] = bed.emu.seed(project, [{ phoneNumber: `+6125552${String(projects).padStart(2, '0')}90`, lifecycleState: 'ACTIVE' }]);
		const workflow = bed.n8nWorkflow({ project, events: ['lifecycleStateChanged'], options: { onPollFailure: 'alertOnce' } }, { durableCursors: true });
		await workflow.activate();
		outage(project);
		expect((await workflow.tick()).map((json) => json.event)).toEqual(['pollFailing']);
		expect(workflow.saved).toEqual(expect.objectContaining({ failingSince: expect.stringMatching(ISO_TIME) }));
		bed.emu.setLifecycleState(x.name, 'SUSPENDED');
		workflow.stop();
		expect(await workflow.start()).toEqual([]);
		expect(await workflow.tick()).toEqual([]);
		bed.emu.clearFaults();
		expect((await workflow.tick()).map((json) => json.event)).toEqual(['pollRecovered', 'lifecycleStateChanged']);
		expect(await workflow.tick()).toEqual([]);
	});

	it('fail (the default) still throws on every failed poll, and the state does not move', async () => {
		for (const options of [{}, { onPollFailure: 'fail' }]) {
			const { project, x, workflow } = await watched(options);
			const saved = structuredClone(workflow.saved);
			outage(project);
			bed.emu.setLifecycleState(x.name, 'SUSPENDED');
			await expect(workflow.tick()).rejects.toThrow(/not allowed|permission|denied|403/i);
			await expect(workflow.tick()).rejects.toThrow(/not allowed|permission|denied|403/i);
			expect(workflow.saved).toEqual(saved);
			bed.emu.clearFaults();
			expect((await workflow.tick()).map((json) => json.event)).toEqual(['lifecycleStateChanged']);
		}
	});

	it('refuses an unknown On Poll Failure value before any request', async () => {
		const result = await bed.watcher({ project: 'failure-bad', options: { onPollFailure: 'retry' } }).poll();
		expect(result.error?.message).toBe('On Poll Failure has "retry": use alertOnce, fail');
	});
});
