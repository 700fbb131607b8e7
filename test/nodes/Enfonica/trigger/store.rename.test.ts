import type { IDataObject } from 'n8n-workflow';

import type { DurableCursorRow } from '../../../harness';
import type { N8nSetup, TriggerBed } from '../../../support/triggerBed';
import { startTriggerBed, TRIGGER_TYPE, triggerState } from '../../../support/triggerBed';

/**
 * n8n keeps a node's static data under its name (`node:<name>`), and the editor saves a renamed
 * node without touching the workflow's static data. The trigger keys its state by the node's ID.
 */
describe('Enfonica Trigger: a renamed node keeps its state', () => {
	let bed: TriggerBed;
	let projects = 0;

	beforeAll(async () => {
		bed = await startTriggerBed();
	});
	afterAll(async () => await bed.close());

	function project(count = 2) {
		const name = `rename-${++projects}`;
		const numbers = bed.emu.seed(
			name,
			Array.from({ length: count }, (_, index) => ({ phoneNumber: `+6125552${String(projects).padStart(2, '0')}${String(index).padStart(2, '0')}`, lifecycleState: 'ACTIVE' as const })),
		);
		return { name, numbers };
	}

	describe.each<[string, N8nSetup]>([
		["n8n's defaults", {}],
		["n8n's scheduler", { scheduler: true }],
		['durable poll cursors', { durableCursors: true }],
	])('with %s', (_label, setup) => {
		it('renamed between two polls (saved in the editor, published): a change made in between is alerted exactly once', async () => {
			const { name, numbers } = project();
			const [x, y] = numbers;
			const workflow = bed.n8nWorkflow({ project: name, events: ['lifecycleStateChanged'], lifecycleStates: ['SUSPENDED'] }, setup);
			expect(await workflow.activate()).toEqual([]);
			expect(await workflow.tick()).toEqual([]);

			bed.emu.setLifecycleState(x.name, 'SUSPENDED');
			workflow.rename('Suspended numbers');
			// Publishing re-activates the workflow: its poll runs as the renamed node.
			const alerts = [...(await workflow.activate()), ...(await workflow.tick())];
			expect(alerts.map((json) => [json.event, json.name])).toEqual([['lifecycleStateChanged', x.name]]);
			expect(await workflow.tick()).toEqual([]);

			// And the renamed trigger goes on: a restart, then the next change, once.
			workflow.stop();
			expect(await workflow.start()).toEqual([]);
			bed.emu.setLifecycleState(y.name, 'SUSPENDED');
			expect((await workflow.tick()).map((json) => json.name)).toEqual([y.name]);
			expect(await workflow.tick()).toEqual([]);
		});
	});

	it('a state kept under the node\'s name by an earlier version is moved once, so a later rename loses nothing', async () => {
		const { name, numbers } = project(3);
		const [x, y, z] = numbers;
		const watcher = bed.watcher({ project: name, events: ['lifecycleStateChanged'] });
		await watcher.poll();
		// As the previous release saved it: the node's own static data, under its name.
		const old = structuredClone(watcher.staticData) as IDataObject;
		watcher.workflowStaticData = { 'node:Trigger': old };

		bed.emu.setLifecycleState(x.name, 'SUSPENDED');
		expect((await watcher.events()).map((json) => json.name)).toEqual([x.name]);
		expect(watcher.workflowStaticData?.['node:Trigger']).toEqual({});
		expect(triggerState(watcher.workflowStaticData)).toEqual(expect.objectContaining({ v: 2, scope: `projects/${name}|` }));

		// A move with nothing to report still starts one execution without items, so n8n saves it.
		watcher.workflowStaticData = { 'node:Trigger': old };
		bed.emu.setLifecycleState(x.name, 'ACTIVE');
		expect((await watcher.poll()).result).toEqual([[]]);
		expect((await watcher.poll()).result).toBeNull();

		watcher.nodeName = 'Numbers to watch';
		bed.emu.setLifecycleState(y.name, 'SUSPENDED');
		expect((await watcher.events()).map((json) => json.name)).toEqual([y.name]);
		watcher.nodeName = 'Numbers to watch, renamed again';
		bed.emu.setLifecycleState(z.name, 'PENDING');
		expect((await watcher.events()).map((json) => json.name)).toEqual([z.name]);
	});

	it('a state kept with the workflow is moved into n8n\'s durable cursor (keyed by node ID) when durable cursors are turned on', async () => {
		const { name, numbers } = project();
		const parameters = { project: name, events: ['lifecycleStateChanged'] };
		const watcher = bed.watcher(parameters);
		await watcher.poll();
		const withWorkflow = structuredClone(watcher.workflowStaticData);
		bed.emu.setLifecycleState(numbers[0].name, 'SUSPENDED');
		const row: DurableCursorRow = {};
		const poll = async (workflowStaticData: IDataObject | undefined) =>
			await bed.h.poll({ nodeType: TRIGGER_TYPE, parameters, credentialId: bed.credentialId, workflowStaticData, durableCursor: row });
		const moved = await poll(withWorkflow);
		expect(moved.result?.[0].map((item) => item.json.name)).toEqual([numbers[0].name]);
		expect(row.cursor).toEqual(expect.objectContaining({ v: 2, scope: `projects/${name}|` }));
		expect(moved.workflowStaticData.global).toEqual({});
		// From then on the cursor is the state: the next change is alerted once.
		bed.emu.setLifecycleState(numbers[1].name, 'SUSPENDED');
		expect((await poll(moved.workflowStaticData)).result?.[0].map((item) => item.json.name)).toEqual([numbers[1].name]);
		expect((await poll(moved.workflowStaticData)).result).toBeNull();
	});

	/** Issue 16: static data edited by hand or by an old version is a new baseline, never a burst of false alerts. */
	describe('an unreadable saved state is a new baseline, never a burst', () => {
		const corruptions: Array<[string, (state: IDataObject) => void]> = [
			['unknown state codes', (state) => (state.ids = String(state.ids).replace(/=[a-zA-Z]/g, '=x'))],
			['unreadable ids', (state) => (state.ids = String(state.ids).replace(/(^|;)[^=;]+=/g, '$1 bad id/=').replace(/;/g, ';junk;'))],
			['records without entries', (state) => (state.ids = 'garbage;more garbage')],
			['a version 1 object with values that are not entries', (state) => Object.assign(state, { v: 1, ids: { a1: 7, b2: null } })],
		];
		it.each(corruptions)('%s: nothing emitted, then each real change once', async (_label, corrupt) => {
			const { name, numbers } = project(40);
			const watcher = bed.watcher({ project: name, events: ['lifecycleStateChanged', 'complianceChanged', 'instanceAdded', 'instanceRemoved'] });
			await watcher.poll();
			corrupt(watcher.staticData as IDataObject);

			const rebaseline = await watcher.poll();
			expect(rebaseline.error).toBeUndefined();
			// Nothing emitted; the new baseline is saved (an execution without items).
			expect(rebaseline.result).toEqual([[]]);
			expect(await watcher.events()).toEqual([]);
			bed.emu.setLifecycleState(numbers[7].name, 'SUSPENDED');
			expect((await watcher.events()).map((json) => [json.event, json.name])).toEqual([['lifecycleStateChanged', numbers[7].name]]);
		});
	});
});
