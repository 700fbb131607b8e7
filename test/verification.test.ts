/**
 * n8n's verification rules for what we publish: the scan itself runs in `npm test` (npm run scan);
 * these tests prove the scan can fail, and check the package's shape (no runtime dependencies,
 * libphonenumber-js bundled, only dist and the docs in the tarball).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const DIST = join(ROOT, 'dist');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

describe('the verification scan', () => {
	it('reports known violations in both passes and exits non-zero', () => {
		const run = spawnSync(process.execPath, ['scripts/verify/scan.mjs', 'test/fixtures/scan-violation'], { cwd: ROOT, encoding: 'utf8' });
		expect(run.status).toBe(1);
		expect(run.stdout).toMatch(/^FAIL source/m);
		expect(run.stdout).toMatch(/^FAIL npm pack tarball/m);
		for (const rule of ['no-runtime-dependencies', 'no-restricted-imports', 'no-restricted-globals', 'require-node-api-error']) {
			expect(run.stdout).toContain(`@n8n/community-nodes/${rule}`);
		}
	}, 60_000);
});

describe('the published package', () => {
	it('has no runtime dependencies and keeps n8n-workflow a peer', () => {
		expect(pkg.dependencies).toBeUndefined();
		expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		expect(pkg.main).toBeUndefined();
		expect(pkg.devDependencies['libphonenumber-js']).toBeDefined();
	});

	it('bundles libphonenumber-js into one file, with its licence and without console calls', () => {
		const bundle = readFileSync(join(DIST, 'nodes/Enfonica/vendor/libphonenumber.js'), 'utf8');
		expect(bundle.startsWith('/*! libphonenumber-js ')).toBe(true);
		expect(bundle).toContain('The MIT License');
		expect(bundle).not.toMatch(/require\(["']libphonenumber-js/);
		expect(bundle).not.toMatch(/\bconsole\./);
		const compiled = readFileSync(join(DIST, 'nodes/Enfonica/helpers/phoneNumbers.js'), 'utf8');
		expect(compiled).toContain('require("../vendor/libphonenumber")');
		// The bundle works on its own: a number through the library, with nothing else installed.
		const lib = require(join(DIST, 'nodes/Enfonica/vendor/libphonenumber.js'));
		expect(lib.parsePhoneNumberFromString('02 5550 1100', 'AU').number).toBe('+61255501100');
	});

	it('nowhere in dist requires a package other than n8n-workflow or Node built-ins', () => {
		const files = (readdirSync(DIST, { recursive: true }) as string[]).filter((file) => file.endsWith('.js'));
		const required = new Set<string>();
		for (const file of files) {
			for (const match of readFileSync(join(DIST, file), 'utf8').matchAll(/require\(["']([^"'.][^"']*)["']\)/g)) required.add(match[1]);
		}
		const builtins = new Set(builtinModules);
		const foreign = [...required].filter((name) => name !== 'n8n-workflow' && !builtins.has(name.replace(/^node:/, '')));
		expect(foreign).toEqual([]);
	});

	it('packs only dist, README, LICENSE, CHANGELOG and package.json, with both codex files and no tests or scripts', () => {
		const [{ files }] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--silent'], { cwd: ROOT, encoding: 'utf8' }));
		const paths = (files as Array<{ path: string }>).map((file) => file.path);
		const outside = paths.filter((path) => !path.startsWith('dist/'));
		expect(outside.sort()).toEqual(['CHANGELOG.md', 'LICENSE.md', 'README.md', 'package.json']);
		expect(paths).toEqual(expect.arrayContaining(['dist/nodes/Enfonica/Enfonica.node.json', 'dist/nodes/Enfonica/EnfonicaTrigger.node.json']));
		expect(paths.filter((path) => /(^|\/)(test|tests|scripts|__tests__)\/|\.test\.|\.map$/.test(path))).toEqual([]);
		for (const entry of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) expect(paths).toContain(entry);
	});
});

