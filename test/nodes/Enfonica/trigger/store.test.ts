import type { IDataObject } from 'n8n-workflow';

import type { PhoneNumberInstanceJson } from '../../../emulator';
import type { N8nSetup, TriggerBed } from '../../../support/triggerBed';
import { startTriggerBed } from '../../../support/triggerBed';

/**
 * No alert lost or repeated under n8n's real persistence rule (issue 11): static data is saved
 * only when a poll emits and after an activation; restarts, re-activations and the scheduler's
 * per-tick rebuild start again from the saved copy. See N8nWorkflow in test/support/triggerBed.ts.
 */
describe('Enfonica Trigger: state saved only as n8n saves it', () => {
	let bed: TriggerBed;
	let projects = 0;

	beforeAll(async () => {
		bed = await startTriggerBed();
	});
	afterAll(async () => await bed.close());

	/** A fresh project with two active numbers; the trigger alerts on lifecycle changes into SUSPENDED (the drill). */
	async function suspensionAlerts(setup: N8nSetup = {}, extra: IDataObject = {}) {
		const project = `persist-${++projects}`;
		const [x, y] = bed.emu.seed(project, [
			{ phoneNumber: `+6125551${String(projects).padStart(2, '0')}00`, lifecycleState: 'ACTIVE', compliant: true },
			{ phoneNumber: `+6125551${String(projects).padStart(2, '0')}01`, lifecycleState: 'ACTIVE', compliant: true },
		]);
		const workflow = bed.n8nWorkflow({ project, events: ['lifecycleStateChanged'], lifecycleStates: ['SUSPENDED'], ...extra }, setup);
		expect(await workflow.activate()).toEqual([]);
		return { project, x, y, workflow };
	}

	const no = (instance: PhoneNumberInstanceJson) => instance.phoneNumber?.phoneNumber;
	const summary = (items: IDataObject[]) => items.map((item) => `${item.event} ${item.phoneNumber} ${item.previousLifecycleState ?? item.previousCompliant ?? ''}→${item.lifecycleState}`);

	it('the issue\'s drill: suspended (alert), reactivated (filtered), n8n stops, suspended again, n8n starts → one alert', async () => {
		const { x, workflow } = await suspensionAlerts();
		bed.emu.setLifecycleState(x.name, 'SUSPENDED');
		expect(summary(await workflow.tick())).toEqual([`lifecycleStateChanged ${no(x)} ACTIVE→SUSPENDED`]);
		bed.emu.setLifecycleState(x.name, 'ACTIVE');
		expect(await workflow.tick()).toEqual([]);
		workflow.stop();
		bed.emu.setLifecycleState(x.name, 'SUSPENDED');
		expect(summary(await workflow.start())).toEqual([`lifecycleStateChanged ${no(x)} ACTIVE→SUSPENDED`]);
		expect(await workflow.tick()).toEqual([]);
		// And a restart right after the alert does not repeat it.
		workflow.stop();
		expect(await workflow.start()).toEqual([]);
		expect(await workflow.tick()).toEqual([]);
	});

	it('a filtered change, then a restart, then the change that matters: alerted once', async () => {
		const { x, workflow } = await suspensionAlerts();
		bed.emu.setLifecycleState(x.name, 'SUSPENDED');
		expect(await workflow.tick()).toHaveLength(1);
		bed.emu.setLifecycleState(x.name, 'ACTIVE');
		expect(await workflow.tick()).toEqual([]);
		workflow.stop();
		expect(await workflow.start()).toEqual([]);
		bed.emu.setLifecycleState(x.name, 'SUSPENDED');
		expect(summary(await workflow.tick())).toEqual([`lifecycleStateChanged ${no(x)} ACTIVE→SUSPENDED`]);
		expect(await workflow.tick()).toEqual([]);
	});

	it('changes made while n8n is down are alerted once when it starts, and never again', async () => {
		const { x, y, workflow } = await suspensionAlerts({}, { events: ['lifecycleStateChanged', 'complianceChanged'] });
		workflow.stop();
		bed.emu.setLifecycleState(x.name, 'SUSPENDED');
		bed.emu.setCompliant(y.name, false);
		expect(summary(await workflow.start()).sort()).toEqual([`complianceChanged ${no(y)} true→ACTIVE`, `lifecycleStateChanged ${no(x)} ACTIVE→SUSPENDED`].sort());
		expect(await workflow.tick()).toEqual([]);
		workflow.stop();
		expect(await workflow.start()).toEqual([]);
	});

	it('a re-activation (workflow edited and published again) neither loses a filtered change nor repeats an alert', async () => {
		const { x, y, workflow } = await suspensionAlerts();
		bed.emu.setLifecycleState(x.name, 'SUSPENDED');
		bed.emu.setLifecycleState(y.name, 'SUSPENDED');
		expect(await workflow.tick()).toHaveLength(2);
		bed.emu.setLifecycleState(x.name, 'ACTIVE');
		expect(await workflow.tick()).toEqual([]);
		// Suspended again, then the workflow is edited (another Poll Times, say) and published:
		// n8n re-activates it from the saved copy, and the activation's poll alerts.
		bed.emu.setLifecycleState(x.name, 'SUSPENDED');
		expect(summary(await workflow.activate())).toEqual([`lifecycleStateChanged ${no(x)} ACTIVE→SUSPENDED`]);
		expect(await workflow.tick()).toEqual([]);
		expect(await workflow.activate()).toEqual([]);
		bed.emu.setLifecycleState(y.name, 'ACTIVE');
		expect(await workflow.tick()).toEqual([]);
		expect(await workflow.activate()).toEqual([]);
		bed.emu.setLifecycleState(y.name, 'SUSPENDED');
		expect(summary(await workflow.tick())).toEqual([`lifecycleStateChanged ${no(y)} ACTIVE→SUSPENDED`]);
	});

	it('n8n\'s scheduler rebuilding the workflow from the database on every tick loses nothing', async () => {
		const { project, x, y, workflow } = await suspensionAlerts({ scheduler: true });
		bed.emu.setLifecycleState(x.name, 'SUSPENDED');
		expect(await workflow.tick()).toHaveLength(1);
		bed.emu.setLifecycleState(x.name, 'ACTIVE');
		expect(await workflow.tick()).toEqual([]);
		bed.emu.setLifecycleState(x.name, 'SUSPENDED');
		expect(summary(await workflow.tick())).toEqual([`lifecycleStateChanged ${no(x)} ACTIVE→SUSPENDED`]);
		// A number bought (Instance Added is not selected) and then suspended: its suspension is alerted.
		const [bought] = bed.emu.seed(project, [{ phoneNumber: `+6125551${String(projects).padStart(2, '0')}50`, lifecycleState: 'ACTIVE' }]);
		expect(await workflow.tick()).toEqual([]);
		bed.emu.setLifecycleState(bought.name, 'SUSPENDED');
		expect(summary(await workflow.tick())).toEqual([`lifecycleStateChanged ${no(bought)} ACTIVE→SUSPENDED`]);
		// A number moved away (Instance Removed is not selected): confirmed gone once, not on every tick.
		await bed.api('POST', `${y.name}:move`, { destinationParent: 'projects/elsewhere' });
		bed.emu.clearLog();
		expect(await workflow.tick()).toEqual([]);
		expect(await workflow.tick()).toEqual([]);
		expect(bed.emu.requests.filter((request) => request.path === `/v1beta1/${y.name}`)).toHaveLength(1);
		// A restart with the scheduler: the poll job exists, so no activation poll; the next tick goes on.
		workflow.stop();
		bed.emu.setLifecycleState(x.name, 'ACTIVE');
		expect(await workflow.start()).toEqual([]);
		expect(await workflow.tick()).toEqual([]);
		bed.emu.setLifecycleState(x.name, 'SUSPENDED');
		expect(await workflow.tick()).toHaveLength(1);
	});

	it('a poll with only filtered changes starts one execution without items (so n8n saves the state); a poll with no change starts none and writes nothing', async () => {
		const { x, workflow } = await suspensionAlerts();
		const saved = workflow.saved;
		expect(await workflow.tick()).toEqual([]);
		expect(workflow.executions).toEqual([]);
		expect(workflow.saved).toEqual(saved);
		bed.emu.setLifecycleState(x.name, 'PENDING');
		expect(await workflow.tick()).toEqual([]);
		expect(workflow.executions).toEqual([[]]);
		// What the trigger must remember of that poll is in n8n's database, not only in memory.
		expect(workflow.saved).not.toEqual(saved);
		expect(workflow.saved).toEqual(workflow.memory);
		expect(await workflow.tick()).toEqual([]);
		expect(workflow.executions).toEqual([[]]);
		bed.emu.setLifecycleState(x.name, 'SUSPENDED');
		expect(summary(await workflow.tick())).toEqual([`lifecycleStateChanged ${no(x)} PENDING→SUSPENDED`]);
		expect(workflow.executions).toHaveLength(2);
	});

	/**
	 * n8n's durable poll cursors (N8N_POLLER_DURABLE_CURSORS_ENABLED with the scheduler chain): the
	 * state is n8n's cursor row, committed when a poll emits or a scheduled poll returns null, not
	 * when the activation's poll returns null. Measured in real n8n 2.40.7 before the fix: the first
	 * poll's baseline was not kept, so the first change after activating was never alerted.
	 */
	describe.each([
		['option off', {}],
		['option on', { options: { durablePollCursors: true } }],
	])('with durable poll cursors on (%s)', (_label, extra: IDataObject) => {
		const durable = async () => await suspensionAlerts({ durableCursors: true }, extra);

		it('the activation\'s baseline is committed: the first change after activating is alerted', async () => {
			const { x, workflow } = await durable();
			// The baseline is in n8n's cursor row, committed with an execution without items.
			expect(workflow.saved).toEqual(expect.objectContaining({ v: 2, scope: expect.stringContaining('projects/persist-') }));
			expect(workflow.executions).toEqual([[]]);
			bed.emu.setLifecycleState(x.name, 'SUSPENDED');
			expect(summary(await workflow.tick())).toEqual([`lifecycleStateChanged ${no(x)} ACTIVE→SUSPENDED`]);
			expect(await workflow.tick()).toEqual([]);
		});

		it('the drill: a filtered change, then a restart, then the change that matters: alerted once', async () => {
			const { x, workflow } = await durable();
			bed.emu.setLifecycleState(x.name, 'SUSPENDED');
			expect(await workflow.tick()).toHaveLength(1);
			bed.emu.setLifecycleState(x.name, 'ACTIVE');
			expect(await workflow.tick()).toEqual([]);
			workflow.stop();
			bed.emu.setLifecycleState(x.name, 'SUSPENDED');
			expect(await workflow.start()).toEqual([]);
			expect(summary(await workflow.tick())).toEqual([`lifecycleStateChanged ${no(x)} ACTIVE→SUSPENDED`]);
			expect(await workflow.tick()).toEqual([]);
		});

		it('the drill: a filtered change, then a re-activation: alerted once by the activation\'s poll', async () => {
			const { x, workflow } = await durable();
			bed.emu.setLifecycleState(x.name, 'SUSPENDED');
			expect(await workflow.tick()).toHaveLength(1);
			bed.emu.setLifecycleState(x.name, 'ACTIVE');
			expect(await workflow.tick()).toEqual([]);
			bed.emu.setLifecycleState(x.name, 'SUSPENDED');
			expect(summary(await workflow.activate())).toEqual([`lifecycleStateChanged ${no(x)} ACTIVE→SUSPENDED`]);
			expect(await workflow.tick()).toEqual([]);
			// A filtered change seen by an activation's poll: committed with an execution without items, as its return would be alerted.
			bed.emu.setLifecycleState(x.name, 'ACTIVE');
			expect(await workflow.activate()).toEqual([]);
			expect(await workflow.tick()).toEqual([]);
			bed.emu.setLifecycleState(x.name, 'SUSPENDED');
			expect(summary(await workflow.tick())).toEqual([`lifecycleStateChanged ${no(x)} ACTIVE→SUSPENDED`]);
		});

		it('the drill: a change while n8n is down is alerted once', async () => {
			const { x, workflow } = await durable();
			workflow.stop();
			bed.emu.setLifecycleState(x.name, 'SUSPENDED');
			expect(await workflow.start()).toEqual([]);
			expect(summary(await workflow.tick())).toEqual([`lifecycleStateChanged ${no(x)} ACTIVE→SUSPENDED`]);
			workflow.stop();
			expect(await workflow.start()).toEqual([]);
			expect(await workflow.tick()).toEqual([]);
		});
	});

	it('with durable poll cursors, filtered changes start no execution when the option says so, one without items otherwise', async () => {
		const executionsOf = async (extra: IDataObject) => {
			const { x, workflow } = await suspensionAlerts({ durableCursors: true }, extra);
			bed.emu.setLifecycleState(x.name, 'PENDING');
			expect(await workflow.tick()).toEqual([]);
			return workflow.executions;
		};
		// The activation's baseline is committed with an execution without items in both.
		expect(await executionsOf({ options: { durablePollCursors: true } })).toEqual([[]]);
		expect(await executionsOf({})).toEqual([[], []]);
	});

	describe('with durable poll cursors and the option on, a filtered change that only an activation\'s poll saw (not committed by n8n)', () => {
		const option = { options: { durablePollCursors: true } };

		it('is not forgotten when it reverts: a number reactivated, then suspended again, is alerted', async () => {
			const { x, workflow } = await suspensionAlerts({ durableCursors: true }, option);
			bed.emu.setLifecycleState(x.name, 'SUSPENDED');
			expect(await workflow.tick()).toHaveLength(1);
			bed.emu.setLifecycleState(x.name, 'ACTIVE');
			expect(await workflow.activate()).toEqual([]);
			bed.emu.setLifecycleState(x.name, 'SUSPENDED');
			expect(summary(await workflow.tick())).toEqual([`lifecycleStateChanged ${no(x)} ACTIVE→SUSPENDED`]);
		});

		it('is not forgotten for a number bought (Instance Added off) and then suspended', async () => {
			const { project, workflow } = await suspensionAlerts({ durableCursors: true }, option);
			const [bought] = bed.emu.seed(project, [{ phoneNumber: `+6125551${String(projects).padStart(2, '0')}60`, lifecycleState: 'ACTIVE' }]);
			expect(await workflow.activate()).toEqual([]);
			bed.emu.setLifecycleState(bought.name, 'SUSPENDED');
			expect(summary(await workflow.tick())).toEqual([`lifecycleStateChanged ${no(bought)} ACTIVE→SUSPENDED`]);
		});

		it('starts no execution when forgetting it can hide nothing (a change out of a state not alerted on)', async () => {
			const { x, workflow } = await suspensionAlerts({ durableCursors: true }, option);
			bed.emu.setLifecycleState(x.name, 'PENDING');
			expect(await workflow.activate()).toEqual([]);
			expect(await workflow.tick()).toEqual([]);
			expect(workflow.executions).toEqual([[]]);
			bed.emu.setLifecycleState(x.name, 'SUSPENDED');
			expect(summary(await workflow.tick())).toEqual([`lifecycleStateChanged ${no(x)} PENDING→SUSPENDED`]);
		});
	});

	it('the option without durable cursors in n8n changes nothing: filtered changes are still saved', async () => {
		const { x, workflow } = await suspensionAlerts({}, { options: { durablePollCursors: true } });
		expect(workflow.executions).toEqual([]);
		bed.emu.setLifecycleState(x.name, 'SUSPENDED');
		expect(await workflow.tick()).toHaveLength(1);
		bed.emu.setLifecycleState(x.name, 'ACTIVE');
		expect(await workflow.tick()).toEqual([]);
		expect(workflow.executions).toHaveLength(2);
		workflow.stop();
		bed.emu.setLifecycleState(x.name, 'SUSPENDED');
		expect(summary(await workflow.start())).toEqual([`lifecycleStateChanged ${no(x)} ACTIVE→SUSPENDED`]);
	});
});
