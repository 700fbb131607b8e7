import type { IDataObject } from 'n8n-workflow';

import type { TriggerBed } from '../../support/triggerBed';
import { startTriggerBed } from '../../support/triggerBed';

/**
 * The trigger's Output (version 2): the same choice as the Enfonica node — Simplified (at most 10
 * flat fields), Raw, Selected Fields — with the event's own fields always present; version 1's
 * Options → Simplify still gives what it gave.
 */
const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;
const SYDNEY = { addressLines: ['1 Example Street'], locality: 'Sydney', administrativeArea: 'NSW', postalCode: '2000', regionCode: 'AU' };

describe('Enfonica Trigger: Output', () => {
	let bed: TriggerBed;

	beforeAll(async () => {
		bed = await startTriggerBed();
	});
	afterAll(async () => await bed.close());

	let numbers = 0;
	/** A watched project with one number (+61 2 5550 61nn), its baseline taken, then suspended: the one event. */
	async function suspensionEvent(project: string, parameters: IDataObject, typeVersion?: number): Promise<{ event: IDataObject; name: string; phoneNumber: string }> {
		const phoneNumber = `+612555061${String(numbers++).padStart(2, '0')}`;
		const [{ name }] = bed.emu.seed(project, [{ phoneNumber, displayName: 'Desk', labels: { team: 'ops' }, incomingCallHandlerUris: ['sip:desk@example.com'] }]);
		const watcher = bed.watcher({ project, ...parameters }, undefined, typeVersion);
		expect((await watcher.poll()).result).toBeNull();
		bed.emu.setLifecycleState(name, 'SUSPENDED');
		const events = await watcher.events();
		expect(events).toHaveLength(1);
		return { event: events[0], name, phoneNumber };
	}

	const EVENT_FIELDS = ['event', 'previousLifecycleState', 'detectedAt'];

	it('Simplified (the default): at most 10 flat instance fields, then the event fields', async () => {
		const { event, name, phoneNumber } = await suspensionEvent('out-simple', {});
		const instanceKeys = Object.keys(event).filter((key) => !EVENT_FIELDS.includes(key));
		expect(instanceKeys.length).toBeLessThanOrEqual(10);
		expect(Object.values(event).every((value) => value === null || typeof value !== 'object')).toBe(true);
		expect(event).toEqual(
			expect.objectContaining({ name, phoneNumber, displayName: 'Desk', lifecycleState: 'SUSPENDED', compliant: true, regulatoryListing: null }),
		);
		expect(event).toMatchObject({ event: 'lifecycleStateChanged', previousLifecycleState: 'ACTIVE', detectedAt: expect.stringMatching(ISO_TIME) });
		expect(event).not.toHaveProperty('labels');
	});

	it('Raw: the instance as the API returns it, with the event fields', async () => {
		const { event, name } = await suspensionEvent('out-raw', { outputFormat: 'raw' });
		const { event: kind, previousLifecycleState, detectedAt, ...instance } = event;
		expect({ kind, previousLifecycleState }).toEqual({ kind: 'lifecycleStateChanged', previousLifecycleState: 'ACTIVE' });
		expect(detectedAt).toMatch(ISO_TIME);
		expect(instance).toEqual(bed.emu.getInstance(name));
	});

	it('Selected Fields: the chosen fields, the name, and the event fields always', async () => {
		const { event, name, phoneNumber } = await suspensionEvent('out-selected', { outputFormat: 'selectedFields', fields: ['labels', 'internationalFormat'] });
		expect(event).toEqual({
			name,
			internationalFormat: `+61 2 5550 ${phoneNumber.slice(-4)}`,
			labels: { team: 'ops' },
			event: 'lifecycleStateChanged',
			previousLifecycleState: 'ACTIVE',
			detectedAt: expect.stringMatching(ISO_TIME),
		});
	});

	it('a configuration change shows the changed fields whatever the Output', async () => {
		const [{ name }] = bed.emu.seed('out-config', [{ phoneNumber: '+61255506200', incomingCallHandlerUris: ['sip:a@example.com'] }]);
		const watcher = bed.watcher({ project: 'out-config', events: ['configurationChanged'], outputFormat: 'selectedFields', fields: ['displayName'] });
		expect((await watcher.poll()).result).toBeNull();
		await watcher.events(); // turning Configuration Changed on records the configuration once
		bed.emu.configureInstance(name, { incomingCallHandlerUris: ['sip:b@example.com'] });
		expect(await watcher.events()).toEqual([
			{ name, displayName: '', incomingCallHandlerUris: ['sip:b@example.com'], event: 'configurationChanged', changedFields: ['incomingCallHandlerUris'], detectedAt: expect.stringMatching(ISO_TIME) },
		]);
	});

	it('a listing review: Listing Fields under Selected Fields, the event fields always', async () => {
		const [listing] = bed.emu.seedListings('out-listing', [{ displayName: 'HQ', business: { business: 'HQ Pty Ltd' }, address: SYDNEY, valid: false }]);
		const watcher = bed.watcher({ project: 'out-listing', events: ['listingReviewChanged'], outputFormat: 'selectedFields', fields: ['labels'], listingFields: ['businessName', 'regionCode'] });
		expect((await watcher.poll()).result).toBeNull();
		bed.emu.setListingValid(listing.name, true);
		expect(await watcher.events()).toEqual([
			{
				name: listing.name,
				businessName: 'HQ Pty Ltd',
				regionCode: 'AU',
				event: 'listingReviewChanged',
				previousValid: false,
				previousVerified: false,
				detectedAt: expect.stringMatching(ISO_TIME),
			},
		]);
	});

	it('a removed number: only what the trigger remembered, of the chosen fields', async () => {
		const [{ name }] = bed.emu.seed('out-removed', [{ phoneNumber: '+61255506300' }]);
		const watcher = bed.watcher({ project: 'out-removed', events: ['instanceRemoved'], outputFormat: 'selectedFields', fields: ['project', 'labels', 'lifecycleState'] });
		expect((await watcher.poll()).result).toBeNull();
		bed.emu.purge(name);
		expect(await watcher.events()).toEqual([
			{ name, project: 'projects/out-removed', lifecycleState: 'ACTIVE', event: 'instanceRemoved', detectedAt: expect.stringMatching(ISO_TIME) },
		]);
	});

	it('an unknown field (from an expression) fails the poll before any request, naming the field', async () => {
		const watcher = bed.watcher({ project: 'out-bad', outputFormat: 'selectedFields', fields: '={{ ["colour"] }}' });
		bed.emu.clearLog();
		const result = await watcher.poll();
		expect(result.error?.message).toMatch(/^Fields has "colour": use name, id, /);
		expect(bed.emu.requests.filter((request) => request.path.startsWith('/v1beta1/'))).toEqual([]);
	});

	describe('version 1: stored workflows keep Options → Simplify', () => {
		it('Simplify on (its default): the 19-field instance version 1 gave, then the event fields', async () => {
			const { event, name } = await suspensionEvent('out-v1', { options: {} }, 1);
			expect(Object.keys(event)).toEqual([
				'name', 'id', 'project', 'phoneNumber', 'nationalFormat', 'internationalFormat', 'country', 'displayName', 'lifecycleState', 'compliant', 'regulatoryListing',
				'labels', 'incomingMessageHandlerUris', 'incomingCallHandlerUris', 'callRecordingTrigger', 'range', 'createTime', 'activateTime', 'deleteTime',
				'event', 'previousLifecycleState', 'detectedAt',
			]);
			expect(event).toMatchObject({ name, labels: { team: 'ops' }, incomingCallHandlerUris: ['sip:desk@example.com'], callRecordingTrigger: 'DISABLED', range: null });
		});

		it('Simplify off: raw; an Output value in the parameters is ignored', async () => {
			const { event, name } = await suspensionEvent('out-v1-raw', { options: { simplify: false }, outputFormat: 'simple' }, 1);
			const { event: kind, previousLifecycleState, detectedAt, ...instance } = event;
			expect(kind).toBe('lifecycleStateChanged');
			expect(instance).toEqual(bed.emu.getInstance(name));
		});
	});
});
