import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

/**
 * One operation in up to three steps, each run for every item before the next step starts
 * (see the router): `prepare` reads and checks the item's parameters and sends nothing;
 * `resolve` (optional) makes only read-only requests (lookups, current state) and checks what
 * they return; `execute` makes the change. So a bad item 3 stops the run before item 1's change.
 */
export interface Operation<Prepared, Resolved = Prepared> {
	description: INodeProperties[];
	prepare(this: IExecuteFunctions, itemIndex: number): Promise<Prepared>;
	resolve?(this: IExecuteFunctions, prepared: Prepared, itemIndex: number): Promise<Resolved>;
	execute(this: IExecuteFunctions, resolved: Resolved, itemIndex: number): Promise<INodeExecutionData[]>;
}
