/**
 * The one Prefix filter (helpers/prefixFilter.ts) of Phone Number → Search, Phone Number
 * Instance → Get Many and the Enfonica Trigger: its field, and its reader with each list's reading.
 */
import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toListPrefix, toSearchPrefix } from '../../../../nodes/Enfonica/helpers/phoneNumbers';
import { prefixFilterField, readPrefixFilter } from '../../../../nodes/Enfonica/helpers/prefixFilter';

const node = { name: 'Enfonica', type: 'n8n-nodes-enfonica.enfonica', typeVersion: 2, position: [0, 0], parameters: {} } as unknown as INode;
const asList = (input: unknown) => toListPrefix(input);

describe('prefixFilterField', () => {
	it('is the Prefix string parameter under Filters, with the list’s own placeholder and description', () => {
		expect(prefixFilterField('e.g. 2', 'Digits after the country code')).toEqual({
			displayName: 'Prefix',
			name: 'prefix',
			type: 'string',
			default: '',
			placeholder: 'e.g. 2',
			description: 'Digits after the country code',
		});
	});
});

describe('readPrefixFilter', () => {
	it('reads no filter as no prefix', () => {
		expect(readPrefixFilter(node, 0, {}, asList)).toBe('');
		expect(readPrefixFilter(node, 0, { prefix: '' }, asList)).toBe('');
		expect(readPrefixFilter(node, undefined, { prefix: '   ' }, asList)).toBe('');
	});

	it('reads the prefix as the list it filters takes it', () => {
		expect(readPrefixFilter(node, 0, { prefix: '+61 2' }, asList)).toBe('+612');
		expect(readPrefixFilter(node, 0, { prefix: '02' }, (input) => toListPrefix(input, 'AU'))).toBe('+612');
		expect(readPrefixFilter(node, 0, { prefix: '+61 2' }, (input) => toSearchPrefix(input, 'AU'))).toBe('2');
	});

	it('refuses a bad prefix naming the field and the item, or only the field without an item (the trigger)', () => {
		const refusal = (itemIndex: number | undefined) => {
			try {
				readPrefixFilter(node, itemIndex, { prefix: 'abc' }, asList);
			} catch (error) {
				expect(error).toBeInstanceOf(NodeOperationError);
				return (error as Error).message;
			}
			throw new Error('accepted');
		};
		expect(refusal(3)).toMatch(/^Prefix "abc" is not a number prefix: .* \[item 3\]$/);
		expect(refusal(undefined)).toMatch(/^Prefix "abc" is not a number prefix: [^[]*$/);
	});

	it('reads a number given by an expression as its digits, as every list does (the trigger once ignored it)', () => {
		expect(readPrefixFilter(node, undefined, { prefix: 2 }, (input) => toSearchPrefix(input, 'AU'))).toBe('2');
		expect(() => readPrefixFilter(node, undefined, { prefix: 612 }, asList)).toThrow(/^Prefix "612" is not a number prefix/);
	});
});
