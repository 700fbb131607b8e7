import { diffListing, snapshotOf } from '../nodes/Enfonica/trigger/diff';
import { decodeKnown, encodeKnown, readSnapshot, scopeKey, writeSnapshot } from '../nodes/Enfonica/trigger/state';

/** The compact encoding and the diff, without the engine: quick to pin down the edge cases. */
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
		expect(decodeKnown(snapshot.a1)).toEqual({ lifecycleState: 'LIFECYCLE_STATE_UNSPECIFIED', compliant: false, phoneNumber: '+61255501100' });
	});

	it('has no baseline for another scope or an older format', () => {
		const data: Record<string, unknown> = {};
		writeSnapshot(data, scopeKey('projects/p', ''), { a1: 'a1' });
		expect(readSnapshot(data, scopeKey('projects/p', ''))).toEqual({ a1: 'a1' });
		expect(readSnapshot(data, scopeKey('projects/p', '+612'))).toBeUndefined();
		expect(readSnapshot(data, scopeKey('projects/q', ''))).toBeUndefined();
		expect(readSnapshot({ scope: scopeKey('projects/p', ''), ids: {} }, scopeKey('projects/p', ''))).toBeUndefined();
	});

	it('reports an instance listed twice (page boundary shift) once, and both changes of one instance', () => {
		const instance = { name: 'projects/p/phoneNumberInstances/a1', lifecycleState: 'SUSPENDED', compliant: true, phoneNumber: { phoneNumber: '+61255501100' } };
		const previous = snapshotOf([{ ...instance, lifecycleState: 'ACTIVE', compliant: false }]);
		const changes = diffListing(previous, [instance, instance], 'projects/p');
		expect(changes.map((change) => change.event)).toEqual(['lifecycleStateChanged', 'complianceChanged']);
	});
});
