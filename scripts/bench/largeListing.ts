/**
 * 100,000 numbers: Get Many, Return All, default settings, in a fresh child process per size (so
 * each reports its own peak memory), against the same emulator; the 10,000 run is the reference
 * for "scales linearly".
 */
import { startEmulator } from '../../test/emulator';
import { runChild } from './child';
import type { LargeListingInput, LargeListingResult } from './largeListingChild';
import type { Row } from './rows';
import { verdict } from './rows';

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

export async function largeListingRows(sizes: { small: number; large: number }, rounds: number): Promise<Row[]> {
	const emu = await startEmulator();
	const token = 'bench-large-token';
	emu.addBearerToken(token, { projects: '*' });
	const results: Record<string, LargeListingResult> = {};
	const requests: Record<string, number> = {};
	try {
		for (const n of [sizes.small, sizes.large]) {
			const project = `bench-${n}`;
			emu.seedBulk(project, n);
			const input: LargeListingInput = { baseUrl: emu.baseUrl, token, project, n, rounds: n === sizes.large ? Math.max(1, Math.min(rounds, 3)) : rounds };
			emu.clearLog();
			results[n] = await runChild<LargeListingResult>('largeListingChild.ts', input, process.execPath, ['--expose-gc']);
			// Every run of the child lists the whole project: its first (untimed) run and `rounds` timed ones.
			const lists = emu.requests.filter((request) => request.method === 'GET' && request.path.endsWith(`${project}/phoneNumberInstances`)).length;
			requests[n] = lists / (input.rounds + 1);
		}
	} finally {
		await emu.close();
	}
	const small = results[sizes.small];
	const large = results[sizes.large];
	const factor = large.medianMs / small.medianMs;
	const limit = (sizes.large / sizes.small) * 1.1;
	const memory = (result: LargeListingResult) =>
		`peak RSS ${mib(result.peakRss)} (from ${mib(result.rssBefore)}), peak heap ${mib(result.peakHeap)} (from ${mib(result.heapBefore)}), heap holding the items ${mib(result.heapWithItems)}`;
	return [
		{ measure: `Get Many all ${sizes.large} (default settings): items, requests`, value: `${large.items}, ${requests[sizes.large]}`, target: `${sizes.large}, ${Math.ceil(sizes.large / 100)}`, met: verdict(large.items === sizes.large && requests[sizes.large] === Math.ceil(sizes.large / 100)) },
		{ measure: `Get Many all ${sizes.large} vs ${sizes.small} (default settings, fresh processes)`, value: `${factor.toFixed(1)}× (${(large.medianMs / 1000).toFixed(2)} s vs ${small.medianMs.toFixed(0)} ms)`, target: `≤ ${limit.toFixed(0)}×`, met: verdict(factor <= limit) },
		{ measure: `Get Many all ${sizes.small}: memory`, value: memory(small), target: 'reported', met: 'yes' },
		{ measure: `Get Many all ${sizes.large}: memory`, value: memory(large), target: 'reported', met: 'yes' },
	];
}
