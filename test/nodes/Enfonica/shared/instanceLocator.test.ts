import type { IDataObject } from 'n8n-workflow';

import { byName, useTestBed } from '../../../support/setup';
import { searchList } from '../../../harness/listSearch';
import { byPhone, fromList, params, sent } from '../../../support/operations';

describe('Phone Number Instance locator', () => {
	const bed = useTestBed('acme');
	let single: string;
	let range: string;

	beforeAll(() => {
		bed.emu.seedBulk('acme', 150, { displayNamePrefix: 'Bulk' });
		[{ name: single }, { name: range }] = bed.emu.seed('acme', [
			{ phoneNumber: '+61255501100', displayName: 'Reception', lifecycleState: 'SUSPENDED' },
			{ phoneNumber: '+61255501200', rangeSize: 100, displayName: 'Call centre' },
		]);
	});
	beforeEach(() => bed.emu.clearLog());

	const get = async (phoneNumberInstance: IDataObject | string, extra: IDataObject = {}) =>
		await bed.h.runNode({ parameters: params('get', { phoneNumberInstance, ...extra }), credentialId: bed.credentialId });

	describe('By Name', () => {
		it('takes a bare instance ID within the project', async () => {
			const result = await get(byName(single.split('/').pop() as string));
			expect(result.error).toBeUndefined();
			expect(sent(bed).map((request) => request.path)).toEqual([`/v1beta1/${single}`]);
		});

		it('takes a full name from another project as it is', async () => {
			const result = await get(byName('projects/elsewhere/phoneNumberInstances/abc'));
			expect(result.error?.message).toMatch(/not allowed to read phone number instances in projects\/elsewhere/);
			expect(sent(bed).map((request) => request.path)).toEqual(['/v1beta1/projects/elsewhere/phoneNumberInstances/abc']);
		});
	});

	describe('By Phone Number', () => {
		it('resolves any written form with one prefix listing, then fetches', async () => {
			const result = await get(byPhone('+61 (2) 5550-1100'));
			expect(result.items[0].json.name).toBe(single);
			expect(sent(bed)).toEqual([
				{ method: 'GET', path: '/v1beta1/projects/acme/phoneNumberInstances', query: { prefix: '+61255501100', pageSize: '100' }, body: undefined },
				{ method: 'GET', path: `/v1beta1/${single}`, query: {}, body: undefined },
			]);
		});

		it('reads a national number with Default Country', async () => {
			const result = await get(byPhone('02 5550 1100'), { options: { defaultCountry: 'AU' } });
			expect(result.items[0].json.name).toBe(single);
		});

		it('finds the range that holds a number', async () => {
			const result = await get(byPhone('+61255501234'));
			expect(result.error).toBeUndefined();
			expect(result.items[0].json.name).toBe(range);
		});

		it('says so clearly when no instance holds the number', async () => {
			const result = await get(byPhone('+61255509999'));
			expect(result.error?.message).toBe('Phone Number Instance found no instance holding +61255509999 in projects/acme [item 0]');
			expect(sent(bed)).toHaveLength(1);
		});
	});

	describe('From List', () => {
		it('uses the chosen resource name', async () => {
			const result = await get(fromList(range));
			expect(sent(bed).map((request) => request.path)).toEqual([`/v1beta1/${range}`]);
			expect(result.items[0].json.name).toBe(range);
		});

		it('search pages through the project with the API page token', async () => {
			const first = await searchList(bed.h, { method: 'searchPhoneNumberInstances', parameters: params('get'), credentialId: bed.credentialId });
			expect(first.results).toHaveLength(100);
			expect(first.paginationToken).toEqual(expect.any(String));
			// Newest first: the two seeded last lead, labelled with number, display name and state.
			expect(first.results.slice(0, 2)).toEqual([
				{ name: '+61255501200 – +61255501299 · Call centre · ACTIVE', value: range },
				{ name: '+61255501100 · Reception · SUSPENDED', value: single },
			]);
			const second = await searchList(bed.h, { method: 'searchPhoneNumberInstances', parameters: params('get'), credentialId: bed.credentialId, paginationToken: first.paginationToken });
			expect(second.results).toHaveLength(52);
			expect(second.paginationToken).toBeUndefined();
			const values = new Set([...first.results, ...second.results].map((result) => result.value));
			expect(values.size).toBe(152);
			const requests = sent(bed);
			expect(requests.map((request) => request.query)).toEqual([{ pageSize: '100' }, { pageSize: '100', pageToken: first.paginationToken }]);
		});

		it('typed digits search by number prefix on the server (national form too)', async () => {
			const found = await searchList(bed.h, { method: 'searchPhoneNumberInstances', parameters: params('get'), credentialId: bed.credentialId, filter: '02 5550 11' });
			expect(found.results.map((result) => result.value)).toEqual([single]);
			expect(sent(bed)[0].query).toEqual({ pageSize: '100', prefix: '0255501' + '1' });
		});

		it('other typed text filters by display name', async () => {
			const found = await searchList(bed.h, { method: 'searchPhoneNumberInstances', parameters: params('get'), credentialId: bed.credentialId, filter: 'recep' });
			expect(found.results.map((result) => result.value)).toEqual([single]);
			expect(sent(bed)[0].query).toEqual({ pageSize: '100' });
		});

		it('digits typed without + or a leading 0 (a label\'s number minus its +) are tried as a phone number', async () => {
			const found = await searchList(bed.h, { method: 'searchPhoneNumberInstances', parameters: params('get'), credentialId: bed.credentialId, filter: '61255501100' });
			expect(found.results.map((result) => result.value)).toEqual([single]);
			expect(sent(bed).map((request) => request.query)).toEqual([{ pageSize: '100', prefix: '+61255501100' }]);
		});

		it('bare digits that are no number prefix fall back to display names', async () => {
			const found = await searchList(bed.h, { method: 'searchPhoneNumberInstances', parameters: params('get'), credentialId: bed.credentialId, filter: '149' });
			expect(found.results.map((result) => result.name)).toEqual([expect.stringMatching(/ · Bulk 149 · ACTIVE$/)]);
			const prefixes = sent(bed).map((request) => request.query.prefix);
			expect(prefixes[0]).toBe('+149');
			expect(prefixes.slice(1).every((prefix) => prefix === undefined)).toBe(true);
		});

		it('an older number found by display name is in the first answer, though it is on page 2', async () => {
			const key = bed.emu.createServiceAccount({ projectId: 'older' });
			const credentialId = bed.h.addCredential({ authentication: 'serviceAccountKey', serviceAccountKey: JSON.stringify(key), baseUrl: bed.emu.baseUrl, tokenUrl: bed.emu.tokenUrl }).id;
			const [{ name: backOffice }] = bed.emu.seed('older', [{ phoneNumber: '+61255501900', displayName: 'Back office', createTime: '2020-01-01T00:00:00Z' }]);
			bed.emu.seedBulk('older', 150, { startNumber: '+61370200000', displayNamePrefix: 'Line' });
			bed.emu.clearLog();
			const found = await searchList(bed.h, { method: 'searchPhoneNumberInstances', parameters: params('get'), credentialId, filter: 'back office' });
			expect(found.results).toEqual([{ name: '+61255501900 · Back office · ACTIVE', value: backOffice }]);
			expect(found.paginationToken).toBeUndefined();
			expect(sent(bed)).toHaveLength(2);
		});

		it('gives up sooner than a workflow run: 2 attempts, not 5', async () => {
			const credentialId = bed.h.addCredential({ authentication: 'serviceAccountKey', serviceAccountKey: JSON.stringify(bed.key), baseUrl: bed.emu.baseUrl, tokenUrl: bed.emu.tokenUrl }).id;
			await searchList(bed.h, { method: 'searchPhoneNumberInstances', parameters: params('get'), credentialId, filter: '+612' });
			bed.emu.clearLog();
			bed.emu.injectFault({ method: 'GET', path: '/v1beta1/projects/acme/phoneNumberInstances', times: 5, fault: { kind: 'status', status: 503 } });
			const search = searchList(bed.h, { method: 'searchPhoneNumberInstances', parameters: params('get'), credentialId });
			await expect(search).rejects.toThrow(/temporary problem \(tried 2 times\)/);
			expect(sent(bed)).toHaveLength(2);
			bed.emu.clearFaults();
		});

		it('a filtered search stops at its bound and says so', async () => {
			const key = bed.emu.createServiceAccount({ projectId: 'huge' });
			const credentialId = bed.h.addCredential({ authentication: 'serviceAccountKey', serviceAccountKey: JSON.stringify(key), baseUrl: bed.emu.baseUrl, tokenUrl: bed.emu.tokenUrl }).id;
			bed.emu.seedBulk('huge', 5_050, { startNumber: '+61370300000', displayNamePrefix: 'Line' });
			bed.emu.clearLog();
			const found = await searchList(bed.h, { method: 'searchPhoneNumberInstances', parameters: params('get'), credentialId, filter: 'back office' });
			expect(found.results).toEqual([{ name: 'No display name contains "back office" among the next 5,000 read: type more of it, or use By ID / Phone Number', value: '' }]);
			expect(found.paginationToken).toEqual(expect.any(String));
			expect(sent(bed)).toHaveLength(50);
		}, 60_000);

		it('lists the project set on the node', async () => {
			const search = searchList(bed.h, { method: 'searchPhoneNumberInstances', parameters: params('get', { project: 'beta' }), credentialId: bed.credentialId });
			await expect(search).rejects.toThrow(/not allowed to list phone number instances in projects\/beta/);
			expect(sent(bed)[0].path).toBe('/v1beta1/projects/beta/phoneNumberInstances');
		});
	});
});
