import type { IDataObject } from 'n8n-workflow';

import { shaper } from '../../../../nodes/Enfonica/models/output';
import { INSTANCE_OUTPUT } from '../../../../nodes/Enfonica/models/phoneNumberInstance';
import type { TriggerBed } from '../../../support/triggerBed';
import { listRequests, savedIds, startTriggerBed } from '../../../support/triggerBed';

const ALL_EVENTS = ['lifecycleStateChanged', 'complianceChanged', 'instanceAdded', 'instanceRemoved'];
const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

/** Each kind of change, detected through n8n-core's PollContext against the emulator, state carried between polls. */
describe('Enfonica Trigger: changes', () => {
	let bed: TriggerBed;

	beforeAll(async () => {
		bed = await startTriggerBed();
	});
	afterAll(async () => await bed.close());

	it('records a baseline first, then alerts on a suspension once', async () => {
		const [a, b] = bed.emu.seed('suspend', [
			{ phoneNumber: '+61255501100', lifecycleState: 'ACTIVE', compliant: true },
			{ phoneNumber: '+61255501101', lifecycleState: 'ACTIVE', compliant: true },
		]);
		const watcher = bed.watcher({ project: 'suspend' });
		bed.emu.clearLog();

		const baseline = await watcher.poll();
		expect(baseline.error).toBeUndefined();
		expect(baseline.result).toBeNull();
		expect(savedIds(watcher.staticData)).toHaveLength(2);
		// The whole project, deleted instances included, 100 per page.
		expect(listRequests(bed.emu).map((request) => request.query)).toEqual([{ includeDeleted: 'true', pageSize: '100' }]);

		expect(await watcher.events()).toEqual([]);

		bed.emu.setLifecycleState(a.name, 'SUSPENDED');
		const [event] = await expectEvents(watcher.events(), 1);
		const { event: kind, previousLifecycleState, detectedAt, ...instance } = event;
		expect({ kind, previousLifecycleState }).toEqual({ kind: 'lifecycleStateChanged', previousLifecycleState: 'ACTIVE' });
		expect(detectedAt).toMatch(ISO_TIME);
		// Simplified output is exactly the action node's Simplified.
		expect(instance).toEqual(shaper(INSTANCE_OUTPUT, INSTANCE_OUTPUT.simplified)(bed.emu.getInstance(a.name)!));
		expect(instance.lifecycleState).toBe('SUSPENDED');

		expect(await watcher.events()).toEqual([]);
		expect(bed.emu.getInstance(b.name)?.lifecycleState).toBe('ACTIVE');
	});

	it('alerts on reactivation with the state it came from', async () => {
		const [a] = bed.emu.seed('reactivate', [{ phoneNumber: '+61255501200', lifecycleState: 'SUSPENDED' }]);
		const watcher = bed.watcher({ project: 'reactivate' });
		expect((await watcher.poll()).result).toBeNull();

		bed.emu.setLifecycleState(a.name, 'ACTIVE');
		const [event] = await expectEvents(watcher.events(), 1);
		expect(event).toMatchObject({ event: 'lifecycleStateChanged', name: a.name, lifecycleState: 'ACTIVE', previousLifecycleState: 'SUSPENDED' });
		expect(await watcher.events()).toEqual([]);
	});

	it('reports a deletion as a lifecycle change to DELETED, not as a removal', async () => {
		const [a] = bed.emu.seed('deletion', [{ phoneNumber: '+61255501300', lifecycleState: 'ACTIVE', compliant: true }]);
		const watcher = bed.watcher({ project: 'deletion', events: ALL_EVENTS, outputFormat: 'selectedFields', fields: ['lifecycleState', 'deleteTime'] });
		expect((await watcher.poll()).result).toBeNull();

		await bed.api('DELETE', a.name);
		const events = await expectEvents(watcher.events(), 1);
		expect(events[0]).toMatchObject({ event: 'lifecycleStateChanged', lifecycleState: 'DELETED', previousLifecycleState: 'ACTIVE' });
		expect(events[0].deleteTime).toEqual(expect.stringMatching(ISO_TIME));
		expect(await watcher.events()).toEqual([]);
	});

	it('alerts when compliance is lost and when it is regained (Output Raw)', async () => {
		const [a] = bed.emu.seed('compliance', [{ phoneNumber: '+61255501400', lifecycleState: 'ACTIVE', compliant: true }]);
		const watcher = bed.watcher({ project: 'compliance', events: ['complianceChanged'], outputFormat: 'raw' });
		expect((await watcher.poll()).result).toBeNull();

		bed.emu.setCompliant(a.name, false);
		const [lost] = await expectEvents(watcher.events(), 1);
		const { event, previousCompliant, detectedAt, ...raw } = lost;
		expect({ event, previousCompliant }).toEqual({ event: 'complianceChanged', previousCompliant: true });
		expect(detectedAt).toMatch(ISO_TIME);
		// Raw: the instance as the API returned it (which omits compliant: false).
		expect(raw).toEqual(bed.emu.getInstance(a.name));
		expect(raw.compliant).toBeUndefined();

		// A lifecycle change is not a compliance event.
		bed.emu.setLifecycleState(a.name, 'SUSPENDED');
		expect(await watcher.events()).toEqual([]);

		bed.emu.setCompliant(a.name, true);
		const [regained] = await expectEvents(watcher.events(), 1);
		expect(regained).toMatchObject({ event: 'complianceChanged', compliant: true, previousCompliant: false });
		expect(await watcher.events()).toEqual([]);
	});

	it('reports both changes when one instance changes lifecycle and compliance at once', async () => {
		const [a] = bed.emu.seed('both', [{ phoneNumber: '+61255501500', lifecycleState: 'ACTIVE', compliant: true }]);
		const watcher = bed.watcher({ project: 'both', events: ALL_EVENTS });
		await watcher.poll();
		bed.emu.setLifecycleState(a.name, 'SUSPENDED');
		bed.emu.setCompliant(a.name, false);
		const events = await expectEvents(watcher.events(), 2);
		expect(events).toEqual([
			expect.objectContaining({ event: 'lifecycleStateChanged', previousLifecycleState: 'ACTIVE', lifecycleState: 'SUSPENDED' }),
			expect.objectContaining({ event: 'complianceChanged', previousCompliant: true, compliant: false }),
		]);
	});

	it('reports the new range of a split as instanceAdded', async () => {
		const [range] = bed.emu.seed('split', [{ phoneNumber: '+61255502000', rangeSize: 100, lifecycleState: 'ACTIVE', compliant: true }]);
		const watcher = bed.watcher({ project: 'split', events: ALL_EVENTS, outputFormat: 'selectedFields', fields: ['phoneNumber', 'lifecycleState', 'range'] });
		expect((await watcher.poll()).result).toBeNull();

		const { second } = (await bed.api('POST', `${range.name}:splitRange`, { size: 20 })) as { second: IDataObject };
		const [added] = await expectEvents(watcher.events(), 1);
		expect(added).toMatchObject({
			event: 'instanceAdded',
			name: second.name,
			phoneNumber: '+61255502020',
			range: { start: '+61255502020', end: '+61255502099', size: 80 },
			lifecycleState: 'ACTIVE',
		});
		expect(added).not.toHaveProperty('previousLifecycleState');
		expect(await watcher.events()).toEqual([]);
	});

	it('reports an instance moved away or purged as instanceRemoved once, and the destination sees it added', async () => {
		const [moved, purged, stays] = bed.emu.seed('source', [
			{ phoneNumber: '+61255503000', lifecycleState: 'SUSPENDED', compliant: true },
			{ phoneNumber: '+61255503001', lifecycleState: 'DELETED', compliant: false },
			{ phoneNumber: '+61255503002', lifecycleState: 'ACTIVE' },
		]);
		const source = bed.watcher({ project: 'source', events: ALL_EVENTS });
		const destination = bed.watcher({ project: 'destination', events: ALL_EVENTS });
		expect((await source.poll()).result).toBeNull();
		expect((await destination.poll()).result).toBeNull();

		await bed.api('POST', `${moved.name}:move`, { destinationParent: 'projects/destination' });
		bed.emu.purge(purged.name);
		const removed = await expectEvents(source.events(), 2);
		// Only what the trigger remembered: the name, the number, the last known state.
		expect(removed).toEqual(
			expect.arrayContaining([
				{
					event: 'instanceRemoved',
					name: moved.name,
					id: moved.name.split('/').pop(),
					phoneNumber: '+61255503000',
					lifecycleState: 'SUSPENDED',
					compliant: true,
					detectedAt: expect.stringMatching(ISO_TIME),
				},
				expect.objectContaining({ event: 'instanceRemoved', name: purged.name, phoneNumber: '+61255503001', lifecycleState: 'DELETED', compliant: false }),
			]),
		);
		expect(await source.events()).toEqual([]);
		// Each vanished instance was confirmed gone with one GET in the watched project (404), and
		// only those: no GET for the instance still listed, none on the poll after.
		const gets = bed.emu.requests.filter((request) => request.method === 'GET' && request.path.startsWith('/v1beta1/projects/source/phoneNumberInstances/'));
		expect(gets.map((request) => [request.path, request.status]).sort()).toEqual(
			[
				[`/v1beta1/${moved.name}`, 404],
				[`/v1beta1/${purged.name}`, 404],
			].sort(),
		);

		const [arrived] = await expectEvents(destination.events(), 1);
		expect(arrived).toMatchObject({ event: 'instanceAdded', name: expect.stringMatching(/^projects\/destination\//), phoneNumber: '+61255503000' });
		expect(bed.emu.getInstance(stays.name)).toBeDefined();
	});

	it('emits lifecycle changes only into the chosen states, and still moves the baseline for the others', async () => {
		const [a, b, c] = bed.emu.seed('tostate', [
			{ phoneNumber: '+61255504000', lifecycleState: 'ACTIVE' },
			{ phoneNumber: '+61255504001', lifecycleState: 'ACTIVE' },
			{ phoneNumber: '+61255504002', lifecycleState: 'ACTIVE' },
		]);
		const watcher = bed.watcher({ project: 'tostate', lifecycleStates: ['SUSPENDED', 'DELETED'] });
		await watcher.poll();

		bed.emu.setLifecycleState(a.name, 'PENDING');
		bed.emu.setLifecycleState(b.name, 'SUSPENDED');
		bed.emu.setLifecycleState(c.name, 'DELETED');
		const events = await expectEvents(watcher.events(), 2);
		expect(events.map((event) => [event.name, event.lifecycleState])).toEqual(
			expect.arrayContaining([
				[b.name, 'SUSPENDED'],
				[c.name, 'DELETED'],
			]),
		);

		// Back out of the chosen states: nothing; and the PENDING change is not reported late.
		bed.emu.setLifecycleState(a.name, 'ACTIVE');
		bed.emu.setLifecycleState(b.name, 'ACTIVE');
		expect(await watcher.events()).toEqual([]);
		bed.emu.setLifecycleState(a.name, 'SUSPENDED');
		expect((await expectEvents(watcher.events(), 1))[0]).toMatchObject({ name: a.name, previousLifecycleState: 'ACTIVE' });
	});

	it.each([
		['national', '02 5550'],
		['E.164', '+61 2 5550'],
	])('watches only numbers with the prefix (%s form)', async (_form, prefix) => {
		const project = `prefix-${_form === 'national' ? 'n' : 'e'}`;
		const offset = _form === 'national' ? '0' : '1';
		const [sydney, melbourne] = bed.emu.seed(project, [
			{ phoneNumber: `+6125550500${offset}`, lifecycleState: 'ACTIVE' },
			{ phoneNumber: `+6135550500${offset}`, lifecycleState: 'ACTIVE' },
		]);
		const watcher = bed.watcher({ project, events: ALL_EVENTS, filters: { prefix } });
		bed.emu.clearLog();
		await watcher.poll();
		expect(listRequests(bed.emu)[0].query.prefix).toBe(prefix.replace(/\s/g, ''));
		expect(savedIds(watcher.staticData)).toEqual([sydney.name.split('/').pop()]);

		bed.emu.setLifecycleState(sydney.name, 'SUSPENDED');
		bed.emu.setLifecycleState(melbourne.name, 'SUSPENDED');
		const [event] = await expectEvents(watcher.events(), 1);
		expect(event).toMatchObject({ name: sydney.name, lifecycleState: 'SUSPENDED' });
	});

	it('refuses a malformed prefix before any request', async () => {
		const watcher = bed.watcher({ project: 'prefix-bad', filters: { prefix: 'abc' } });
		bed.emu.clearLog();
		const result = await watcher.poll();
		expect(result.error?.message).toMatch(/Prefix "abc" is not a number prefix/);
		expect(listRequests(bed.emu)).toHaveLength(0);
	});

	it('refuses a misspelt event or lifecycle state (e.g. from an expression) before any request', async () => {
		bed.emu.clearLog();
		const badState = await bed.watcher({ project: 'states-bad', lifecycleStates: '={{ ["suspended"] }}' }).poll();
		expect(badState.error?.message).toBe('Lifecycle States has "suspended": use ACTIVE, DELETED, PENDING, SUSPENDED');
		const badEvent = await bed.watcher({ project: 'events-bad', events: '={{ ["lifecycleChanged"] }}' }).poll();
		expect(badEvent.error?.message).toBe('Trigger On has "lifecycleChanged": use complianceChanged, configurationChanged, instanceAdded, instanceRemoved, lifecycleStateChanged, listingReviewChanged');
		expect(listRequests(bed.emu)).toHaveLength(0);
	});
});

async function expectEvents(events: Promise<IDataObject[]>, count: number): Promise<IDataObject[]> {
	const list = await events;
	expect(list).toHaveLength(count);
	return list;
}
