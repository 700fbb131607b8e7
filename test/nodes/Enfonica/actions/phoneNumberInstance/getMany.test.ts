import type { IDataObject } from 'n8n-workflow';

import { useTestBed } from '../../../../support/setup';
import { jsonOf, pairedOf, params, runExample, sent } from '../../../../support/operations';

describe('Get Many', () => {
	const bed = useTestBed('acme');
	const names: Record<string, string> = {};

	beforeAll(() => {
		// 250 active, compliant numbers (+61370100000…) and a few with states to filter on.
		bed.emu.seedBulk('acme', 250);
		const seeded = bed.emu.seed('acme', [
			{ phoneNumber: '+61255501100', displayName: 'suspended+noncompliant', lifecycleState: 'SUSPENDED', compliant: false },
			{ phoneNumber: '+61255501101', displayName: 'suspended', lifecycleState: 'SUSPENDED', compliant: true },
			{ phoneNumber: '+61255501102', displayName: 'noncompliant', compliant: false },
			{ phoneNumber: '+61255501103', displayName: 'pending', lifecycleState: 'PENDING', compliant: true },
			{ phoneNumber: '+61255501104', displayName: 'deleted', lifecycleState: 'DELETED' },
		]);
		for (const instance of seeded) names[instance.displayName as string] = instance.name;
	});
	beforeEach(() => bed.emu.clearLog());

	const getMany = async (extra: IDataObject, items?: IDataObject[]) =>
		await bed.h.runNode({ parameters: params('getMany', extra), credentialId: bed.credentialId, items });

	it('Limit asks for no more than it needs', async () => {
		const result = await getMany({ limit: 5 });
		expect(result.items).toHaveLength(5);
		expect(sent(bed)).toEqual([{ method: 'GET', path: '/v1beta1/projects/acme/phoneNumberInstances', query: { pageSize: '5' }, body: undefined }]);
		expect(pairedOf(result.items)).toEqual(Array(5).fill({ item: 0 }));
	});

	it('Return All follows nextPageToken to the end', async () => {
		const result = await getMany({ returnAll: true });
		expect(result.items).toHaveLength(254);
		const requests = sent(bed);
		expect(requests).toHaveLength(3);
		expect(requests.map((request) => request.query.pageSize)).toEqual(['100', '100', '100']);
		expect(requests[0].query.pageToken).toBeUndefined();
		expect(requests[1].query.pageToken).toEqual(expect.any(String));
		expect(requests[2].query.pageToken).not.toBe(requests[1].query.pageToken);
	});

	it('sends Prefix (national or E.164) and Include Deleted as query parameters', async () => {
		const result = await getMany({ returnAll: true, filters: { prefix: '(02) 5550 110', includeDeleted: true } });
		expect(sent(bed)[0].query).toEqual({ prefix: '025550110', includeDeleted: 'true', pageSize: '100' });
		expect(jsonOf(result.items).map((json) => json.displayName).sort()).toEqual(['deleted', 'noncompliant', 'pending', 'suspended', 'suspended+noncompliant']);
		bed.emu.clearLog();
		await getMany({ returnAll: true, filters: { prefix: '+61 2 5550 110' } });
		expect(sent(bed)[0].query).toEqual({ prefix: '+6125550110', pageSize: '100' });
	});

	it('filters lifecycle states and compliance client-side (all must match by default)', async () => {
		const result = await getMany({ returnAll: true, filters: { lifecycleStates: ['SUSPENDED'], compliant: 'nonCompliant' } });
		expect(jsonOf(result.items).map((json) => json.name)).toEqual([names['suspended+noncompliant']]);
		expect(sent(bed)[0].query).toEqual({ pageSize: '100' });
	});

	it('Match Any: every suspended or non-compliant number in one node', async () => {
		const result = await getMany({ returnAll: true, filters: { lifecycleStates: ['SUSPENDED'], compliant: 'nonCompliant', match: 'any' } });
		expect(jsonOf(result.items).map((json) => json.displayName).sort()).toEqual(['noncompliant', 'suspended', 'suspended+noncompliant']);
	});

	it('with filters and a limit, keeps paging until enough matches are found', async () => {
		const result = await getMany({ limit: 2, filters: { lifecycleStates: ['ACTIVE'], compliant: 'compliant' } });
		expect(result.items).toHaveLength(2);
		expect(jsonOf(result.items).every((json) => json.lifecycleState === 'ACTIVE' && json.compliant === true)).toBe(true);
		bed.emu.clearLog();
		const few = await getMany({ limit: 3, filters: { lifecycleStates: ['PENDING', 'DELETED'] } });
		// Only two match in the whole project: the listing is read to its end, with deleted ones included.
		expect(jsonOf(few.items).map((json) => json.displayName).sort()).toEqual(['deleted', 'pending']);
		expect(sent(bed)).toHaveLength(3);
		expect(sent(bed).every((request) => request.query.pageSize === '100' && request.query.includeDeleted === 'true')).toBe(true);
	});

	it('pairs every output with its input item when several items list', async () => {
		const result = await getMany({ limit: 2, filters: { prefix: '={{ $json.prefix }}' } }, [{ prefix: '+6125550110' }, { prefix: '+6137010000' }]);
		expect(pairedOf(result.items)).toEqual([{ item: 0 }, { item: 0 }, { item: 1 }, { item: 1 }]);
		expect(sent(bed).map((request) => request.query.prefix)).toEqual(['+6125550110', '+6137010000']);
	});

	it('runs examples/getMany.json', async () => {
		const result = await runExample(bed, 'getMany');
		expect(result.error).toBeUndefined();
		expect(jsonOf(result.items).map((json) => json.displayName).sort()).toEqual(['noncompliant', 'suspended', 'suspended+noncompliant']);
	});
});
