import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/** An item's failure: an `{ error, errorDescription }` item under Continue On Fail, otherwise the error, thrown with its item number. */
export function failedItem(this: IExecuteFunctions, error: Error, itemIndex: number): INodeExecutionData {
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
