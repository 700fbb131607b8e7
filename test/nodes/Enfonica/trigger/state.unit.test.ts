import type { IDataObject } from 'n8n-workflow';

import { listingText, snapshotOf } from '../../../../nodes/Enfonica/trigger/diff';
import { decodeKnown, encodeKnown, entryOf, knownOf, readSaved, readSnapshot, scopeKey, writeSnapshot } from '../../../../nodes/Enfonica/trigger/state';

/** The compact encoding, without the engine: quick to pin down the edge cases (the diff: diff.unit.test.ts). */
describe('trigger state encoding', () => {
	it('round-trips every lifecycle state with and without compliance, including ones added to the API later', () => {
		for (const lifecycleState of ['LIFECYCLE_STATE_UNSPECIFIED', 'ACTIVE', 'DELETED', 'SUSPENDED', 'PENDING', 'SOME_FUTURE_STATE']) {
			for (const compliant of [true, false]) {
				for (const phoneNumber of ['+61255501100', '']) {
					const known = { lifecycleState, compliant, phoneNumber };
					expect(decodeKnown(encodeKnown(known))).toEqual(known);
				}
			}
		}
		expect(encodeKnown({ lifecycleState: 'SUSPENDED', compliant: true, phoneNumber: '+61255501100' })).toBe('S61255501100');
	});

	it('treats a missing lifecycleState or compliant as the proto3 default', () => {
		const snapshot = snapshotOf([{ name: 'projects/p/phoneNumberInstances/a1', phoneNumber: { phoneNumber: '+61255501100' } }]);
		expect(decodeKnown(snapshot.get('a1') ?? '')).toEqual({ lifecycleState: 'LIFECYCLE_STATE_UNSPECIFIED', compliant: false, phoneNumber: '+61255501100' });
	});

	it('has no baseline for another scope or an older format', () => {
		const data: IDataObject = {};
		writeSnapshot(data, scopeKey('projects/p', ''), new Map([['a1', 'a1']]));
		expect(readSnapshot(data, scopeKey('projects/p', ''))).toEqual(new Map([['a1', 'a1']]));
		expect(readSnapshot(data, scopeKey('projects/p', '+612'))).toBeUndefined();
		expect(readSnapshot(data, scopeKey('projects/q', ''))).toBeUndefined();
		expect(readSnapshot({ scope: scopeKey('projects/p', ''), ids: {} }, scopeKey('projects/p', ''))).toBeUndefined();
		expect(readSnapshot({ v: 3, scope: scopeKey('projects/p', ''), ids: 'a1=a1' }, scopeKey('projects/p', ''))).toBeUndefined();
	});

	it('saves the snapshot as one string in listing order, and still reads the version 1 object (no new baseline after an upgrade)', () => {
		const data: IDataObject = {};
		writeSnapshot(data, 'projects/p|', new Map([['b2', 's61255501101'], ['a1', 'A61255501100']]));
		expect(data).toEqual({ v: 2, scope: 'projects/p|', ids: 'b2=s61255501101;a1=A61255501100' });
		expect([...(readSnapshot(data, 'projects/p|') ?? [])]).toEqual([['b2', 's61255501101'], ['a1', 'A61255501100']]);
		writeSnapshot(data, 'projects/p|', new Map());
		expect(readSnapshot(data, 'projects/p|')).toEqual(new Map());
		// Version 1, as saved by earlier releases.
		const v1 = { v: 1, scope: 'projects/p|', ids: { a1: 'A61255501100', b2: 's61255501101' } };
		expect(readSaved(v1, 'projects/p|')?.text).toBeUndefined();
		expect(readSnapshot(v1, 'projects/p|')).toEqual(new Map([['a1', 'A61255501100'], ['b2', 's61255501101']]));
		// An ID the text form cannot carry falls back to the object form.
		writeSnapshot(data, 'projects/p|', new Map([['odd;id=', 'A612']]));
		expect(data).toEqual({ v: 1, scope: 'projects/p|', ids: { 'odd;id=': 'A612' } });
		expect(readSnapshot(data, 'projects/p|')).toEqual(new Map([['odd;id=', 'A612']]));
	});

	it('an unchanged listing gives exactly the saved text; any change, addition, removal or repeat does not', () => {
		const at = (id: string, lifecycleState = 'ACTIVE', compliant = true) => ({ name: `projects/p/phoneNumberInstances/${id}`, lifecycleState, compliant, phoneNumber: { phoneNumber: `+6125550${id.length}${id.charCodeAt(0)}` } });
		const listing = [at('c3'), at('b2', 'SUSPENDED'), at('a1', 'PENDING', false)];
		const data: IDataObject = {};
		writeSnapshot(data, 'projects/p|', snapshotOf(listing));
		const saved = readSaved(data, 'projects/p|')?.text;
		expect(listingText(listing)).toBe(saved);
		for (const other of [
			[at('c3'), at('b2', 'ACTIVE'), at('a1', 'PENDING', false)],
			[at('c3'), at('b2', 'SUSPENDED'), at('a1', 'PENDING', true)],
			[at('d4'), ...listing],
			listing.slice(1),
			[listing[0], listing[1], listing[1], listing[2]],
			[listing[1], listing[0], listing[2]],
		]) {
			expect(listingText(other)).not.toBe(saved);
		}
		expect(listingText([{ name: 'projects/p/phoneNumberInstances/x;y' }])).toBeUndefined();
		for (const instance of listing) expect(entryOf(instance)).toBe(encodeKnown(knownOf(instance)));
	});
});
