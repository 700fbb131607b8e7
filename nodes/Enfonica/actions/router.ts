import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { inputError } from '../helpers/inputError';
import { MAX_CONCURRENCY } from './common.descriptions';
import type { Operation } from './operation';
import * as phoneNumberInstance from './phoneNumberInstance';

const resources: Record<string, Record<string, Operation<unknown>>> = {
	phoneNumberInstance: phoneNumberInstance.operations,
};

type Step = { ok: true; value: unknown } | { ok: false; error: Error };

/** Per-item failure: an `{ error }` item under Continue On Fail, otherwise the error with its item number. */
function failure(this: IExecuteFunctions, error: Error, itemIndex: number): INodeExecutionData {
	if (this.continueOnFail()) {
		const description = (error as { description?: unknown }).description;
		return { json: { error: error.message, ...(description ? { errorDescription: description as string } : {}) }, pairedItem: { item: itemIndex } };
	}
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		throw error;
	}
	throw new NodeOperationError(this.getNode(), error, { itemIndex });
}

/** Options → Concurrency: a node-wide setting, read from the first item and checked before anything runs. */
function readConcurrency(this: IExecuteFunctions): number {
	const input = this.getNodeParameter('options.concurrency', 0, 1) as unknown;
	const value = typeof input === 'string' && input.trim() !== '' ? Number(input) : input;
	if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_CONCURRENCY) {
		throw inputError(this.getNode(), 0, 'Concurrency', `must be a whole number from 1 to ${MAX_CONCURRENCY} (got ${JSON.stringify(input) ?? 'nothing'})`);
	}
	return value;
}

/**
 * Checks every item first, then runs the chosen operation on up to Options → Concurrency items
 * at a time, taking them in input order. Nothing is sent until all items passed their checks
 * (or, with Continue On Fail, the bad ones were set aside as error items): a half-applied batch
 * would otherwise be re-run after the fix.
 *
 * Outputs are collected per item and joined in input order, so order and pairing are those of
 * a sequential run. Without Continue On Fail, the first failure stops the start of further
 * items; items already started finish (stopping a create half-way would leave its outcome
 * unknown), and the node fails with the error of the lowest-numbered failed item: the item a
 * sequential run would have stopped at. With Concurrency 1 that is exactly a sequential run.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const handler = resources[resource]?.[operation];
	if (!handler) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" on "${resource}" is not supported`);
	}
	if (items.length === 0) return [[]];
	const concurrency = readConcurrency.call(this);
	const prepared: Step[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			prepared.push({ ok: true, value: await handler.prepare.call(this, itemIndex) });
		} catch (error) {
			failure.call(this, error as Error, itemIndex);
			prepared.push({ ok: false, error: error as Error });
		}
	}
	const outputs: INodeExecutionData[][] = [];
	const failed: Array<{ itemIndex: number; error: Error }> = [];
	const runItem = async (itemIndex: number) => {
		const step = prepared[itemIndex];
		try {
			if (!step.ok) throw step.error;
			outputs[itemIndex] = await handler.execute.call(this, step.value, itemIndex);
		} catch (error) {
			if (this.continueOnFail()) outputs[itemIndex] = [failure.call(this, error as Error, itemIndex)];
			else failed.push({ itemIndex, error: error as Error });
		}
	};
	let next = 0;
	const worker = async () => {
		while (failed.length === 0 && next < items.length) await runItem(next++);
	};
	// The first item runs alone: when the credential needs an access token, its request fetches
	// it once, instead of every worker exchanging the key at the same moment.
	await runItem(next++);
	await Promise.all(Array.from({ length: concurrency }, worker));
	if (failed.length > 0) {
		const first = failed.reduce((lowest, candidate) => (candidate.itemIndex < lowest.itemIndex ? candidate : lowest));
		failure.call(this, first.error, first.itemIndex);
	}
	return [outputs.flat()];
}
