/** Child of largeListing.ts: one Get Many size in a fresh process, its time and memory. */
import { getHeapStatistics } from 'node:v8';
import { join } from 'node:path';

import { createHarness } from '../../test/harness';
import { childInput, childOutput } from './child';
import { median, timeMs } from './measure';

export interface LargeListingInput {
	baseUrl: string;
	token: string;
	project: string;
	n: number;
	rounds: number;
}

export interface LargeListingResult {
	items: number;
	medianMs: number;
	rssBefore: number;
	heapBefore: number;
	/** process.resourceUsage().maxRSS: the process's peak resident set, in bytes. */
	peakRss: number;
	/** The largest used heap sampled every 2 ms during the first (untimed) run. */
	peakHeap: number;
	/** Used heap after a full GC with the run's output items still referenced. */
	heapWithItems: number;
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

async function main(): Promise<void> {
	const input = childInput<LargeListingInput>();
	const h = await createHarness({ packageDir: join(__dirname, '..', '..') });
	const { id: credentialId } = h.addCredential({ authentication: 'bearerToken', bearerToken: input.token, projectId: input.project, baseUrl: input.baseUrl });
	const run = async () => {
		const result = await h.runNode({ parameters: { resource: 'phoneNumberInstance', operation: 'getMany', returnAll: true }, credentialId });
		if (result.error) throw result.error;
		return result;
	};
	gc();
	const rssBefore = process.memoryUsage().rss;
	const heapBefore = process.memoryUsage().heapUsed;
	let peakHeap = heapBefore;
	const sampler = setInterval(() => (peakHeap = Math.max(peakHeap, getHeapStatistics().used_heap_size)), 2);
	let first = await run();
	clearInterval(sampler);
	peakHeap = Math.max(peakHeap, getHeapStatistics().used_heap_size);
	gc();
	const heapWithItems = process.memoryUsage().heapUsed;
	const items = first.items.length;
	first = undefined as unknown as typeof first;
	const times: number[] = [];
	for (let round = 0; round < input.rounds; round++) {
		gc();
		times.push(await timeMs(run));
	}
	childOutput({ items, medianMs: median(times), rssBefore, heapBefore, peakRss: process.resourceUsage().maxRSS * 1024, peakHeap, heapWithItems } satisfies LargeListingResult);
}

main().catch((error: Error) => {
	process.stderr.write(`${error.stack ?? error.message}\n`);
	process.exitCode = 1;
});
