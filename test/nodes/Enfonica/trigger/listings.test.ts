import type { IDataObject } from 'n8n-workflow';

import { shaper } from '../../../../nodes/Enfonica/models/output';
import { LISTING_OUTPUT } from '../../../../nodes/Enfonica/models/regulatoryListing';
import type { SeedListing } from '../../../emulator';
import type { TriggerBed } from '../../../support/triggerBed';
import { startTriggerBed } from '../../../support/triggerBed';

const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;
const address = { addressLines: ['1 Example Street'], locality: 'Sydney', administrativeArea: 'NSW', postalCode: '2000', regionCode: 'AU' };
const business = (name: string, valid: boolean, verified = false): SeedListing => ({ displayName: name, business: { business: `${name} Pty Ltd` }, address, valid, verified });

const listingRequests = (bed: TriggerBed, project: string) =>
	bed.emu.requests.filter((request) => request.method === 'GET' && request.path === `/v1beta1/projects/${project}/regulatoryListings`);

/** Regulatory Listing Review Changed: Enfonica's manual review flips a listing's `valid` or `verified`. */
describe('Enfonica Trigger: regulatory listing reviews', () => {
	let bed: TriggerBed;

	beforeAll(async () => {
		bed = await startTriggerBed();
	});
	afterAll(async () => await bed.close());

	it('a listing becoming valid gives one listingReviewChanged with previousValid false, and nothing on the next poll', async () => {
		const [pending, other] = bed.emu.seedListings('reviews', [business('Pending', false), business('Other', true)]);
		bed.emu.seed('reviews', [{ phoneNumber: '+61255521000' }]);
		const workflow = bed.n8nWorkflow({ project: 'reviews', events: ['lifecycleStateChanged', 'listingReviewChanged'] });
		expect(await workflow.activate()).toEqual([]);

		bed.emu.setListingValid(pending.name, true);
		const [event, ...more] = await workflow.tick();
		expect(more).toEqual([]);
		const { event: kind, previousValid, previousVerified, detectedAt, ...listing } = event;
		expect({ kind, previousValid, previousVerified }).toEqual({ kind: 'listingReviewChanged', previousValid: false, previousVerified: false });
		expect(detectedAt).toMatch(ISO_TIME);
		// Simplified as the Enfonica node's Regulatory Listing output.
		expect(listing).toEqual(shaper(LISTING_OUTPUT, LISTING_OUTPUT.simplified)(bed.emu.getListing(pending.name)!));
		expect(listing).toMatchObject({ name: pending.name, valid: true, verified: false });

		expect(await workflow.tick()).toEqual([]);
		expect(workflow.executions).toHaveLength(1);
		expect(bed.emu.getListing(other.name)?.valid).toBe(true);
	});

	it('reports verification and a listing turned invalid, raw with Output Raw', async () => {
		const [a, b] = bed.emu.seedListings('reviews-raw', [business('A', true), business('B', true)]);
		const watcher = bed.watcher({ project: 'reviews-raw', events: ['listingReviewChanged'], outputFormat: 'raw' });
		expect((await watcher.poll()).result).toBeNull();
		bed.emu.setListingVerified(a.name, true);
		bed.emu.setListingValid(b.name, false);
		const events = await watcher.events();
		const summary = (json: IDataObject) => [json.name, json.previousValid, json.previousVerified, json.valid ?? false, json.verified ?? false];
		expect(events.map(summary).sort()).toEqual(
			[
				[a.name, true, false, true, true],
				[b.name, true, false, false, false],
			].sort(),
		);
		// Raw: the listing as the API returns it (address and business as Enfonica nests them).
		expect(events.find((json) => json.name === a.name)).toMatchObject({ business: { business: 'A Pty Ltd' }, address: { regionCode: 'AU' } });
		expect(await watcher.events()).toEqual([]);
	});

	it('lists the listings once per poll only while the event is selected, and remembers a listing created between polls', async () => {
		bed.emu.seed('reviews-cost', [{ phoneNumber: '+61255521100' }]);
		const watcher = bed.watcher({ project: 'reviews-cost', events: ['lifecycleStateChanged'] });
		bed.emu.clearLog();
		await watcher.poll();
		await watcher.poll();
		expect(listingRequests(bed, 'reviews-cost')).toHaveLength(0);

		watcher.parameters = { project: 'reviews-cost', events: ['lifecycleStateChanged', 'listingReviewChanged'] };
		bed.emu.clearLog();
		await watcher.poll();
		expect(listingRequests(bed, 'reviews-cost')).toHaveLength(1);

		// Created (not yet reviewed) between two polls: remembered, so its review is reported later.
		const [created] = bed.emu.seedListings('reviews-cost', [business('Created', false)]);
		const remembered = await watcher.poll();
		expect(remembered.result).toEqual([[]]);
		bed.emu.setListingValid(created.name, true);
		expect((await watcher.events()).map((json) => [json.event, json.name, json.previousValid])).toEqual([['listingReviewChanged', created.name, false]]);
		expect(listingRequests(bed, 'reviews-cost')).toHaveLength(3);
	});

	it('a listing that fails to list fails the poll and moves nothing; the next good poll reports the review once', async () => {
		const [listing] = bed.emu.seedListings('reviews-fault', [business('Faulty', false)]);
		const [number] = bed.emu.seed('reviews-fault', [{ phoneNumber: '+61255521200', lifecycleState: 'ACTIVE' }]);
		const watcher = bed.watcher({ project: 'reviews-fault', events: ['lifecycleStateChanged', 'listingReviewChanged'] });
		await watcher.poll();
		const before = structuredClone(watcher.workflowStaticData);
		bed.emu.setListingValid(listing.name, true);
		bed.emu.setLifecycleState(number.name, 'SUSPENDED');
		bed.emu.injectFault({ method: 'GET', path: '/v1beta1/projects/reviews-fault/regulatoryListings', times: 5, fault: { kind: 'status', status: 503 } });
		const failed = await watcher.poll();
		expect(failed.error?.message).toMatch(/503|temporary problem/);
		expect(watcher.workflowStaticData).toEqual(before);
		bed.emu.clearFaults();
		expect((await watcher.events()).map((json) => json.event).sort()).toEqual(['lifecycleStateChanged', 'listingReviewChanged']);
		expect(await watcher.events()).toEqual([]);
	});
});
