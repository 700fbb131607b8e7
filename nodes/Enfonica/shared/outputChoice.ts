import type { INode } from 'n8n-workflow';

import { checked } from '../errors';
import { checkChoice, checkChoices } from '../helpers/validation';
import type { OutputModel, OutputShape } from '../models/output';

/** Values of Output (node version 2 on): stored in workflows, keep them stable. */
export const OUTPUT_FORMATS = ['raw', 'selectedFields', 'simple'];

/**
 * Output (Simplified, Raw, Selected Fields) and its Fields parameter as the fields to output,
 * checked. Both nodes read it: `parameter` reads one of the node's parameters.
 */
export function readOutputShape(
	node: INode,
	itemIndex: number | undefined,
	parameter: (name: string, fallback: unknown) => unknown,
	model: OutputModel<unknown, unknown>,
	fieldsParameter = { name: 'fields', label: 'Fields' },
): OutputShape {
	const format = checked(node, itemIndex, 'Output', () => checkChoice(parameter('outputFormat', 'simple'), OUTPUT_FORMATS)) || 'simple';
	if (format !== 'selectedFields') return format === 'raw' ? 'raw' : model.simplified;
	const keys = Object.keys(model.fields);
	const chosen = checked(node, itemIndex, fieldsParameter.label, () => checkChoices(parameter(fieldsParameter.name, []), keys));
	return keys.filter((key) => key === model.identity || chosen.includes(key));
}
