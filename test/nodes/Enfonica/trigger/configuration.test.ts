import type { IDataObject } from 'n8n-workflow';

import { shaper } from '../../../../nodes/Enfonica/models/output';
import { INSTANCE_OUTPUT } from '../../../../nodes/Enfonica/models/phoneNumberInstance';
import type { SeedListing } from '../../../emulator';
import type { TriggerBed } from '../../../support/triggerBed';
import { listRequests, startTriggerBed } from '../../../support/triggerBed';

const EVERY_EVENT = ['complianceChanged', 'configurationChanged', 'instanceAdded', 'instanceRemoved', 'lifecycleStateChanged', 'listingReviewChanged'];

/** Configuration Changed: a number's routing or naming edited outside the workflow (the Enfonica Console, another script). */
describe('Enfonica Trigger: configuration changes', () => {
	let bed: TriggerBed;

	beforeAll(async () => {
		bed = await startTriggerBed();
	});
	afterAll(async () => await bed.close());

	it('a Console edit of the display name and the call handlers gives one configurationChanged naming exactly those two fields', async () => {
		const [edited, untouched] = bed.emu.seed('config', [
			{ phoneNumber: '+61255522000', displayName: 'Support', incomingCallHandlerUris: ['https://calls.example.com/a'] },
			{ phoneNumber: '+61255522001', displayName: 'Sales' },
		]);
		const workflow = bed.n8nWorkflow({ project: 'config', events: ['lifecycleStateChanged', 'configurationChanged'] });
		expect(await workflow.activate()).toEqual([]);
		expect(await workflow.tick()).toEqual([]);

		bed.emu.configureInstance(edited.name, { displayName: 'Support (after hours)', incomingCallHandlerUris: ['sip:desk@pbx.example.com', 'https://calls.example.com/a'] });
		const [event, ...more] = await workflow.tick();
		expect(more).toEqual([]);
		const { event: kind, changedFields, detectedAt, ...instance } = event;
		expect({ kind, changedFields }).toEqual({ kind: 'configurationChanged', changedFields: ['displayName', 'incomingCallHandlerUris'] });
		expect(typeof detectedAt).toBe('string');
		// Simplified, and the new values of the changed fields.
		expect(instance).toEqual(shaper(INSTANCE_OUTPUT, [...INSTANCE_OUTPUT.simplified, 'incomingCallHandlerUris'])(bed.emu.getInstance(edited.name)!));
		expect(await workflow.tick()).toEqual([]);
		expect(workflow.executions).toHaveLength(1);
		expect(bed.emu.getInstance(untouched.name)?.displayName).toBe('Sales');
	});

	it('names each configuration field when it alone changes, labels in any order counting as the same', async () => {
		const [x] = bed.emu.seed('config-fields', [{ phoneNumber: '+61255522100', labels: { team: 'ops', site: 'syd' } }]);
		const watcher = bed.watcher({ project: 'config-fields', events: ['configurationChanged'] });
		await watcher.poll();
		const edits: Array<[IDataObject, string]> = [
			[{ labels: { site: 'syd', team: 'noc' } }, 'labels'],
			[{ incomingMessageHandlerUris: ['https://sms.example.com/in'] }, 'incomingMessageHandlerUris'],
			[{ callRecordingTrigger: 'ANSWER' }, 'callRecordingTrigger'],
			[{ callRecordingTrigger: 'BRIDGE' }, 'callRecordingTrigger'],
			[{ incomingCallHandlerUris: ['tel:+61255522199'] }, 'incomingCallHandlerUris'],
			[{ displayName: 'x' }, 'displayName'],
		];
		for (const [change, field] of edits) {
			bed.emu.configureInstance(x.name, change);
			expect((await watcher.events()).map((json) => json.changedFields)).toEqual([[field]]);
		}
		// Same labels, another key order: no change.
		bed.emu.configureInstance(x.name, { labels: { team: 'noc', site: 'syd' } });
		expect(await watcher.events()).toEqual([]);
	});

	it('a configuration change while only lifecycle events are selected starts nothing, and keeps no fingerprints', async () => {
		const [x] = bed.emu.seed('config-off', [{ phoneNumber: '+61255522200', lifecycleState: 'ACTIVE' }]);
		const workflow = bed.n8nWorkflow({ project: 'config-off', events: ['lifecycleStateChanged'] });
		expect(await workflow.activate()).toEqual([]);
		bed.emu.configureInstance(x.name, { displayName: 'Edited in the Console', labels: { a: 'b' }, callRecordingTrigger: 'ANSWER' });
		expect(await workflow.tick()).toEqual([]);
		expect(await workflow.tick()).toEqual([]);
		// No execution at all, not even one without items.
		expect(workflow.executions).toEqual([]);
		expect(JSON.stringify(workflow.saved)).not.toContain('"cfg"');
		bed.emu.setLifecycleState(x.name, 'SUSPENDED');
		expect((await workflow.tick()).map((json) => json.event)).toEqual(['lifecycleStateChanged']);
	});

	it('fingerprints are recorded when the event is selected (no burst), and dropped again when it is not', async () => {
		const [x] = bed.emu.seed('config-toggle', [{ phoneNumber: '+61255522300', displayName: 'Before' }]);
		const watcher = bed.watcher({ project: 'config-toggle', events: ['lifecycleStateChanged'] });
		await watcher.poll();
		bed.emu.configureInstance(x.name, { displayName: 'Changed while not selected' });
		watcher.parameters = { project: 'config-toggle', events: ['lifecycleStateChanged', 'configurationChanged'] };
		// Recorded, not reported: an execution without items so that n8n saves them.
		expect((await watcher.poll()).result).toEqual([[]]);
		expect(watcher.staticData?.cfg).toEqual(expect.any(String));
		bed.emu.configureInstance(x.name, { displayName: 'Changed while selected' });
		expect((await watcher.events()).map((json) => json.changedFields)).toEqual([['displayName']]);
		watcher.parameters = { project: 'config-toggle', events: ['lifecycleStateChanged'] };
		expect((await watcher.poll()).result).toBeNull();
		expect(watcher.staticData?.cfg).toBeUndefined();
	});

	it('the Lifecycle States filter does not apply to it', async () => {
		const [x] = bed.emu.seed('config-states', [{ phoneNumber: '+61255522400', lifecycleState: 'ACTIVE' }]);
		const watcher = bed.watcher({ project: 'config-states', events: ['lifecycleStateChanged', 'configurationChanged'], lifecycleStates: ['SUSPENDED'] });
		await watcher.poll();
		bed.emu.configureInstance(x.name, { incomingMessageHandlerUris: ['https://sms.example.com/x'] });
		expect((await watcher.events()).map((json) => [json.event, json.lifecycleState])).toEqual([['configurationChanged', 'ACTIVE']]);
	});

	it('keeps the state at most 48 bytes per number for 1,200 numbers with every event on', async () => {
		bed.emu.seedBulk('config-size', 1_200, { startNumber: '+61370400000' });
		const listing: SeedListing = {
			displayName: 'Head office',
			business: { business: 'Example Pty Ltd' },
			address: { addressLines: ['1 Example Street'], locality: 'Sydney', administrativeArea: 'NSW', postalCode: '2000', regionCode: 'AU' },
		};
		bed.emu.seedListings('config-size', Array.from({ length: 5 }, () => listing));
		const numbers = bed.emu.listStored('config-size');
		for (const [index, instance] of numbers.entries()) {
			bed.emu.configureInstance(instance.name, { displayName: `Line ${index}`, labels: { team: `t${index % 7}` }, incomingCallHandlerUris: [`https://calls.example.com/${index}`], callRecordingTrigger: 'ANSWER' });
		}
		const watcher = bed.watcher({ project: 'config-size', events: EVERY_EVENT });
		await watcher.poll();
		const bytesPerNumber = Buffer.byteLength(JSON.stringify(watcher.workflowStaticData)) / 1_200;
		expect(bytesPerNumber).toBeLessThanOrEqual(48);
		expect(watcher.staticData).toEqual(expect.objectContaining({ cfg: expect.any(String), listings: expect.any(Object) }));

		// Unchanged: nothing; one edit among 1,200: exactly that one.
		expect((await watcher.poll()).result).toBeNull();
		bed.emu.clearLog();
		bed.emu.configureInstance(numbers[600].name, { callRecordingTrigger: 'BRIDGE' });
		expect((await watcher.events()).map((json) => [json.name, json.changedFields])).toEqual([[numbers[600].name, ['callRecordingTrigger']]]);
		expect(listRequests(bed.emu)).toHaveLength(12);
	}, 60_000);

	it('Fetch Test Event gives a realistic item for the new events, and touches no state', async () => {
		const [instance] = bed.emu.seed('config-sample', [{ phoneNumber: '+61255522500', displayName: 'Sample' }]);
		const [listing] = bed.emu.seedListings('config-sample', [
			{ displayName: 'Sample listing', business: { business: 'Sample Pty Ltd' }, address: { addressLines: ['1 Example Street'], locality: 'Sydney', administrativeArea: 'NSW', postalCode: '2000', regionCode: 'AU' }, valid: true },
		]);
		const configuration = await bed.watcher({ project: 'config-sample', events: ['configurationChanged'] }).poll('manual');
		expect(configuration.result?.[0].map((item) => item.json)).toEqual([expect.objectContaining({ event: 'configurationChanged', name: instance.name, displayName: 'Sample', changedFields: ['displayName'] })]);
		const review = await bed.watcher({ project: 'config-sample', events: ['listingReviewChanged'] }).poll('manual');
		expect(review.result?.[0].map((item) => item.json)).toEqual([
			expect.objectContaining({ event: 'listingReviewChanged', name: listing.name, valid: true, previousValid: false, previousVerified: false }),
		]);
		expect([configuration.workflowStaticData, review.workflowStaticData]).toEqual([{}, {}]);
	});
});
