/**
 * Trigger drill: 20 polls over a project of ~300 numbers (several pages) with seeded random churn
 * between polls and seeded random faults in some polls. The multiset of emitted events must equal
 * the multiset of real changes: nothing missed, nothing repeated, across failed polls too.
 *
 * Reproduce a failure with DRILL_SEED=<seed printed in the test name> npx jest test/drills.trigger
 */
import type { IDataObject } from 'n8n-workflow';

import type { FaultSpec, LifecycleState, PhoneNumberInstanceJson } from './emulator';
import { seededRandom } from './support/drills';
import type { TriggerBed } from './trigger.bed';
import { listRequests, startTriggerBed } from './trigger.bed';

const SEED = Number(process.env.DRILL_SEED ?? Math.floor(Math.random() * 2 ** 31));
const PROJECT = 'churn';
const LIST_PATH = `/v1beta1/projects/${PROJECT}/phoneNumberInstances`;
const STATES: LifecycleState[] = ['ACTIVE', 'SUSPENDED', 'PENDING', 'DELETED'];
const POLLS = 20;

type Known = { state: string; compliant: boolean };

/** An event as a comparable string: kind, instance, new state (and what it was, where the event says). */
function eventKey(json: IDataObject): string {
	switch (json.event) {
		case 'lifecycleStateChanged':
			return `lifecycle ${json.name} ${json.previousLifecycleState}→${json.lifecycleState}`;
		case 'complianceChanged':
			return `compliance ${json.name} ${json.previousCompliant}→${json.compliant}`;
		default:
			return `${json.event} ${json.name} ${json.lifecycleState}/${json.compliant}`;
	}
}

/** The events the trigger must report between two snapshots, computed independently of its code. */
function snapshotDiff(before: Map<string, Known>, after: Map<string, Known>): string[] {
	const keys: string[] = [];
	for (const [name, now] of after) {
		const was = before.get(name);
		if (!was) {
			keys.push(`instanceAdded ${name} ${now.state}/${now.compliant}`);
			continue;
		}
		if (was.state !== now.state) keys.push(`lifecycle ${name} ${was.state}→${now.state}`);
		if (was.compliant !== now.compliant) keys.push(`compliance ${name} ${was.compliant}→${now.compliant}`);
	}
	for (const [name, was] of before) if (!after.has(name)) keys.push(`instanceRemoved ${name} ${was.state}/${was.compliant}`);
	return keys.sort();
}

describe(`trigger drill: ${POLLS} polls with churn and faults (seed ${SEED})`, () => {
	let bed: TriggerBed;
	let credentialId: string;

	beforeAll(async () => {
		// eslint-disable-next-line no-console
		console.log(`trigger drill seed: ${SEED} (rerun with DRILL_SEED=${SEED})`);
		bed = await startTriggerBed();
		// A 1 s timeout, so a hung page is a timeout drill that costs a second.
		const key = bed.emu.createServiceAccount({ projectId: 'home', projects: '*' });
		credentialId = bed.h.addCredential({ authentication: 'serviceAccountKey', serviceAccountKey: JSON.stringify(key), baseUrl: bed.emu.baseUrl, tokenUrl: bed.emu.tokenUrl, timeoutSeconds: 1 }).id;
	});
	afterAll(async () => await bed.close());

	it('every real change is emitted exactly once', async () => {
		const random = seededRandom(SEED);
		const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
		let numbers = 0;
		const freshNumber = (size = 1) => {
			const start = numbers;
			numbers += size;
			return `+6137060${String(start).padStart(4, '0')}`;
		};

		bed.emu.seedBulk(PROJECT, 300, { startNumber: '+61370500000' });
		bed.emu.seed(PROJECT, [
			{ phoneNumber: '+61370590000', rangeSize: 50, lifecycleState: 'SUSPENDED' },
			{ phoneNumber: '+61370591000', lifecycleState: 'PENDING', compliant: false },
			{ phoneNumber: '+61370592000', lifecycleState: 'DELETED' },
		]);
		const current = (): Map<string, Known> =>
			new Map(
				bed.emu
					.listStored(PROJECT, { includeDeleted: true })
					.map((instance: PhoneNumberInstanceJson) => [instance.name, { state: instance.lifecycleState ?? 'ACTIVE', compliant: instance.compliant === true }]),
			);

		const watcher = bed.watcher({ project: PROJECT, events: ['lifecycleStateChanged', 'complianceChanged', 'instanceAdded', 'instanceRemoved'], lifecycleStates: [], filters: {}, options: { simplify: true } }, credentialId);
		const baseline = await watcher.poll();
		expect(baseline.error).toBeUndefined();
		expect(baseline.result).toBeNull();

		// The plan: 6 polls whose listing fails for good, 6 with a fault the retries absorb, 8 clean; the last is clean.
		const plan: Array<'fatal' | 'transient' | 'clean'> = [...Array(6).fill('fatal'), ...Array(6).fill('transient'), ...Array(7).fill('clean')];
		for (let index = plan.length - 1; index > 0; index--) {
			const other = Math.floor(random() * (index + 1));
			[plan[index], plan[other]] = [plan[other], plan[index]];
		}
		plan.push('clean');

		let lastGood = current();
		/** Changes made since the last successful poll, as event keys; instances touched in that window. */
		let pending: string[] = [];
		let touched = new Set<string>();
		const allChanges: string[] = [];
		const allEmitted: string[] = [];
		const counts = { fatal: 0, transient: 0, clean: 0, actions: 0 };

		const churn = () => {
			const actions = 3 + Math.floor(random() * 10);
			for (let action = 0; action < actions; action++) {
				const instances = [...current()].filter(([name]) => !touched.has(name));
				const roll = random();
				// Each instance changes at most once between successful polls, so every change is observable
				// (a change that reverts before the next good poll is invisible by design).
				if (roll < 0.2 || instances.length === 0) {
					const state = pick(STATES);
					const compliant = random() < 0.7;
					const rangeSize = random() < 0.2 ? 5 : undefined;
					const [added] = bed.emu.seed(PROJECT, [{ phoneNumber: freshNumber(rangeSize), lifecycleState: state, compliant, rangeSize }]);
					pending.push(`instanceAdded ${added.name} ${state}/${compliant}`);
					touched.add(added.name);
				} else {
					const [name, known] = pick(instances);
					touched.add(name);
					if (roll < 0.3) {
						bed.emu.purge(name);
						pending.push(`instanceRemoved ${name} ${known.state}/${known.compliant}`);
					} else {
						const changeState = roll < 0.8;
						const changeCompliance = roll >= 0.65;
						if (changeState) {
							const state = pick(STATES.filter((candidate) => candidate !== known.state));
							bed.emu.setLifecycleState(name, state);
							pending.push(`lifecycle ${name} ${known.state}→${state}`);
						}
						if (changeCompliance) {
							bed.emu.setCompliant(name, !known.compliant);
							pending.push(`compliance ${name} ${known.compliant}→${!known.compliant}`);
						}
					}
				}
				counts.actions++;
			}
		};

		for (const [pollIndex, kind] of plan.entries()) {
			churn();
			const label = `poll ${pollIndex + 1} (${kind}, seed ${SEED})`;
			const instanceCount = bed.emu.listStored(PROJECT, { includeDeleted: true }).length;
			const page = 1 + Math.floor(random() * Math.ceil(instanceCount / 100));
			let fault: FaultSpec | undefined;
			if (kind === 'fatal') {
				fault = pick<FaultSpec>([{ kind: 'status', status: 503 }, { kind: 'reset' }, { kind: 'malformed' }, { kind: 'status', status: 500 }]);
				bed.emu.injectFault({ method: 'GET', path: LIST_PATH, nth: page, times: 5, fault });
			} else if (kind === 'transient') {
				fault = pick<FaultSpec>([{ kind: 'status', status: 503 }, { kind: 'reset' }, { kind: 'malformed' }, { kind: 'status', status: 429, retryAfterSeconds: 0 }, { kind: 'hang', ms: 1500 }]);
				bed.emu.injectFault({ method: 'GET', path: LIST_PATH, nth: page, times: fault.kind === 'hang' ? 1 : 1 + Math.floor(random() * 3), fault });
			}
			counts[kind]++;
			bed.emu.clearLog();
			const before = structuredClone(watcher.staticData);
			const result = await watcher.poll();
			bed.emu.clearFaults();

			// The fault really hit the page it was aimed at (page k is the kth list request of the poll).
			const listed = listRequests(bed.emu);
			if (fault) expect({ label, faulted: listed[page - 1]?.fault !== undefined }).toEqual({ label, faulted: true });

			if (kind === 'fatal') {
				expect({ label, failed: result.error !== undefined, result: result.result }).toEqual({ label, failed: true, result: null });
				expect({ label, state: result.staticData }).toEqual({ label, state: before });
				continue;
			}
			expect({ label, error: result.error?.message }).toEqual({ label, error: undefined });
			const emitted = (result.result?.[0] ?? []).map((item) => eventKey(item.json));
			const now = current();
			// The drill's own bookkeeping agrees with the snapshots: every change made is observable.
			expect({ label, changes: [...pending].sort() }).toEqual({ label, changes: snapshotDiff(lastGood, now) });
			expect({ label, emitted: [...emitted].sort() }).toEqual({ label, emitted: [...pending].sort() });
			// Tagged with the window (successful poll) they belong to, so a change repeated later is a new key.
			allChanges.push(...pending.map((key) => `${pollIndex}: ${key}`));
			allEmitted.push(...emitted.map((key) => `${pollIndex}: ${key}`));
			lastGood = now;
			pending = [];
			touched = new Set();
		}

		expect(counts).toEqual({ fatal: 6, transient: 6, clean: 8, actions: expect.any(Number) });
		expect(pending).toEqual([]);
		expect([...allEmitted].sort()).toEqual([...allChanges].sort());
		// Nothing repeated: no event twice in one window, none carried into a later one.
		expect(new Set(allEmitted).size).toBe(allEmitted.length);
		expect(allChanges.length).toBeGreaterThan(POLLS * 3);
		// And nothing left over: one more poll without churn emits nothing.
		expect(await watcher.events()).toEqual([]);
	}, 120_000);
});
