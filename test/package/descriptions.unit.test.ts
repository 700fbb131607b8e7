import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { ICredentialType, INodeProperties, INodePropertyCollection, INodePropertyOptions, INodeType } from 'n8n-workflow';

/**
 * n8n's UX guidelines for what a user reads in the editor, checked on every parameter of every
 * node and credential the package declares (nested ones included), so they stay true: placeholders in the
 * "e.g. …" form, hints of at most 120 characters (n8n's lint warns above), boolean descriptions
 * starting "Whether", options and collection items sorted alphabetically, action labels as n8n
 * writes them, and no environment variables in the UI.
 */

type Described = INodeProperties | INodePropertyCollection | INodePropertyOptions;

interface Found {
	path: string;
	item: Described;
}

function isProperty(item: Described): item is INodeProperties {
	return 'type' in item && 'displayName' in item;
}

/** Every parameter, option and collection entry under `properties`, with a readable path. */
function walk(properties: Described[], path: string, found: Found[] = []): Found[] {
	for (const item of properties) {
		const label = 'displayName' in item ? item.displayName : item.name;
		const here = `${path} › ${label}`;
		found.push({ path: here, item });
		if ('options' in item && Array.isArray(item.options)) walk(item.options as Described[], here, found);
		if ('values' in item && Array.isArray(item.values)) walk(item.values, here, found);
	}
	return found;
}

/** Every node and credential package.json declares (its `dist/…js` path), from its source, so a new node is checked too. */
function declared<T>(kind: 'nodes' | 'credentials'): T[] {
	const root = join(__dirname, '../..');
	const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { n8n: Record<string, string[]> };
	return pkg.n8n[kind].map((built) => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const exported = require(join(root, built.replace(/^dist\//, '').replace(/\.js$/, '.ts'))) as Record<string, new () => T>;
		const [Type] = Object.values(exported);
		return new Type();
	});
}

const nodes = declared<INodeType>('nodes').map((node) => node.description);
const credentials = declared<ICredentialType>('credentials');

const everything: Found[] = [
	...nodes.flatMap((node) => walk(node.properties, node.displayName)),
	...credentials.flatMap((credential) => walk(credential.properties, `${credential.displayName} credential`)),
];
const parameters = everything.filter((found): found is Found & { item: INodeProperties } => isProperty(found.item));

const texts = (item: Described): string[] =>
	[
		'displayName' in item ? item.displayName : item.name,
		'description' in item ? item.description : undefined,
		'hint' in item ? item.hint : undefined,
		'placeholder' in item ? item.placeholder : undefined,
		'action' in item ? item.action : undefined,
	].filter((text): text is string => typeof text === 'string');

describe('parameter descriptions follow n8n UX guidelines', () => {
	it('finds the parameters of every node and credential package.json declares', () => {
		expect(nodes.map((node) => node.name)).toEqual(expect.arrayContaining(['enfonica', 'enfonicaTrigger']));
		expect(parameters.length).toBeGreaterThan(60);
		expect(parameters.map(({ path }) => path)).toEqual(expect.arrayContaining(['Enfonica API credential › Project ID', 'Enfonica › Options › Concurrency']));
	});

	it('placeholders of typed values start with "e.g."', () => {
		// Collections' placeholders are their button ("Add Field"), a list's is its prompt ("Select …").
		const typed = parameters.filter(({ item }) => item.placeholder !== undefined && !['collection', 'fixedCollection', 'resourceLocator'].includes(item.type));
		const modes = parameters.flatMap(({ path, item }) =>
			(item.modes ?? []).filter((mode) => mode.type !== 'list' && mode.placeholder !== undefined).map((mode) => ({ path: `${path} › ${mode.displayName}`, placeholder: mode.placeholder })),
		);
		expect(typed.length + modes.length).toBeGreaterThan(10);
		const wrong = [...typed.map(({ path, item }) => ({ path, placeholder: item.placeholder })), ...modes].filter(({ placeholder }) => !String(placeholder).startsWith('e.g. '));
		expect(wrong).toEqual([]);
	});

	it('hints are at most 120 characters', () => {
		const hints = parameters.flatMap(({ path, item }) => [
			...(item.hint ? [{ path, hint: item.hint }] : []),
			...(item.modes ?? []).filter((mode) => mode.hint).map((mode) => ({ path: `${path} › ${mode.displayName}`, hint: mode.hint as string })),
		]);
		expect(hints.length).toBeGreaterThan(0);
		expect(hints.filter(({ hint }) => hint.length > 120).map(({ path, hint }) => `${path}: ${hint.length}`)).toEqual([]);
	});

	it('boolean descriptions start with "Whether"', () => {
		const booleans = parameters.filter(({ item }) => item.type === 'boolean');
		expect(booleans.length).toBeGreaterThan(3);
		expect(booleans.filter(({ item }) => !item.description?.startsWith('Whether ')).map(({ path }) => path)).toEqual([]);
	});

	it('options, multi-options and collection items are sorted alphabetically', () => {
		const lists = parameters.filter(({ item }) => ['options', 'multiOptions', 'collection'].includes(item.type) && Array.isArray(item.options));
		expect(lists.length).toBeGreaterThan(20);
		const unsorted = lists.filter(({ item }) => {
			const names = (item.options as Described[]).map((option) => ('displayName' in option ? option.displayName : option.name));
			return names.join('\n') !== [...names].sort((a, b) => a.localeCompare(b)).join('\n');
		});
		expect(unsorted.map(({ path }) => path)).toEqual([]);
	});

	it('operation actions are sentence case and start with the operation, as n8n writes them ("Get many records")', () => {
		const operations = parameters.filter(({ item }) => item.name === 'operation').flatMap(({ item }) => item.options as INodePropertyOptions[]);
		expect(operations.length).toBeGreaterThan(10);
		for (const operation of operations) {
			expect(operation.action).toBeDefined();
			const action = operation.action as string;
			expect(action.toLowerCase().startsWith(operation.name.toLowerCase().split(' ')[0])).toBe(true);
			// Sentence case: nothing capitalised after the first word (acronyms aside).
			expect(action.split(' ').slice(1).filter((word) => /^[A-Z][a-z]/.test(word))).toEqual([]);
		}
	});

	it('no environment variables or other n8n internals in what the editor shows', () => {
		const leaks = everything.filter(({ item }) => texts(item).some((text) => /\bN8N_[A-Z_]+|process\.env/.test(text))).map(({ path }) => path);
		expect(leaks).toEqual([]);
	});

	it('every node describes itself', () => {
		for (const description of nodes) expect(description.description.length).toBeGreaterThan(20);
	});
});

describe('operation descriptions, which an AI agent reads when the node is its tool', () => {
	const operationsOf = (resource: string) =>
		(parameters.find(({ item }) => item.name === 'operation' && item.displayOptions?.show?.resource?.includes(resource))?.item.options ?? []) as INodePropertyOptions[];
	const operation = (resource: string, value: string) => operationsOf(resource).find((option) => option.value === value) as INodePropertyOptions;

	it('every operation says what it does', () => {
		for (const resource of ['phoneNumber', 'phoneNumberInstance', 'regulatoryListing']) {
			for (const option of operationsOf(resource)) expect(option.description?.length ?? 0).toBeGreaterThan(25);
		}
	});

	// n8n builds a tool's default description from the action label alone ("<action> in Enfonica"),
	// so the label carries the warning too.
	it('buying a number says it costs money, releasing one that it is irreversible, in the description and the action', () => {
		const create = operation('phoneNumberInstance', 'create');
		expect(create.description).toMatch(/costs money/i);
		expect(create.action).toMatch(/costs money/i);
		const release = operation('phoneNumberInstance', 'delete');
		expect(release.description).toMatch(/irreversible/i);
		expect(release.action).toMatch(/irreversibl/i);
		expect(operation('regulatoryListing', 'delete').description).toMatch(/irreversible/i);
	});

	it('read-only operations say they change nothing', () => {
		expect(operation('phoneNumber', 'search').description).toMatch(/buys nothing/i);
		for (const [resource, value] of [['phoneNumberInstance', 'get'], ['phoneNumberInstance', 'getMany'], ['regulatoryListing', 'get'], ['regulatoryListing', 'getMany'], ['regulatoryListing', 'search']]) {
			expect(operation(resource, value).description).toMatch(/changes nothing/i);
		}
	});
});
