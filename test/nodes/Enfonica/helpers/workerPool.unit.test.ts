/**
 * The one worker pool (helpers/workerPool.ts) of the action node's phases and the trigger's
 * confirmations: order, the bound on work in flight, stopping, and the first input alone.
 */
import { runPooled } from '../../../../nodes/Enfonica/helpers/workerPool';

/** A work function whose calls stay open until released, recording starts and the most in flight. */
function gatedWork() {
	const started: number[] = [];
	const releases = new Map<number, (error?: Error) => void>();
	let inFlight = 0;
	let mostInFlight = 0;
	const work = async (input: number) => {
		started.push(input);
		inFlight++;
		mostInFlight = Math.max(mostInFlight, inFlight);
		try {
			await new Promise<void>((resolve, reject) => releases.set(input, (error) => (error ? reject(error) : resolve())));
		} finally {
			inFlight--;
		}
	};
	const settle = async () => new Promise((resolve) => setImmediate(resolve));
	const release = async (input: number, error?: Error) => {
		releases.get(input)!(error);
		await settle();
	};
	return { work, started, release, settle, mostInFlight: () => mostInFlight };
}

describe('runPooled', () => {
	it('starts inputs in order, never more than the concurrency at once', async () => {
		const gate = gatedWork();
		const done = runPooled([0, 1, 2, 3, 4], 2, gate.work);
		await gate.settle();
		expect(gate.started).toEqual([0, 1]);
		await gate.release(1);
		expect(gate.started).toEqual([0, 1, 2]);
		for (const input of [0, 2, 3, 4]) await gate.release(input);
		await done;
		expect(gate.started).toEqual([0, 1, 2, 3, 4]);
		expect(gate.mostInFlight()).toBe(2);
	});

	it('passes each input its position', async () => {
		const seen: Array<[string, number]> = [];
		await runPooled(['a', 'b', 'c'], 3, async (input, position) => {
			seen.push([input, position]);
		});
		expect(seen).toEqual([['a', 0], ['b', 1], ['c', 2]]);
	});

	it('with firstAlone, runs the first input to its end before any other starts', async () => {
		const gate = gatedWork();
		const done = runPooled([0, 1, 2], 3, gate.work, { firstAlone: true });
		await gate.settle();
		expect(gate.started).toEqual([0]);
		await gate.release(0);
		expect(gate.started).toEqual([0, 1, 2]);
		await gate.release(1);
		await gate.release(2);
		await done;
	});

	it('starts nothing more once stop() says so; what has started finishes', async () => {
		const gate = gatedWork();
		let stop = false;
		const done = runPooled([0, 1, 2, 3], 2, gate.work, { stop: () => stop });
		await gate.settle();
		stop = true;
		await gate.release(0);
		expect(gate.started).toEqual([0, 1]);
		await gate.release(1);
		await done;
		expect(gate.started).toEqual([0, 1]);
	});

	it('a failing input stops new starts and rejects with its error', async () => {
		const gate = gatedWork();
		const done = runPooled([0, 1, 2, 3], 2, gate.work);
		const outcome = done.then(
			() => 'resolved',
			(error: Error) => error.message,
		);
		await gate.settle();
		await gate.release(0, new Error('confirmation failed'));
		await gate.release(1);
		expect(await outcome).toBe('confirmation failed');
		expect(gate.started).toEqual([0, 1]);
	});

	it('does nothing for no inputs', async () => {
		const work = jest.fn(async () => undefined);
		await runPooled([], 5, work, { firstAlone: true });
		expect(work).not.toHaveBeenCalled();
	});
});
