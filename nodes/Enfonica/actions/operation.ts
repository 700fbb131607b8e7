import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

/** One item still in play between two phases, with what its last step produced. */
export interface BatchItem<T> {
	itemIndex: number;
	value: T;
}

/**
 * A step over the whole batch between two phases, run once per execution: per item (in the order
 * given) the value for the next phase, or an Error that fails that item. Throwing fails the run.
 */
export type BatchStep<T> = (this: IExecuteFunctions, items: Array<BatchItem<T>>) => Promise<Array<T | Error>>;

/**
 * One operation in up to three steps, each run for every item before the next step starts
 * (see the router): `prepare` reads and checks the item's parameters and sends nothing;
 * `resolve` (optional) makes only read-only requests (lookups, current state) and checks what
 * they return; `execute` makes the change. So a bad item 3 stops the run before item 1's change.
 *
 * Checks that need every item at once go in the optional batch steps: `prepareBatch` after every
 * item is prepared (the same number twice, lookups shared by all items: still no change),
 * `resolveBatch` after every item is resolved (what the whole run would buy, against a cap).
 */
export interface Operation<Prepared, Resolved = Prepared> {
	description: INodeProperties[];
	prepare(this: IExecuteFunctions, itemIndex: number): Promise<Prepared>;
	prepareBatch?(this: IExecuteFunctions, items: Array<BatchItem<Prepared>>): Promise<Array<Prepared | Error>>;
	resolve?(this: IExecuteFunctions, prepared: Prepared, itemIndex: number): Promise<Resolved>;
	resolveBatch?(this: IExecuteFunctions, items: Array<BatchItem<Resolved>>): Promise<Array<Resolved | Error>>;
	execute(this: IExecuteFunctions, resolved: Resolved, itemIndex: number): Promise<INodeExecutionData[]>;
}
