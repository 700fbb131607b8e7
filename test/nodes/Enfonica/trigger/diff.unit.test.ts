import { diffListing, snapshotOf, vanishedIds } from '../../../../nodes/Enfonica/trigger/diff';

/** The diff between the saved snapshot and a listing, without the engine. */
describe('the trigger diff', () => {
	it('reports an instance listed twice (page boundary shift) once, and both changes of one instance', () => {
		const instance = { name: 'projects/p/phoneNumberInstances/a1', lifecycleState: 'SUSPENDED', compliant: true, phoneNumber: { phoneNumber: '+61255501100' } };
		const previous = snapshotOf([{ ...instance, lifecycleState: 'ACTIVE', compliant: false }]);
		const changes = diffListing(previous, [instance, instance], 'projects/p');
		expect(changes.map((change) => change.event)).toEqual(['lifecycleStateChanged', 'complianceChanged']);
	});

	// Offset page tokens: an instance leaving mid-listing shifts the rest, so one can be skipped.
	// poll.ts confirms each vanished instance with a GET; one found is passed as `confirmed`.
	it('an instance skipped by paging but confirmed present is diffed normally, not removed (and not added next time)', () => {
		const at = (id: string, number: string, lifecycleState = 'ACTIVE') => ({ name: `projects/p/phoneNumberInstances/${id}`, lifecycleState, compliant: true, phoneNumber: { phoneNumber: number } });
		const [a, b, c, d] = [at('a1', '+61255501100'), at('b2', '+61255501101'), at('c3', '+61255501102'), at('d4', '+61255501103')];
		const previous = snapshotOf([a, b, c, d]);
		// c3 left the project (really removed); b2 was skipped by the listing and is now suspended.
		const listing = [a, d];
		expect(vanishedIds(previous, listing).sort()).toEqual(['b2', 'c3']);
		const skipped = { ...b, lifecycleState: 'SUSPENDED' };
		const changes = diffListing(previous, listing, 'projects/p', [skipped]);
		expect(changes).toEqual([
			{ event: 'lifecycleStateChanged', instance: skipped, previousLifecycleState: 'ACTIVE' },
			{ event: 'instanceRemoved', name: c.name, lastKnown: { lifecycleState: 'ACTIVE', compliant: true, phoneNumber: '+61255501102' } },
		]);
		// The snapshot keeps the skipped instance, so the next complete listing reports nothing for it.
		const next = snapshotOf(listing, [skipped]);
		expect([...next.keys()].sort()).toEqual(['a1', 'b2', 'd4']);
		expect(diffListing(next, [a, skipped, d], 'projects/p')).toEqual([]);
		// Without confirmation (the old behaviour) it would have been a false removal.
		expect(diffListing(previous, listing, 'projects/p').map((change) => change.event)).toEqual(['instanceRemoved', 'instanceRemoved']);
	});

	it('confirms nothing when every saved instance is listed', () => {
		const instance = { name: 'projects/p/phoneNumberInstances/a1', phoneNumber: { phoneNumber: '+61255501100' } };
		expect(vanishedIds(snapshotOf([instance]), [instance])).toEqual([]);
	});
});
