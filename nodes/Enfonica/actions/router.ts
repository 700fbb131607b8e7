import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

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

/**
 * Checks every item first, then runs the chosen operation once per item in order. Nothing is
 * sent until all items passed their checks (or, with Continue On Fail, the bad ones were set
 * aside as error items): a half-applied batch would otherwise be re-run after the fix.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const handler = resources[resource]?.[operation];
	if (!handler) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" on "${resource}" is not supported`);
	}
	const prepared: Step[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			prepared.push({ ok: true, value: await handler.prepare.call(this, itemIndex) });
		} catch (error) {
			failure.call(this, error as Error, itemIndex);
			prepared.push({ ok: false, error: error as Error });
		}
	}
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const step = prepared[itemIndex];
		try {
			if (!step.ok) throw step.error;
			output.push(...(await handler.execute.call(this, step.value, itemIndex)));
		} catch (error) {
			output.push(failure.call(this, error as Error, itemIndex));
		}
	}
	return [output];
}
