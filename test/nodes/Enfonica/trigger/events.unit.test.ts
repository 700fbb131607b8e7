import type { Change, TriggerEvent } from '../../../../nodes/Enfonica/trigger/diff';
import { isHarmlessToForget, isWanted } from '../../../../nodes/Enfonica/trigger/events';

describe('isHarmlessToForget: whether a filtered change may stay uncommitted', () => {
	const instance = { name: 'projects/p/phoneNumberInstances/a', lifecycleState: 'ACTIVE', compliant: true };
	const suspendedOnly = { events: ['lifecycleStateChanged', 'complianceChanged'] as TriggerEvent[], lifecycleStates: ['SUSPENDED'] };
	const lifecycleOnly = { events: ['lifecycleStateChanged'] as TriggerEvent[], lifecycleStates: [] };

	it.each([
		['out of a state alerted on (its return would be alerted)', { event: 'lifecycleStateChanged', instance, previousLifecycleState: 'SUSPENDED' }, suspendedOnly, false],
		['between states not alerted on', { event: 'lifecycleStateChanged', instance: { ...instance, lifecycleState: 'PENDING' }, previousLifecycleState: 'ACTIVE' }, suspendedOnly, true],
		['a compliance change while compliance is not watched', { event: 'complianceChanged', instance, previousCompliant: false }, lifecycleOnly, true],
		['a number bought while Instance Added is off (its later changes would be misread)', { event: 'instanceAdded', instance }, lifecycleOnly, false],
		['a number gone while Instance Removed is off', { event: 'instanceRemoved', name: instance.name, lastKnown: { lifecycleState: 'ACTIVE', compliant: true, phoneNumber: '+61255501000' } }, lifecycleOnly, false],
	])('%s', (_label, change, filter, harmless) => {
		expect(isWanted(change as Change, filter)).toBe(false);
		expect(isHarmlessToForget(change as Change, filter)).toBe(harmless);
	});
});
