/**
 * Fault drills for the seven operations: each fault the request helper's policy covers, injected
 * into the request that matters, and the promised outcome checked in the output, the error and
 * the emulator's request log and state.
 *
 * Policy (README "Errors and retries", declared per call in nodes/Enfonica/api): reads, PATCH and
 * DELETE are retried on 429/5xx, network errors and unreadable bodies; create, move and splitRange
 * only on 429. A change whose outcome is unclear is never sent again: a read tells what happened
 * (done → the item succeeds with what the read found; not done → an error saying so); only when the
 * read fails too does the error say the change may have happened and how to check. Which calls
 * change something, and which are sent once, is read from the catalogue.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { EnfonicaCall, PathArgs } from '../../nodes/Enfonica/api';
import { isOneOffChange, pathOf, phoneNumberInstances } from '../../nodes/Enfonica/api';
import type { FaultSpec, RequestLogEntry } from '../emulator';
import { FAULT_NAMES, FAULTS, isOneOffRequest, postsSentTwice, requestsTo } from '../support/drills';
import { byPhone, params } from '../support/operations';
import type { TestBed } from '../support/setup';
import { byName, useTestBed } from '../support/setup';

type RunResult = Awaited<ReturnType<TestBed['h']['runNode']>>;

interface Drill {
	parameters: IDataObject;
	/** The request the fault is aimed at. */
	target: { method: string; path: string };
	/** How many times the change is visible in the emulator's state (create: instances holding the number). */
	applied(): number;
	/** What a successful run outputs. */
	checkOutput(result: RunResult): void;
}

const LIST = (project: string) => pathOf(phoneNumberInstances.list, { parent: `projects/${project}` });

/** The call each drilled operation's own request is, from the node's catalogue. */
const CALL_OF: Record<string, EnfonicaCall> = {
	create: phoneNumberInstances.create,
	get: phoneNumberInstances.get,
	getMany: phoneNumberInstances.list,
	update: phoneNumberInstances.update,
	delete: phoneNumberInstances.delete,
	move: phoneNumberInstances.move,
	splitRange: phoneNumberInstances.splitRange,
};
/** Operations whose change must not happen twice (the catalogue says which): sent again only after a 429. */
const SENT_ONCE = new Set(Object.keys(CALL_OF).filter((operation) => isOneOffChange(CALL_OF[operation])));
/** The request an operation's drill aims at: its call on that resource. */
const requestOf = (operation: string, resource: PathArgs) => ({ method: CALL_OF[operation].http, path: pathOf(CALL_OF[operation], resource) });

describe('fault drills: every operation × every fault', () => {
	const bed = useTestBed('acme', { timeoutSeconds: 1 });
	let credentialId: string;
	/** Every request of the file, kept across clearLog() for the final no-double-POST check. */
	const everything: RequestLogEntry[] = [];
	let numbers = 0;
	let buys = 0;
	/** A fresh seeded number (or the start of a fresh range) in 03 7020 xxxx. */
	const fresh = (size = 1) => {
		const start = numbers;
		numbers += size;
		return `+6137020${String(start).padStart(4, '0')}`;
	};
	const seedOne = (project = 'acme', extra: IDataObject = {}) => bed.emu.seed(project, [{ phoneNumber: fresh(), displayName: 'Before', labels: { team: 'ops' }, ...extra }])[0];

	const drills: Record<string, () => Drill> = {
		create: () => {
			// A number libphonenumber accepts (02 5550 3xxx), new for every drill.
			const phoneNumber = `+61255503${String(buys++).padStart(3, '0')}`;
			return {
				parameters: params('create', { phoneNumber, additionalFields: { displayName: 'Drill' } }),
				target: requestOf('create', { parent: 'projects/acme' }),
				applied: () => bed.emu.listStored('acme', { includeDeleted: true }).filter((instance) => instance.phoneNumber.phoneNumber === phoneNumber).length,
				checkOutput: (result) => expect(result.items.map((item) => item.json.phoneNumber)).toEqual([phoneNumber]),
			};
		},
		get: () => {
			const { name } = seedOne();
			return {
				parameters: params('get', { phoneNumberInstance: byName(name) }),
				target: requestOf('get', { name }),
				applied: () => 0,
				checkOutput: (result) => expect(result.items.map((item) => item.json.name)).toEqual([name]),
			};
		},
		getMany: () => {
			const { name, phoneNumber } = seedOne();
			return {
				parameters: params('getMany', { returnAll: true, filters: { prefix: phoneNumber.phoneNumber } }),
				target: requestOf('getMany', { parent: 'projects/acme' }),
				applied: () => 0,
				checkOutput: (result) => expect(result.items.map((item) => item.json.name)).toEqual([name]),
			};
		},
		update: () => {
			const { name } = seedOne();
			return {
				parameters: params('update', { phoneNumberInstance: byName(name), updateFields: { displayName: 'After' } }),
				target: requestOf('update', { name }),
				applied: () => (bed.emu.getInstance(name)?.displayName === 'After' ? 1 : 0),
				checkOutput: (result) => expect(result.items.map((item) => item.json.displayName)).toEqual(['After']),
			};
		},
		delete: () => {
			const { name } = seedOne();
			return {
				parameters: params('delete', { phoneNumberInstance: byName(name) }),
				target: requestOf('delete', { name }),
				applied: () => (bed.emu.getInstance(name)?.lifecycleState === 'DELETED' ? 1 : 0),
				checkOutput: (result) => expect(result.items.map((item) => item.json.lifecycleState)).toEqual(['DELETED']),
			};
		},
		move: () => {
			const { name } = seedOne();
			const moved = name.replace('projects/acme/', 'projects/acme-archive/');
			return {
				parameters: params('move', { phoneNumberInstance: byName(name), destinationProject: 'acme-archive' }),
				target: requestOf('move', { name }),
				applied: () => (bed.emu.getInstance(moved) ? 1 : 0),
				checkOutput: (result) => expect(result.items.map((item) => item.json.name)).toEqual([moved]),
			};
		},
		splitRange: () => {
			const start = fresh(10);
			const [{ name }] = bed.emu.seed('acme', [{ phoneNumber: start, rangeSize: 10 }]);
			return {
				parameters: params('splitRange', { phoneNumberInstance: byName(name), size: 4, outputFormat: 'selectedFields', fields: ['range'] }),
				target: requestOf('splitRange', { name }),
				// Split once: the original keeps 4 and exactly one new range holds the other 6.
				applied: () => {
					const halves = bed.emu.listStored('acme').filter((instance) => instance.range && instance.range.startPhoneNumber >= start && instance.range.startPhoneNumber < fresh(0));
					return bed.emu.getInstance(name)?.range?.size === 4 ? halves.length - 1 : 0;
				},
				checkOutput: (result) => {
					const { first, second } = result.items[0].json as { first: IDataObject; second: IDataObject };
					expect([first.range, second.range]).toEqual([expect.objectContaining({ size: 4 }), expect.objectContaining({ size: 6 })]);
				},
			};
		},
	};
	const run = async (parameters: IDataObject, extra: { items?: IDataObject[]; continueOnFail?: boolean } = {}) =>
		await bed.h.runNode({ parameters: parameters as INodeParameters, credentialId, ...extra });

	/** The request log shows the fault was hit: the faulted attempt, then (if retried) a clean one. */
	const expectRetriedOnce = (requests: RequestLogEntry[], fault: FaultSpec) => {
		expect(requests.map((request) => request.fault === undefined)).toEqual([false, true]);
		expect(requests[1].status).toBe(200);
		if (fault.kind === 'status' && fault.retryAfterSeconds) {
			// Retry-After honoured: the retry left at least that long after the refusal.
			expect(requests[1].startedAt - requests[0].endedAt).toBeGreaterThanOrEqual(fault.retryAfterSeconds * 1000 - 50);
		}
	};
	/** A change that did not happen, as a read after the unclear answer showed: the error says so, and that a re-run is safe. */
	const expectNotDone = (result: RunResult, operation: string) => {
		expect(result.items).toEqual([]);
		const what = { create: 'was not bought', move: 'was not moved', splitRange: 'was not split' }[operation];
		expect(result.error?.message).toMatch(new RegExp(`^\\S+ ${what}: no clear answer from Enfonica \\((HTTP 5\\d\\d|timed out|connection failed|malformed JSON)\\)$`));
		expect(result.error?.description).toMatch(/Running the workflow again is safe/);
	};

	beforeAll(async () => {
		const key = bed.emu.createServiceAccount({ projectId: 'acme', projects: ['acme', 'acme-archive', 'lookup', 'bulk'] });
		credentialId = bed.h.addCredential({ authentication: 'serviceAccountKey', serviceAccountKey: JSON.stringify(key), baseUrl: bed.emu.baseUrl, tokenUrl: bed.emu.tokenUrl, timeoutSeconds: 1 }).id;
		bed.emu.seedBulk('bulk', 250, { startNumber: '+61370300000' });
		// Many numbers starting with the looked-up number, so the locator's prefix lookup spans two pages.
		bed.emu.seed('lookup', [{ phoneNumber: '+61370400000', displayName: 'Target' }]);
		bed.emu.seed('lookup', Array.from({ length: 150 }, (_, index) => ({ phoneNumber: `+61370400000${String(index).padStart(3, '0')}` })));
		// Fetch the access token up front, so the logs below hold API calls only.
		expect((await run(params('get', { phoneNumberInstance: byName(seedOne().name) }))).error).toBeUndefined();
	});
	beforeEach(() => {
		bed.emu.clearFaults();
		everything.push(...bed.emu.requests);
		bed.emu.clearLog();
	});

	describe('a fault on the operation\'s own request', () => {
		const matrix = Object.keys(drills).flatMap((operation) => FAULT_NAMES.map((fault) => [operation, fault] as const));

		it.each(matrix)('%s × %s', async (operation, faultName) => {
			const drill = drills[operation]();
			const fault = FAULTS[faultName];
			bed.emu.injectFault({ ...drill.target, fault });
			const result = await run(drill.parameters);
			const targeted = requestsTo(bed.emu, drill.target.method, drill.target.path);

			if (!SENT_ONCE.has(operation) || faultName.startsWith('429')) {
				// Retried and succeeded: the output is whole and the change (if any) happened once.
				expect(result.error).toBeUndefined();
				drill.checkOutput(result);
				expectRetriedOnce(targeted, fault);
				if (CALL_OF[operation].effect.changes) expect(drill.applied()).toBe(1);
			} else {
				// A change sent once whose answer was unclear: sent once, nothing done (the fault came first), and a read says so.
				expectNotDone(result, operation);
				expect(targeted).toHaveLength(1);
				expect(drill.applied()).toBe(0);
			}
		});
	});

	describe('the change happened but the answer was lost (applyAfterProcessing)', () => {
		const matrix = [...SENT_ONCE].flatMap((operation) => FAULT_NAMES.filter((fault) => !fault.startsWith('429')).map((fault) => [operation, fault] as const));

		it.each(matrix)('%s × %s: sent once, applied once, a read finds it done and the item succeeds', async (operation, faultName) => {
			const drill = drills[operation]();
			bed.emu.injectFault({ ...drill.target, fault: FAULTS[faultName], applyAfterProcessing: true });
			const result = await run(drill.parameters);
			expect(result.error).toBeUndefined();
			drill.checkOutput(result);
			expect(requestsTo(bed.emu, drill.target.method, drill.target.path)).toHaveLength(1);
			expect(drill.applied()).toBe(1);
		});

		it.each([...SENT_ONCE])('%s × 503, and the read after it fails too: the error says the change may have happened', async (operation) => {
			const drill = drills[operation]();
			bed.emu.injectFault({ ...drill.target, fault: FAULTS['503 Unavailable'], applyAfterProcessing: true });
			// Every read after the POST fails (Split Range reads the range once before it).
			bed.emu.injectFault({ method: 'GET', nth: operation === 'splitRange' ? 2 : 1, times: 10, fault: { kind: 'status', status: 503 } });
			const result = await run(drill.parameters);
			expect(result.items).toEqual([]);
			const what = { create: 'the number may have been bought', move: 'the instance may have been moved', splitRange: 'the range may have been split' }[operation];
			expect(result.error?.description).toContain(what);
			expect(result.error?.description).toMatch(/not retried automatically/);
			expect(requestsTo(bed.emu, drill.target.method, drill.target.path)).toHaveLength(1);
			expect(drill.applied()).toBe(1);
		});

		// PATCH is retried after a lost answer: sending the same fields again must end in the same state.
		it.each(FAULT_NAMES.filter((fault) => !fault.startsWith('429')))('update × %s: retried, same result', async (faultName) => {
			const drill = drills.update();
			bed.emu.injectFault({ ...drill.target, fault: FAULTS[faultName], applyAfterProcessing: true });
			const result = await run(drill.parameters);
			expect(result.error).toBeUndefined();
			drill.checkOutput(result);
			expect(requestsTo(bed.emu, drill.target.method, drill.target.path)).toHaveLength(2);
		});

		// DELETE is retried after a lost answer; Enfonica refuses the retry ("already deleted"): the delete did happen.
		it.each(FAULT_NAMES.filter((fault) => !fault.startsWith('429')))('delete × %s: retried, refused as already deleted, reported as deleted', async (faultName) => {
			const drill = drills.delete();
			bed.emu.injectFault({ ...drill.target, fault: FAULTS[faultName], applyAfterProcessing: true });
			const result = await run(drill.parameters);
			expect(result.error).toBeUndefined();
			drill.checkOutput(result);
			expect(requestsTo(bed.emu, drill.target.method, drill.target.path).map((request) => request.status)).toEqual([faultName === 'malformed JSON' ? 200 : expect.any(Number), 400]);
			expect(drill.applied()).toBe(1);
		});

		it('delete of an instance deleted long before still fails as not deletable', async () => {
			const { name } = seedOne('acme', { lifecycleState: 'DELETED' });
			// Deleted an hour ago (the emulator stamps seeds with now).
			const stored = (bed.emu as unknown as { core: { store: { getByName(name: string): { deleteTime?: number } } } }).core.store.getByName(name);
			stored.deleteTime = Date.now() - 3_600_000;
			const result = await run(params('delete', { phoneNumberInstance: byName(name) }));
			expect(result.error?.message).toBe('The instance is not in a state that allows delete');
			expect(result.error?.description).toMatch(/Enfonica answered HTTP 400 FAILED_PRECONDITION: .*already deleted/);
		});
	});

	describe('a fault on the lookup before the change', () => {
		const lookups: Record<string, () => Drill & { lookup: { method: string; path: string } }> = {
			// Split Range fetches the range first.
			splitRange: () => {
				const drill = drills.splitRange();
				return { ...drill, lookup: { method: 'GET', path: drill.target.path.replace(/:splitRange$/, '') } };
			},
			// Update in Merge mode reads the current labels first.
			'update (merge labels)': () => {
				const { name } = seedOne();
				return {
					parameters: params('update', { phoneNumberInstance: byName(name), labelsMode: 'merge', updateFields: { labels: { label: [{ key: 'tier', value: 'gold' }] } }, outputFormat: 'selectedFields', fields: ['labels'] }),
					target: { method: 'PATCH', path: `/v1beta1/${name}` },
					lookup: { method: 'GET', path: `/v1beta1/${name}` },
					applied: () => (JSON.stringify(bed.emu.getInstance(name)?.labels) === JSON.stringify({ team: 'ops', tier: 'gold' }) ? 1 : 0),
					checkOutput: (result) => expect(result.items.map((item) => item.json.labels)).toEqual([{ team: 'ops', tier: 'gold' }]),
				};
			},
			// By Phone Number lists the project with the number as prefix first.
			'move (by phone number)': () => {
				const { name, phoneNumber } = seedOne();
				const moved = name.replace('projects/acme/', 'projects/acme-archive/');
				return {
					parameters: params('move', { phoneNumberInstance: byPhone(phoneNumber.phoneNumber), destinationProject: 'acme-archive' }),
					target: requestOf('move', { name }),
					lookup: { method: 'GET', path: LIST('acme') },
					applied: () => (bed.emu.getInstance(moved) ? 1 : 0),
					checkOutput: (result) => expect(result.items.map((item) => item.json.name)).toEqual([moved]),
				};
			},
		};
		const matrix = Object.keys(lookups).flatMap((operation) => FAULT_NAMES.map((fault) => [operation, fault] as const));

		it.each(matrix)('%s × %s on the lookup: retried, then the change is sent once', async (operation, faultName) => {
			const drill = lookups[operation]();
			bed.emu.injectFault({ ...drill.lookup, fault: FAULTS[faultName] });
			const result = await run(drill.parameters);
			expect(result.error).toBeUndefined();
			drill.checkOutput(result);
			expectRetriedOnce(requestsTo(bed.emu, drill.lookup.method, drill.lookup.path), FAULTS[faultName]);
			expect(requestsTo(bed.emu, drill.target.method, drill.target.path).map((request) => request.status)).toEqual([200]);
			expect(drill.applied()).toBe(1);
		});

		it('a lookup that keeps failing stops before the change is sent', async () => {
			const drill = lookups['move (by phone number)']();
			bed.emu.injectFault({ ...drill.lookup, times: 5, fault: { kind: 'status', status: 503 } });
			const result = await run(drill.parameters);
			expect(result.error?.message).toMatch(/^Enfonica had a temporary problem/);
			expect(result.error?.message).toMatch(/temporary problem \(tried 5 times\)/);
			expect(requestsTo(bed.emu, drill.lookup.method, drill.lookup.path)).toHaveLength(5);
			expect(requestsTo(bed.emu, drill.target.method, drill.target.path)).toEqual([]);
			expect(drill.applied()).toBe(0);
		});
	});

	describe('failure on page k of a listing', () => {
		const bulkNames = () => bed.emu.listStored('bulk').map((instance) => instance.name);
		const matrix = [...FAULT_NAMES.map((fault) => [fault, 2] as const), ['503 Unavailable', 3] as const, ['connection reset', 3] as const];

		it.each(matrix)('Get Many (Return All, 3 pages) × %s on page %s: retried, every instance once', async (faultName, page) => {
			bed.emu.injectFault({ method: 'GET', path: LIST('bulk'), nth: page, fault: FAULTS[faultName] });
			const result = await run(params('getMany', { project: 'bulk', returnAll: true }));
			expect(result.error).toBeUndefined();
			expect(result.items.map((item) => item.json.name)).toEqual(bulkNames());
			const listed = requestsTo(bed.emu, 'GET', LIST('bulk'));
			expect(listed).toHaveLength(4);
			// The faulted request asked for page k (a page token) and its retry asked for the same page.
			expect(listed[page - 1].fault).toBeDefined();
			expect(listed[page - 1].query.pageToken).toBeDefined();
			expect(listed[page].query.pageToken).toBe(listed[page - 1].query.pageToken);
		});

		it('Get Many: page 2 failing on every attempt gives a clear error and no partial output', async () => {
			bed.emu.injectFault({ method: 'GET', path: LIST('bulk'), nth: 2, times: 5, fault: { kind: 'status', status: 503 } });
			const result = await run(params('getMany', { project: 'bulk', returnAll: true }));
			expect(result.items).toEqual([]);
			expect(result.error?.message).toMatch(/^Enfonica had a temporary problem/);
			expect(result.error?.message).toMatch(/tried 5 times/);
			expect(requestsTo(bed.emu, 'GET', LIST('bulk'))).toHaveLength(6);
		});

		it.each(FAULT_NAMES)('phone number locator: prefix lookup (2 pages) × %s on page 2, then one move', async (faultName) => {
			const [target] = bed.emu.listStored('lookup').filter((instance) => instance.displayName === 'Target');
			bed.emu.injectFault({ method: 'GET', path: LIST('lookup'), nth: 2, fault: FAULTS[faultName] });
			const result = await run(params('move', { project: 'lookup', phoneNumberInstance: byPhone('+61370400000'), destinationProject: 'acme-archive' }));
			expect(result.error).toBeUndefined();
			expect(result.items.map((item) => item.json.phoneNumber)).toEqual(['+61370400000']);
			const listed = requestsTo(bed.emu, 'GET', LIST('lookup'));
			expect(listed.map((request) => request.query.prefix)).toEqual(['+61370400000', '+61370400000', '+61370400000']);
			expect(listed[1].fault).toBeDefined();
			expect(requestsTo(bed.emu, 'POST', `/v1beta1/${target.name}:move`).map((request) => request.status)).toEqual([200]);
			// Move it back for the next drill (outside the node, not logged as a drill request).
			bed.emu.purge(target.name.replace('projects/lookup/', 'projects/acme-archive/'));
			bed.emu.seed('lookup', [{ phoneNumber: '+61370400000', displayName: 'Target' }]);
		});
	});

	it('continue on fail: a 503 on item 2 of 3 creates fails that item only; the others are bought once each', async () => {
		const phoneNumbers = [0, 1, 2].map(() => `+61255503${String(buys++).padStart(3, '0')}`);
		bed.emu.injectFault({ method: 'POST', path: LIST('acme'), nth: 2, fault: { kind: 'status', status: 503 } });
		const result = await run(params('create', { phoneNumber: '={{ $json.number }}', additionalFields: {} }), {
			items: phoneNumbers.map((number) => ({ number })),
			continueOnFail: true,
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => [item.json.phoneNumber ?? item.json.error, item.pairedItem])).toEqual([
			[phoneNumbers[0], { item: 0 }],
			[expect.stringMatching(/was not bought: no clear answer from Enfonica/), { item: 1 }],
			[phoneNumbers[2], { item: 2 }],
		]);
		expect(result.items[1].json.error).toBe(`${phoneNumbers[1]} was not bought: no clear answer from Enfonica (HTTP 503)`);
		expect(requestsTo(bed.emu, 'POST', LIST('acme'))).toHaveLength(3);
		const stored = bed.emu.listStored('acme').map((instance) => instance.phoneNumber.phoneNumber);
		expect(phoneNumbers.map((number) => stored.filter((candidate) => candidate === number).length)).toEqual([1, 0, 1]);
	});

	it('across every drill above, no create, move or split was sent again unless Enfonica had answered 429', () => {
		everything.push(...bed.emu.requests);
		const sentOnce = everything.filter(isOneOffRequest);
		expect(sentOnce.length).toBeGreaterThan(40);
		expect(postsSentTwice(everything)).toEqual([]);
	});
});
