/**
 * The build stamp (scripts/build/stamp.js): `npm run build` records a hash of each input; a dist
 * whose inputs changed since is named stale, with the files that changed. Hashes, not times: a
 * file touched without a change (a checkout, a rebase) leaves the build fresh.
 */
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { STAMP, staleBuild, writeBuildStamp } from '../../../scripts/build/stamp';

let root: string;
const write = (file: string, text: string) => {
	mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
	writeFileSync(path.join(root, file), text);
};

beforeEach(() => {
	root = mkdtempSync(path.join(tmpdir(), 'enfonica-stamp-'));
	write('package.json', JSON.stringify({ name: 'p', n8n: { nodes: ['dist/nodes/A.node.js'] }, devDependencies: { esbuild: '1' } }));
	write('nodes/A.node.ts', 'export class A {}\n');
	write('nodes/a.svg', '<svg/>');
	write('credentials/C.credentials.ts', 'export class C {}\n');
	write('gulpfile.js', '// build\n');
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the build stamp', () => {
	it('is missing until a build writes it', () => {
		expect(staleBuild(root)).toBe(`${path.join(root, 'dist')} has no build stamp (${STAMP}): it is missing or was not built by \`npm run build\`. Run \`npm run build\`.`);
		mkdirSync(path.join(root, 'dist'));
		writeBuildStamp(root);
		expect(staleBuild(root)).toBeUndefined();
	});

	it('names what changed, was added or was deleted since the build', () => {
		mkdirSync(path.join(root, 'dist'));
		writeBuildStamp(root);
		write('nodes/A.node.ts', 'export class A { changed = true }\n');
		write('nodes/helpers/new.ts', 'export {};\n');
		unlinkSync(path.join(root, 'nodes/a.svg'));
		expect(staleBuild(root)).toBe(
			`${path.join(root, 'dist')} was built from other sources than those in the working tree: nodes/A.node.ts, nodes/a.svg (deleted), nodes/helpers/new.ts (new) changed since. Run \`npm run build\`.`,
		);
	});

	it('covers the credential, the build configuration and package.json’s n8n section', () => {
		mkdirSync(path.join(root, 'dist'));
		for (const [file, text] of [
			['credentials/C.credentials.ts', 'export class C { x = 1 }\n'],
			['gulpfile.js', '// build, changed\n'],
			['package.json', JSON.stringify({ name: 'p', n8n: { nodes: ['dist/nodes/A.node.js', 'dist/nodes/B.node.js'] }, devDependencies: { esbuild: '1' } })],
		]) {
			writeBuildStamp(root);
			write(file, text);
			expect(staleBuild(root)).toMatch(new RegExp(`: ${file === 'package.json' ? 'package\\.json n8n' : file.replace(/\./g, '\\.')} changed since`));
		}
	});

	it('stays fresh when a file is only touched, or changed and changed back', () => {
		mkdirSync(path.join(root, 'dist'));
		writeBuildStamp(root);
		utimesSync(path.join(root, 'nodes/A.node.ts'), new Date(), new Date(Date.now() + 60_000));
		write('nodes/A.node.ts', 'export class A { changed = true }\n');
		write('nodes/A.node.ts', 'export class A {}\n');
		expect(staleBuild(root)).toBeUndefined();
	});
});
