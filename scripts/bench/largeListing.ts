/**
 * 100,000 numbers: Get Many, Return All, default settings, in a fresh child process per size (so
 * each reports its own peak memory); the 10,000 run is the reference for "scales linearly". Both
 * list the emulator's pages replayed at constant cost per page (pageReplay.ts), with a bare fetch
 * loop over the same pages beside them.
 */
import { startEmulator } from '../../test/emulator';
import { bareListAll } from './bareList';
import { runChild } from './child';
import { timeMs } from './measure';
import { startPageReplay } from './pageReplay';
import type { LargeListingInput, LargeListingResult } from './largeListingChild';
import type { Row } from './rows';
import { verdict } from './rows';

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

export async function largeListingRows(sizes: { small: number; large: number }, rounds: number): Promise<Row[]> {
	const emu = await startEmulator();
	const token = 'bench-large-token';
	const results: Record<string, LargeListingResult> = {};
	const requests: Record<string, number> = {};
	const bare: Record<string, number> = {};
	const projects = [sizes.small, sizes.large].map((n) => `bench-${n}`);
	// Consecutive AU numbers, as the 10,000 of the other rows; each size its own block.
	emu.seedBulk(projects[0], sizes.small, { startNumber: '+61370100000' });
	emu.seedBulk(projects[1], sizes.large, { startNumber: '+61370200000' });
	const replay = await startPageReplay(emu, projects, token);
	await emu.close();
	try {
		for (const n of [sizes.small, sizes.large]) {
			const project = `bench-${n}`;
			const input: LargeListingInput = { baseUrl: replay.baseUrl, token, project, n, rounds: n === sizes.large ? Math.max(1, Math.min(rounds, 3)) : rounds };
			replay.lists.clear();
			results[n] = await runChild<LargeListingResult>('largeListingChild.ts', input, process.execPath, ['--expose-gc']);
			// Every run of the child lists the whole project: its first (untimed) run and `rounds` timed ones.
			requests[n] = (replay.lists.get(project) ?? 0) / (input.rounds + 1);
			await bareListAll(replay.baseUrl, project, token);
			bare[n] = await timeMs(async () => await bareListAll(replay.baseUrl, project, token));
		}
	} finally {
		await replay.close();
	}
	const small = results[sizes.small];
	const large = results[sizes.large];
	const factor = large.medianMs / small.medianMs;
	const limit = (sizes.large / sizes.small) * 1.1;
	const memory = (result: LargeListingResult) =>
		`RSS ${mib(result.rssBefore)} → peak ${mib(result.peakRss)}; heap ${mib(result.heapBefore)} → peak ${mib(result.peakHeap)}, ${mib(result.heapWithItems)} holding the items`;
	return [
		{ measure: `Get Many all ${sizes.large} (default settings): items, requests`, value: `${large.items}, ${requests[sizes.large]}`, target: `${sizes.large}, ${Math.ceil(sizes.large / 100)}`, met: verdict(large.items === sizes.large && requests[sizes.large] === Math.ceil(sizes.large / 100)) },
		{ measure: `Get Many all ${sizes.large} vs ${sizes.small} (default settings, fresh processes, replayed pages)`, value: `${factor.toFixed(1)}× (${(large.medianMs / 1000).toFixed(2)} s vs ${small.medianMs.toFixed(0)} ms)`, target: `≤ ${limit.toFixed(0)}×`, met: verdict(factor <= limit) },
		{ measure: `… a bare fetch loop over the same replayed pages, ${sizes.large} vs ${sizes.small}`, value: `${(bare[sizes.large] / bare[sizes.small]).toFixed(1)}× (${(bare[sizes.large] / 1000).toFixed(2)} s vs ${bare[sizes.small].toFixed(0)} ms)`, target: 'reported', met: '–' },
		{ measure: `Get Many all ${sizes.small}: memory`, value: memory(small), target: 'reported', met: 'yes' },
		{ measure: `Get Many all ${sizes.large}: memory`, value: memory(large), target: 'reported', met: 'yes' },
	];
}
