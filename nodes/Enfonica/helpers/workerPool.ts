/** How a pool runs its work: both are optional. */
export interface PoolOptions {
	/** Checked before each start: once it says true, nothing more starts (what has started finishes). */
	stop?: () => boolean;
	/**
	 * The first input runs alone before the others start: when the credential needs an access
	 * token, its request fetches it once, instead of every worker exchanging the key at once.
	 */
	firstAlone?: boolean;
}

/**
 * Runs `work` on each input, in input order, at most `concurrency` at a time. A `work` that
 * throws stops new starts and rejects the pool with its error; work already started is not
 * interrupted (a request half-way would leave its outcome unknown).
 */
export async function runPooled<T>(inputs: readonly T[], concurrency: number, work: (input: T, position: number) => Promise<void>, options: PoolOptions = {}): Promise<void> {
	let next = 0;
	let failed = false;
	const stopped = () => failed || (options.stop?.() ?? false);
	const runNext = async () => {
		const position = next++;
		let done = false;
		try {
			await work(inputs[position], position);
			done = true;
		} finally {
			// A failure passes on as it is (the pool's caller words it), and starts nothing more.
			if (!done) failed = true;
		}
	};
	if (options.firstAlone && inputs.length > 0) await runNext();
	const worker = async () => {
		while (!stopped() && next < inputs.length) await runNext();
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, inputs.length - next) }, worker));
}
