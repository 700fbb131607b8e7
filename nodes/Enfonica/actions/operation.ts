import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

/**
 * One operation in two steps. `prepare` reads and checks the item's parameters and must not
 * send anything; `execute` does the item's requests. The router prepares every item before
 * executing any, so a bad item 3 stops the run before item 1's change is made.
 */
export interface Operation<Prepared> {
	description: INodeProperties[];
	prepare(this: IExecuteFunctions, itemIndex: number): Promise<Prepared>;
	execute(this: IExecuteFunctions, prepared: Prepared, itemIndex: number): Promise<INodeExecutionData[]>;
}
