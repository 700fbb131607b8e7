import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { byPhone, jsonOf, params, sent } from '../../../support/operations';
import { byName, useTestBed } from '../../../support/setup';

const listing = (operation: string, extra: IDataObject = {}): IDataObject => ({ resource: 'regulatoryListing', operation, ...extra });
const SYDNEY = { addressLines: 'Level 1', locality: 'Sydney', administrativeArea: 'NSW', postalCode: '2000', regionCode: 'AU' };

/**
 * Options → Dry Run on every operation that changes something: every check and lookup runs, no
 * change is sent, and the plan each item outputs is exactly what the real run then sends (the
 * emulator's request log of the real run, request for request).
 */
describe('Dry Run', () => {
	const bed = useTestBed('acme');
	let credentialId: string;

	beforeAll(() => {
		const key = bed.emu.createServiceAccount({ projectId: 'acme', projects: ['acme', 'acme-archive'] });
		credentialId = bed.h.addCredential({ authentication: 'serviceAccountKey', serviceAccountKey: JSON.stringify(key), baseUrl: bed.emu.baseUrl, tokenUrl: bed.emu.tokenUrl }).id;
	});
	beforeEach(() => bed.emu.clearLog());

	const run = async (parameters: IDataObject, items?: IDataObject[]) => await bed.h.runNode({ parameters: parameters as INodeParameters, credentialId, items });
	const withDryRun = (parameters: IDataObject): IDataObject => ({ ...parameters, options: { ...((parameters.options as IDataObject) ?? {}), dryRun: true } });
	const writesOf = () =>
		sent(bed)
			.filter((request) => request.method !== 'GET')
			.map(({ method, path, query, body }) => ({ method, path, ...(Object.keys(query).length > 0 ? { query } : {}), ...(body !== undefined ? { body } : {}) }));

	/** Dry run, then the real run with the same input: the plans are the real run's writes, in order. */
	async function planThenRun(parameters: IDataObject, items?: IDataObject[]) {
		const dry = await run(withDryRun(parameters), items);
		expect(dry.error).toBeUndefined();
		expect(writesOf()).toEqual([]);
		const plans = jsonOf(dry.items);
		for (const plan of plans) expect(plan.dryRun).toBe(true);
		bed.emu.clearLog();
		const real = await run(parameters, items);
		expect(real.error).toBeUndefined();
		expect(writesOf()).toEqual(plans.map((plan) => plan.request).filter((request) => request !== null));
		expect(writesOf().length).toBeGreaterThan(0);
		return { plans, real };
	}

	it('Create: the POST that buys each number', async () => {
		const { plans } = await planThenRun(params('create', { phoneNumber: '={{ $json.number }}', additionalFields: { displayName: 'Dry' } }), [
			{ number: '+61255531001' },
			{ number: '+61255531002' },
		]);
		expect(plans[0]).toEqual({
			dryRun: true,
			request: { method: 'POST', path: '/v1beta1/projects/acme/phoneNumberInstances', body: { phoneNumber: { phoneNumber: '+61255531001' }, displayName: 'Dry' } },
		});
	});

	it('Create or Update: action, request (null when unchanged) and the instance matched', async () => {
		const [held, same] = bed.emu.seed('acme', [
			{ phoneNumber: '+61255531011', displayName: 'Old' },
			{ phoneNumber: '+61255531012', displayName: 'Kept' },
		]);
		const { plans } = await planThenRun(params('createOrUpdate', { phoneNumber: '={{ $json.number }}', additionalFields: { displayName: '={{ $json.name }}' } }), [
			{ number: '+61255531011', name: 'New' },
			{ number: '+61255531012', name: 'Kept' },
			{ number: '+61255531013', name: 'Bought' },
		]);
		expect(plans.map((plan) => [plan.action, (plan.instance as IDataObject | null)?.name ?? null])).toEqual([
			['update', held.name],
			['unchanged', same.name],
			['create', null],
		]);
		expect(plans[1].request).toBeNull();
		expect(plans[0].request).toEqual({ method: 'PATCH', path: `/v1beta1/${held.name}`, query: { updateMask: 'displayName' }, body: { displayName: 'New' } });
	});

	it('Update (By Phone Number, Merge labels): the PATCH, with the instance looked up', async () => {
		const [instance] = bed.emu.seed('acme', [{ phoneNumber: '+61255531021', labels: { team: 'ops' } }]);
		const { plans } = await planThenRun(
			params('update', { phoneNumberInstance: byPhone('+61255531021'), labelsMode: 'merge', updateFields: { labels: { label: [{ key: 'tier', value: 'gold' }] } } }),
		);
		expect(plans[0]).toEqual({
			dryRun: true,
			instance: expect.objectContaining({ name: instance.name }),
			request: { method: 'PATCH', path: `/v1beta1/${instance.name}`, query: { updateMask: 'labels' }, body: { labels: { team: 'ops', tier: 'gold' } } },
		});
	});

	it('Delete: the DELETE, and the instance is still there after the dry run', async () => {
		const [instance] = bed.emu.seed('acme', [{ phoneNumber: '+61255531031' }]);
		const dry = await run(withDryRun(params('delete', { phoneNumberInstance: byPhone('+61255531031') })));
		expect(bed.emu.getInstance(instance.name)?.lifecycleState).toBe('ACTIVE');
		expect(dry.items[0].json.instance).toEqual(expect.objectContaining({ name: instance.name, lifecycleState: 'ACTIVE' }));
		bed.emu.clearLog();
		await planThenRun(params('delete', { phoneNumberInstance: byName(instance.name) }));
		expect(bed.emu.getInstance(instance.name)?.lifecycleState).toBe('DELETED');
	});

	it('Move: the :move POST', async () => {
		const [instance] = bed.emu.seed('acme', [{ phoneNumber: '+61255531041' }]);
		const { plans } = await planThenRun(params('move', { phoneNumberInstance: byName(instance.name), destinationProject: 'acme-archive' }));
		expect(plans[0].request).toEqual({ method: 'POST', path: `/v1beta1/${instance.name}:move`, body: { destinationParent: 'projects/acme-archive' } });
	});

	it('Split Range: the :splitRange POST, with the range fetched', async () => {
		const [range] = bed.emu.seed('acme', [{ phoneNumber: '+61255531100', rangeSize: 10 }]);
		const { plans } = await planThenRun(params('splitRange', { phoneNumberInstance: byName(range.name), size: 4 }));
		expect(plans[0]).toEqual({
			dryRun: true,
			instance: expect.objectContaining({ name: range.name, phoneNumber: '+61255531100' }),
			request: { method: 'POST', path: `/v1beta1/${range.name}:splitRange`, body: { size: 4 } },
		});
	});

	it('Regulatory Listing create, update, delete', async () => {
		const { plans } = await planThenRun(listing('create', { entityType: 'business', businessName: 'Dry Pty Ltd', ...SYDNEY }));
		expect(plans[0].request).toEqual(expect.objectContaining({ method: 'POST', path: '/v1beta1/projects/acme/regulatoryListings' }));
		const [seeded] = bed.emu.seedListings('acme', [{ displayName: 'Before', business: { business: 'Dry Two' }, address: { addressLines: ['1 Street'], locality: 'Sydney', administrativeArea: 'NSW', postalCode: '2000', regionCode: 'AU' } }]);
		bed.emu.clearLog();
		const update = await planThenRun(listing('update', { regulatoryListing: byName(seeded.name), updateFields: { displayName: 'After' } }));
		expect(update.plans[0].request).toEqual({ method: 'PATCH', path: `/v1beta1/${seeded.name}`, query: { updateMask: 'displayName' }, body: { displayName: 'After' } });
		bed.emu.clearLog();
		const removal = await planThenRun(listing('delete', { regulatoryListing: byName(seeded.name) }));
		expect(removal.plans[0].request).toEqual({ method: 'DELETE', path: `/v1beta1/${seeded.name}` });
	});

	it('runs every check: a bad item still stops the dry run, and the cap still applies', async () => {
		const bad = await run(withDryRun(params('create', { phoneNumber: '={{ $json.number }}' })), [{ number: '+61255531201' }, { number: 'not a number' }]);
		expect(bad.error?.message).toMatch(/^Phone Number .*\[item 1\]$/);
		const capped = await run(withDryRun(params('create', { phoneNumber: '={{ $json.number }}', options: { maxNumbersToBuy: 1, dryRun: true } })), [
			{ number: '+61255531202' },
			{ number: '+61255531203' },
		]);
		expect(capped.error?.message).toBe('This run would buy 2 numbers, more than Max Numbers to Buy (1): nothing was bought');
		expect(writesOf()).toEqual([]);
	});
});
