/** Timing helpers: medians of alternating runs, so both sides see the same machine noise. */
export async function timeMs(fn: () => Promise<unknown>): Promise<number> {
	const start = process.hrtime.bigint();
	await fn();
	return Number(process.hrtime.bigint() - start) / 1e6;
}

export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Runs a and b alternately `rounds` times (after one warm-up each) and returns both medians. */
export async function sideBySide(rounds: number, a: () => Promise<unknown>, b: () => Promise<unknown>): Promise<{ a: number; b: number }> {
	await a();
	await b();
	const timesA: number[] = [];
	const timesB: number[] = [];
	for (let round = 0; round < rounds; round++) {
		timesA.push(await timeMs(a));
		timesB.push(await timeMs(b));
	}
	return { a: median(timesA), b: median(timesB) };
}

/** Runs every function once (warm-up), then `rounds` times in turn; the median of each, by name. */
export async function interleaved<K extends string>(rounds: number, fns: Record<K, () => Promise<unknown>>): Promise<Record<K, number>> {
	const names = Object.keys(fns) as K[];
	for (const name of names) await fns[name]();
	const times = Object.fromEntries(names.map((name) => [name, [] as number[]])) as unknown as Record<K, number[]>;
	for (let round = 0; round < rounds; round++) {
		for (const name of names) times[name].push(await timeMs(fns[name]));
	}
	return Object.fromEntries(names.map((name) => [name, median(times[name])])) as Record<K, number>;
}
