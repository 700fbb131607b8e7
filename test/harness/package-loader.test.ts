/**
 * The harness refuses a dist built from other sources than those in the working tree (its build
 * stamp, scripts/build/stamp.js), so no engine test silently runs stale code. On a tiny package
 * in a temporary folder: one node, its source, its built file and the stamp.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { writeBuildStamp } from '../../scripts/build/stamp';
import { createHarness } from '.';

const BUILT_NODE = `
class Tiny {
	constructor() {
		this.description = { displayName: 'Tiny', name: 'tiny', group: ['transform'], version: 1, description: 'd', defaults: { name: 'Tiny' }, inputs: ['main'], outputs: ['main'], properties: [] };
	}
	async execute() { return [this.getInputData()]; }
}
module.exports = { Tiny };
`;

const folders: string[] = [];

/** A built package: package.json naming dist/nodes/Tiny.node.js, its source, and the stamp of that build. */
function builtPackage(): string {
	const root = mkdtempSync(path.join(tmpdir(), 'enfonica-stale-'));
	folders.push(root);
	mkdirSync(path.join(root, 'nodes'));
	mkdirSync(path.join(root, 'dist/nodes'), { recursive: true });
	writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'n8n-nodes-tiny', version: '0.0.0', n8n: { n8nNodesApiVersion: 1, nodes: ['dist/nodes/Tiny.node.js'] } }));
	writeFileSync(path.join(root, 'nodes/Tiny.node.ts'), 'export class Tiny {}\n');
	writeFileSync(path.join(root, 'dist/nodes/Tiny.node.js'), BUILT_NODE);
	writeBuildStamp(root);
	return root;
}

afterAll(() => {
	for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

describe('the harness and the build stamp', () => {
	it('loads a package built from the sources it has', async () => {
		const harness = await createHarness({ packageDir: builtPackage() });
		const result = await harness.runNode({ nodeType: 'n8n-nodes-tiny.tiny', parameters: {}, items: [{ a: 1 }] });
		expect(result.items.map((item) => item.json)).toEqual([{ a: 1 }]);
	});

	it('refuses it once a source changed after the build, naming the file', async () => {
		const root = builtPackage();
		writeFileSync(path.join(root, 'nodes/Tiny.node.ts'), 'export class Tiny { edited = true }\n');
		await expect(createHarness({ packageDir: root })).rejects.toThrow(
			`Refusing to test a stale build. ${path.join(root, 'dist')} was built from other sources than those in the working tree: nodes/Tiny.node.ts changed since. Run \`npm run build\`.`,
		);
	});

	it('refuses a dist without a stamp (not built by npm run build)', async () => {
		const root = builtPackage();
		rmSync(path.join(root, 'dist/build-stamp.json'));
		await expect(createHarness({ packageDir: root })).rejects.toThrow(/Refusing to test a stale build\. .* has no build stamp/);
	});
});
