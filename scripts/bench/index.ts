/**
 * `npm run bench`: how close the nodes come to what the API allows, as ratios measured side by
 * side in one run (absolute times on shared machines are noise).
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';

import { startEmulator } from '../../test/emulator';
import { createHarness } from '../../test/harness';
import { buildIfNeeded } from '../demo/buildIfNeeded';
import { table } from '../demo/table';
import { coldLoadRows } from './coldLoad';
import { createOrUpdateRows } from './createOrUpdate';
import { getManyRows } from './getMany';
import { largeListingRows } from './largeListing';
import { timeMs } from './measure';
import { peerRows } from './peer';
import type { Row } from './rows';
import { verdict } from './rows';
import { triggerPollRows } from './triggerPoll';

const ROOT = join(__dirname, '..', '..');
const N = 10_000;
const BULK = Number(process.env.BENCH_BULK ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const LARGE = Number(process.env.BENCH_LARGE ?? 100_000);

async function main(): Promise<void> {
	buildIfNeeded(ROOT);
	const rows: Row[] = [];
	const emu = await startEmulator();
	const h = await createHarness({ packageDir: ROOT });
	const token = 'bench-token';
	emu.addBearerToken(token, { projects: '*' });
	const { id: credentialId } = h.addCredential({ authentication: 'bearerToken', bearerToken: token, projectId: 'bench', baseUrl: emu.baseUrl });
	emu.seedBulk('bench', N);

	// 1. Get Many, Return All, through the engine vs a bare fetch loop, Simplify off and on.
	rows.push(...(await getManyRows(h, emu, credentialId, token, N, ROUNDS)));

	// 1b. Create or Update matched on a label: the project listed once for the whole run.
	rows.push(...(await createOrUpdateRows(h, emu, credentialId, N, ROUNDS)));

	// 2. The trigger's rows (scripts/bench/triggerPoll.ts): its poll vs its listing, 100,000 numbers, state size.
	rows.push(...(await triggerPollRows(ROOT, ROUNDS)));

	// 3. Bulk gets and updates at 20 ms emulated latency: concurrency 1 vs 10.
	const names = emu.listStored('bench').slice(0, BULK).map((instance) => String(instance.name));
	const items = names.map((name, index) => ({ name, label: `v${index}` }));
	emu.latencyMs = 20;
	for (const operation of ['get', 'update'] as const) {
		const parameters = (concurrency: number) => ({
			resource: 'phoneNumberInstance',
			operation,
			phoneNumberInstance: { __rl: true, mode: 'name', value: '={{ $json.name }}' },
			...(operation === 'update' ? { updateFields: { displayName: '={{ $json.label }}' } } : {}),
			options: { concurrency },
		});
		const run = (concurrency: number) => async () => {
			const result = await h.runNode({ parameters: parameters(concurrency), credentialId, items });
			if (result.error) throw result.error;
			if (result.items.length !== BULK) throw new Error(`expected ${BULK} items, got ${result.items.length}`);
		};
		emu.resetMaxInFlight();
		const sequential = await timeMs(run(1));
		const sequentialInFlight = emu.maxInFlight;
		emu.resetMaxInFlight();
		const parallel = await timeMs(run(10));
		const speedup = sequential / parallel;
		rows.push({
			measure: `${BULK} ${operation}s at 20 ms: concurrency 10 vs 1`,
			value: `${speedup.toFixed(1)}× (${(sequential / 1000).toFixed(1)} s vs ${(parallel / 1000).toFixed(1)} s; in flight ≤ ${sequentialInFlight} / ${emu.maxInFlight})`,
			target: '≥ 5×',
			met: verdict(speedup >= 5 && emu.maxInFlight <= 10),
		});
	}
	emu.latencyMs = 0;
	await emu.close();

	// 4. 100,000 numbers, each size in a fresh process: time and peak memory.
	rows.push(...(await largeListingRows({ small: N, large: LARGE }, ROUNDS)));

	// 5. The peer: n8n's HTTP Request node on the real n8n of .n8n-local, with Get Many beside it.
	rows.push(...(await peerRows(ROOT, N, ROUNDS)));

	// 6. Cold load of the credential and the nodes from dist, against the previous build (scripts/bench/coldLoad.ts).
	rows.push(...coldLoadRows(ROOT));

	const cpu = cpus();
	console.log(`Machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load ${loadavg().map((value) => value.toFixed(2)).join(' ')}, ${new Date().toISOString().slice(0, 10)}`);
	console.log(table(rows as unknown as Array<Record<string, unknown>>, ['measure', 'value', 'target', 'met'], 80));
}

main().catch((error: Error) => {
	console.error(`Bench failed: ${error.message}`);
	process.exitCode = 1;
});
