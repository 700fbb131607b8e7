import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** Bad input, caught before any request: names the field and the item so the user can find it. */
export function inputError(node: INode, itemIndex: number, field: string, problem: string, description?: string): NodeOperationError {
	return new NodeOperationError(node, `${field} ${problem} [item ${itemIndex}]`, { itemIndex, description });
}
