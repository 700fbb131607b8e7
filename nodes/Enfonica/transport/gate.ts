import { sleep } from 'n8n-workflow';

/**
 * Shared backoff for one node run. When a request gets a 429, Enfonica is rate-limiting the
 * whole credential, not that one request: the gate closes until the backoff (at least the
 * `Retry-After`) has passed, and every request of the same node run waits there before it is
 * sent, so parallel items slow down together instead of each hitting the limit in turn.
 */
interface Gate {
	/** Date.now() at which requests may be sent again. */
	openAt: number;
}

/**
 * Keyed by the node's context object (`this` in execute, poll and load-options functions):
 * n8n builds a new context for every run of a node (WorkflowExecute.executeNode creates one
 * ExecuteContext per run), so an entry is shared by exactly the requests of that run and by
 * nothing else, not by another execution nor by another worker. The WeakMap lets the entry go
 * with the context; no other state outlives a run.
 */
const gates = new WeakMap<object, Gate>();

/** Waits until the run's gate is open (at once when no request of the run got a 429). */
export async function passGate(context: object): Promise<void> {
	const gate = gates.get(context);
	if (!gate) return;
	for (let wait = gate.openAt - Date.now(); wait > 0; wait = gate.openAt - Date.now()) await sleep(wait);
}

/** Keeps every request of the run from being sent for the next `ms` (a longer closure already in place wins). */
export function closeGate(context: object, ms: number): void {
	const openAt = Date.now() + ms;
	const gate = gates.get(context);
	if (gate) gate.openAt = Math.max(gate.openAt, openAt);
	else gates.set(context, { openAt });
}
