/**
 * The trigger's bench rows (issue 12): one poll at the cost of its listing. Kept in its own file
 * so the Get Many / HTTP Request rows in index.ts can change independently.
 *
 * - 10,000 numbers: a poll with nothing changed (the common case) vs Get Many, Return All,
 *   Simplify off over the same project, run alternately in the same engine (`sideBySide`).
 *   Both list with `includeDeleted=true` semantics where the node does (the trigger always does).
 * - 100,000 numbers: one poll, its time against the 10,000 poll, the process's peak memory while
 *   it runs, and the saved state's size per number. The emulator sorts the whole project for
 *   every page (its cost grows with N² over a full listing), so both polls of this scaling row
 *   list from the page replay (./pageReplay) of the emulator's own pages: a source whose cost
 *   is linear, so the row measures the node's scaling, not the emulator's.
 * Run alone: `node -r ts-node/register/transpile-only scripts/bench/triggerPoll.ts`.
 */
import { join } from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import { readSnapshot } from '../../nodes/Enfonica/trigger/state';
import type { Emulator } from '../../test/emulator';
import { startEmulator } from '../../test/emulator';
import type { Harness } from '../../test/harness';
import { createHarness } from '../../test/harness';
import { sideBySide, timeMs } from './measure';
import { startPageReplay } from './pageReplay';
import type { Row } from './rows';
import { verdict } from './rows';

const TEN_K = 10_000;
const HUNDRED_K = 100_000;
const EVENTS = ['lifecycleStateChanged', 'complianceChanged', 'instanceAdded', 'instanceRemoved'];

interface Bed { emu: Emulator; h: Harness; credentialId: string }

/** A poll with nothing changed, from `staticData`; throws on a poll error or an unexpected emission. */
async function silentPoll(bed: Bed, project: string, staticData: IDataObject | undefined): Promise<IDataObject> {
	const poll = await bed.h.poll({ parameters: { project, events: EVENTS }, credentialId: bed.credentialId, staticData });
	if (poll.error) throw poll.error;
	if (staticData !== undefined && poll.result !== null) throw new Error('the bench project changed between polls');
	return poll.staticData;
}

/** Peak of the process's heap + external memory, sampled every 2 ms while `fn` runs (and RSS peak). */
async function peakMemory(fn: () => Promise<unknown>): Promise<{ ms: number; heapPeakMiB: number; heapBaseMiB: number; rssPeakMiB: number }> {
	global.gc?.();
	const used = () => {
		const memory = process.memoryUsage();
		return memory.heapUsed + memory.external + memory.arrayBuffers;
	};
	const base = used();
	let peak = base;
	let rssPeak = process.memoryUsage().rss;
	const sampler = setInterval(() => {
		peak = Math.max(peak, used());
		rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
	}, 2);
	try {
		const ms = await timeMs(fn);
		peak = Math.max(peak, used());
		return { ms, heapPeakMiB: peak / 2 ** 20, heapBaseMiB: base / 2 ** 20, rssPeakMiB: rssPeak / 2 ** 20 };
	} finally {
		clearInterval(sampler);
	}
}

/** The trigger rows; `rounds` as for the other side-by-side rows. */
export async function triggerPollRows(root: string, rounds: number, log: (line: string) => void = () => {}): Promise<Row[]> {
	const rows: Row[] = [];
	const emu = await startEmulator();
	try {
		const h = await createHarness({ packageDir: root });
		const token = 'bench-trigger-token';
		emu.addBearerToken(token, { projects: '*' });
		const { id: credentialId } = h.addCredential({ authentication: 'bearerToken', bearerToken: token, projectId: 'trigger-10k', baseUrl: emu.baseUrl });
		const bed = { emu, h, credentialId };
		const listRequests = () => emu.requests.filter((request) => request.method === 'GET' && request.path.endsWith('/phoneNumberInstances')).length;

		// 10,000: a silent poll vs Get Many Simplify off (its listing), alternately.
		emu.seedBulk('trigger-10k', TEN_K, { startNumber: '+61370000000' });
		const baseline = await silentPoll(bed, 'trigger-10k', undefined);
		emu.clearLog();
		await silentPoll(bed, 'trigger-10k', baseline);
		const pollRequests = listRequests();
		const getManyOff = async () => {
			const run = await h.runNode({ parameters: { resource: 'phoneNumberInstance', operation: 'getMany', project: 'trigger-10k', returnAll: true, outputFormat: 'raw', filters: { includeDeleted: true } }, credentialId });
			if (run.error) throw run.error;
			if (run.items.length !== TEN_K) throw new Error(`Get Many returned ${run.items.length} items`);
		};
		const times = await sideBySide(rounds, async () => await silentPoll(bed, 'trigger-10k', baseline), getManyOff);
		const ratio = times.a / times.b;
		const bytes10k = Buffer.byteLength(JSON.stringify(baseline)) / TEN_K;
		rows.push({ measure: `Trigger poll over ${TEN_K.toLocaleString('en')}, nothing changed: requests`, value: String(pollRequests), target: `${TEN_K / 100}`, met: verdict(pollRequests === TEN_K / 100) });
		rows.push({ measure: `Trigger poll over ${TEN_K.toLocaleString('en')} vs Get Many all, Simplify off (its listing)`, value: `${ratio.toFixed(2)}× (${times.a.toFixed(0)} vs ${times.b.toFixed(0)} ms)`, target: '≤ 1.10×', met: verdict(ratio <= 1.1) });
		log(`trigger 10k: poll ${times.a.toFixed(1)} ms, Get Many off ${times.b.toFixed(1)} ms`);

		// Scaling: 10,000 and 100,000 from linear-cost static pages; 100,000 with memory sampled.
		emu.seedBulk('trigger-100k', HUNDRED_K, { startNumber: '+61380000000' });
		const scaled = async (project: string, count: number) => {
			const pages = await startPageReplay(emu, [project], token, { includeDeleted: true });
			try {
				const { id } = h.addCredential({ authentication: 'bearerToken', bearerToken: token, projectId: project, baseUrl: pages.baseUrl });
				const at = { emu, h, credentialId: id };
				let state = await silentPoll(at, project, undefined);
				state = await silentPoll(at, project, state);
				const polls: number[] = [];
				let memory: Awaited<ReturnType<typeof peakMemory>> | undefined;
				for (let round = 0; round < Math.max(1, Math.ceil(rounds / 2)); round++) {
					const measured = await peakMemory(async () => await silentPoll(at, project, state));
					polls.push(measured.ms);
					if (!memory || measured.heapPeakMiB > memory.heapPeakMiB) memory = measured;
				}
				polls.sort((a, b) => a - b);
				const saved = readSnapshot(state, String(state.scope))?.size;
				if (saved !== count) throw new Error(`${project}: state holds ${saved} numbers, not ${count}`);
				return { ms: polls[Math.floor(polls.length / 2)], memory: memory!, bytes: Buffer.byteLength(JSON.stringify(state)) };
			} finally {
				await pages.close();
			}
		};
		const small = await scaled('trigger-10k', TEN_K);
		const large = await scaled('trigger-100k', HUNDRED_K);
		const scale = large.ms / small.ms;
		rows.push({ measure: `Trigger poll over ${HUNDRED_K.toLocaleString('en')} vs over ${TEN_K.toLocaleString('en')} (static pages)`, value: `${scale.toFixed(1)}× (${large.ms.toFixed(0)} vs ${small.ms.toFixed(0)} ms)`, target: '≤ 11×', met: verdict(scale <= 11) });
		rows.push({
			measure: `Trigger poll over ${HUNDRED_K.toLocaleString('en')}: peak memory`,
			value: `heap+buffers ${large.memory.heapPeakMiB.toFixed(0)} MiB (+${(large.memory.heapPeakMiB - large.memory.heapBaseMiB).toFixed(0)} during the poll), RSS ${large.memory.rssPeakMiB.toFixed(0)} MiB`,
			target: 'reported',
			met: 'yes',
		});
		rows.push({ measure: 'Trigger saved state: bytes per number (10,000 / 100,000)', value: `${bytes10k.toFixed(1)} / ${(large.bytes / HUNDRED_K).toFixed(1)} (${(large.bytes / 2 ** 20).toFixed(1)} MiB at 100,000)`, target: '≤ 48', met: verdict(bytes10k <= 48 && large.bytes / HUNDRED_K <= 48) });
	} finally {
		await emu.close();
	}
	return rows;
}

if (require.main === module) {
	const root = join(__dirname, '..', '..');
	triggerPollRows(root, Number(process.env.BENCH_ROUNDS ?? 5), (line) => console.log(line))
		.then((rows) => {
			for (const row of rows) console.log(`${row.measure}: ${row.value} (target ${row.target}: ${row.met})`);
		})
		.catch((error: Error) => {
			console.error(`Trigger bench failed: ${error.message}`);
			process.exitCode = 1;
		});
}
