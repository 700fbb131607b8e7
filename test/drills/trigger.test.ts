/**
 * Trigger drill: 20 polls over a project of ~300 numbers (several pages) with seeded random churn
 * between polls and seeded random faults in some polls. The multiset of emitted events must equal
 * the multiset of real changes: nothing missed, nothing repeated, across failed polls too.
 * A second run does the same under n8n's own persistence rule (static data saved only when a poll
 * emits and after an activation; see N8nWorkflow in test/support/triggerBed.ts), with a Lifecycle States
 * filter, n8n restarts and re-activations between polls, and, for half the seeds, n8n's scheduler
 * rebuilding the workflow from the database on every tick.
 *
 * Reproduce a failure with DRILL_SEED=<seed printed in the test name> npx jest test/drills.trigger
 */
import type { IDataObject } from 'n8n-workflow';

import type { FaultSpec, LifecycleState, PhoneNumberInstanceJson } from '../emulator';
import { seededRandom } from '../support/drills';
import type { TriggerBed } from '../support/triggerBed';
import { listRequests, startTriggerBed } from '../support/triggerBed';

const SEED = Number(process.env.DRILL_SEED ?? Math.floor(Math.random() * 2 ** 31));
const STATES: LifecycleState[] = ['ACTIVE', 'SUSPENDED', 'PENDING', 'DELETED'];
const POLLS = 20;

type Known = { state: string; compliant: boolean };

/** How the drill keeps the trigger's state between polls. */
interface DrillSetup {
	project: string;
	/** The project's numbers are +61<block>…, one block per drill (numbers are unique across projects). */
	block: string;
	events: string[];
	/** Report lifecycle changes only into these states ([] = any). */
	lifecycleStates: LifecycleState[];
	/** undefined: every poll's state carried to the next (n8n's memory, no restarts). Else n8n's persistence rule. */
	n8n?: { scheduler: boolean; restarts: number; reactivations: number };
}

const ALL_EVENTS = ['lifecycleStateChanged', 'complianceChanged', 'instanceAdded', 'instanceRemoved'];
const KEY_EVENTS: Record<string, string> = { lifecycle: 'lifecycleStateChanged', compliance: 'complianceChanged', instanceAdded: 'instanceAdded', instanceRemoved: 'instanceRemoved' };

/** Whether the trigger must emit this change (event key) under the drill's Events and Lifecycle States. */
function wanted(key: string, events: string[], lifecycleStates: string[]): boolean {
	if (!events.includes(KEY_EVENTS[key.slice(0, key.indexOf(' '))])) return false;
	if (!key.startsWith('lifecycle ') || lifecycleStates.length === 0) return true;
	return lifecycleStates.includes(key.slice(key.lastIndexOf('→') + 1));
}

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

/** One poll as the drill sees it: what it emitted (items of an execution, [] for none) or its error, and the state before and after. */
interface DrillPoll {
	items: IDataObject[];
	error?: Error;
	via: string;
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
		await drill({ project: 'churn', block: '37', events: ALL_EVENTS, lifecycleStates: [] });
	}, 120_000);

	const scheduler = seededRandom(SEED ^ 0x5eed)() < 0.5;
	it(`under n8n's persistence rule, alerting on lifecycle changes into SUSPENDED or DELETED only, restarts and re-activations${scheduler ? ', the scheduler rebuilding the workflow every tick' : ''}: every wanted change exactly once`, async () => {
		await drill({ project: 'churn-n8n', block: '38', events: ['lifecycleStateChanged'], lifecycleStates: ['SUSPENDED', 'DELETED'], n8n: { scheduler, restarts: 4, reactivations: 2 } });
	}, 120_000);

	async function drill(setup: DrillSetup): Promise<void> {
		const { project: PROJECT, block, events, lifecycleStates } = setup;
		const LIST_PATH = `/v1beta1/projects/${PROJECT}/phoneNumberInstances`;
		const random = seededRandom(SEED);
		const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
		let numbers = 0;
		const freshNumber = (size = 1) => {
			const start = numbers;
			numbers += size;
			return `+61${block}060${String(start).padStart(4, '0')}`;
		};

		bed.emu.seedBulk(PROJECT, 300, { startNumber: `+61${block}0500000` });
		bed.emu.seed(PROJECT, [
			{ phoneNumber: `+61${block}0590000`, rangeSize: 50, lifecycleState: 'SUSPENDED' },
			{ phoneNumber: `+61${block}0591000`, lifecycleState: 'PENDING', compliant: false },
			{ phoneNumber: `+61${block}0592000`, lifecycleState: 'DELETED' },
		]);
		const current = (): Map<string, Known> =>
			new Map(
				bed.emu
					.listStored(PROJECT, { includeDeleted: true })
					.map((instance: PhoneNumberInstanceJson) => [instance.name, { state: instance.lifecycleState ?? 'ACTIVE', compliant: instance.compliant === true }]),
			);

		const parameters = { project: PROJECT, events, lifecycleStates, filters: {}, options: {} };
		const watcher = bed.watcher(parameters, credentialId);
		const workflow = setup.n8n ? bed.n8nWorkflow(parameters, { scheduler: setup.n8n.scheduler }, credentialId) : undefined;
		/** The state a poll would start from after a restart: n8n's saved copy, or the carried one. */
		const restartState = () => structuredClone(workflow ? workflow.saved : watcher.workflowStaticData);
		/** One poll, through an activation after a restart or a re-activation when the drill says so. */
		const pollVia = async (via: 'tick' | 'restart' | 'reactivate'): Promise<DrillPoll> => {
			if (!workflow) {
				const result = await watcher.poll();
				if (result.error === undefined && result.result !== null && result.result[0].length === 0) throw new Error('an empty emission without n8n persistence');
				return { items: (result.result?.[0] ?? []).map((item) => item.json), error: result.error, via };
			}
			try {
				if (via === 'reactivate') return { items: await workflow.activate(), via };
				if (via === 'restart') {
					const items = await workflow.start();
					// With the scheduler the poll job exists: no activation poll, the next tick polls.
					return { items: setup.n8n?.scheduler ? await workflow.tick() : items, via };
				}
				return { items: await workflow.tick(), via };
			} catch (error) {
				return { items: [], error: error as Error, via };
			}
		};
		const baseline = workflow ? { items: await workflow.activate() } : await pollVia('tick');
		expect(baseline).toEqual(expect.objectContaining({ items: [] }));

		// The plan: 6 polls whose listing fails for good, 6 with a fault the retries absorb, 8 clean; the last is clean.
		const plan: Array<'fatal' | 'transient' | 'clean'> = [...Array(6).fill('fatal'), ...Array(6).fill('transient'), ...Array(7).fill('clean')];
		for (let index = plan.length - 1; index > 0; index--) {
			const other = Math.floor(random() * (index + 1));
			[plan[index], plan[other]] = [plan[other], plan[index]];
		}
		plan.push('clean');
		/** How each poll is reached: mostly a scheduled tick; with n8n's rule, some after a restart (the churn happens while n8n is down) or a re-activation. */
		const vias: Array<'tick' | 'restart' | 'reactivate'> = plan.map(() => 'tick');
		const slots = [...vias.keys()].slice(0, -1);
		for (const [count, via] of [[setup.n8n?.restarts ?? 0, 'restart'], [setup.n8n?.reactivations ?? 0, 'reactivate']] as const) {
			for (let placed = 0; placed < count; placed++) vias[slots.splice(Math.floor(random() * slots.length), 1)[0]] = via;
		}

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
			if (vias[pollIndex] === 'restart') workflow?.stop();
			churn();
			const label = `poll ${pollIndex + 1} (${kind}, ${vias[pollIndex]}, seed ${SEED})`;
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
			const before = restartState();
			const result = await pollVia(vias[pollIndex]);
			bed.emu.clearFaults();

			// The fault really hit the page it was aimed at (page k is the kth list request of the poll).
			const listed = listRequests(bed.emu);
			if (fault) expect({ label, faulted: listed[page - 1]?.fault !== undefined }).toEqual({ label, faulted: true });

			if (kind === 'fatal') {
				expect({ label, failed: result.error !== undefined, items: result.items }).toEqual({ label, failed: true, items: [] });
				expect({ label, state: restartState() }).toEqual({ label, state: before });
				continue;
			}
			expect({ label, error: result.error?.message }).toEqual({ label, error: undefined });
			// Nothing the trigger must remember is only in memory.
			if (workflow) expect({ label, saved: workflow.saved }).toEqual({ label, saved: workflow.memory });
			const emitted = result.items.map((json) => eventKey(json));
			const now = current();
			const expected = pending.filter((key) => wanted(key, events, lifecycleStates));
			// The drill's own bookkeeping agrees with the snapshots: every change made is observable.
			expect({ label, changes: [...pending].sort() }).toEqual({ label, changes: snapshotDiff(lastGood, now) });
			expect({ label, emitted: [...emitted].sort() }).toEqual({ label, emitted: [...expected].sort() });
			// Tagged with the window (successful poll) they belong to, so a change repeated later is a new key.
			allChanges.push(...expected.map((key) => `${pollIndex}: ${key}`));
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
		expect(allChanges.length).toBeGreaterThan(events.length === ALL_EVENTS.length ? POLLS * 3 : POLLS / 2);
		// And nothing left over: one more poll without churn emits nothing, nor does one after a restart.
		expect((await pollVia('tick')).items).toEqual([]);
		if (workflow) {
			workflow.stop();
			expect((await pollVia('restart')).items).toEqual([]);
			// eslint-disable-next-line no-console
			console.log(`${PROJECT}: ${allEmitted.length} alerts in ${workflow.executions.length} executions (${workflow.executions.filter((items) => items.length === 0).length} without items, saving filtered changes)`);
		}
	}
});
