import type { IDataObject, INode, INodeProperties } from 'n8n-workflow';

import { checked } from '../errors';

/**
 * The Prefix filter, under Filters, of Phone Number → Search, Phone Number Instance → Get Many
 * and the Enfonica Trigger: one field and one reader. What the digits mean differs by list (a
 * search takes the digits after the country code, a listing E.164 or national digits), so each
 * says its placeholder and description, and the reader is given the list's prefix reading.
 */
export function prefixFilterField(placeholder: string, description: string): INodeProperties {
	return { displayName: 'Prefix', name: 'prefix', type: 'string', default: '', placeholder, description };
}

/** The Prefix filter as the API takes it ('' = no filter), checked before any request. */
export function readPrefixFilter(node: INode, itemIndex: number | undefined, filters: IDataObject, toPrefix: (input: unknown) => string): string {
	return checked(node, itemIndex, 'Prefix', () => toPrefix(filters.prefix));
}
