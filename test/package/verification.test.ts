/**
 * n8n's verification rules for what we publish: the scan itself runs in `npm test` (npm run scan);
 * these tests prove the scan can fail, and check the package's shape (no runtime dependencies,
 * libphonenumber-js bundled, only dist and the docs in the tarball).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative, sep } from 'node:path';

const ROOT = join(__dirname, '../..');
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

	it('bundles libphonenumber-js into one file, with its licence and without console calls, shared by the nodes', () => {
		const bundle = readFileSync(join(DIST, 'nodes/Enfonica/vendor/libphonenumber.js'), 'utf8');
		expect(bundle.startsWith('/*! libphonenumber-js ')).toBe(true);
		expect(bundle).toContain('The MIT License');
		expect(bundle).not.toMatch(/require\(["']libphonenumber-js/);
		expect(bundle).not.toMatch(/\bconsole\./);
		for (const node of ['Enfonica.node.js', 'EnfonicaTrigger.node.js']) {
			const compiled = readFileSync(join(DIST, 'nodes/Enfonica', node), 'utf8');
			expect(compiled).toContain('require("./vendor/libphonenumber")');
			expect(compiled).not.toMatch(/require\(["']libphonenumber-js/);
		}
		// The bundle works on its own: a number through the library, with nothing else installed.
		const lib = require(join(DIST, 'nodes/Enfonica/vendor/libphonenumber.js'));
		expect(lib.parsePhoneNumberFromString('02 5550 1100', 'AU').number).toBe('+61255501100');
	});

	it('builds each node and the credential into one file: dist holds them, the shared library, icons and codex files', () => {
		const files = (readdirSync(DIST, { recursive: true, withFileTypes: true }) as Array<{ isFile(): boolean; parentPath: string; name: string }>)
			.filter((entry) => entry.isFile())
			.map((entry) => relative(ROOT, join(entry.parentPath, entry.name)).split(sep).join('/'));
		const entries: string[] = [...pkg.n8n.nodes, ...pkg.n8n.credentials];
		const others = files.filter((file) => !entries.includes(file) && !/\.(svg|png|node\.json)$/.test(file));
		expect(others.sort()).toEqual(['dist/build-stamp.json', 'dist/nodes/Enfonica/vendor/libphonenumber.js']);
		for (const entry of entries) {
			const requires = [...readFileSync(join(ROOT, entry), 'utf8').matchAll(/require\(["']([^"']+)["']\)/g)].map((match) => match[1]);
			expect(requires.filter((name) => name.startsWith('.') && name !== './vendor/libphonenumber')).toEqual([]);
		}
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

	it('packs only dist, README, LICENSE, CHANGELOG and package.json, with both codex files and no tests or scripts (the CI step)', () => {
		const run = spawnSync(process.execPath, ['scripts/verify/pack.mjs'], { cwd: ROOT, encoding: 'utf8' });
		expect(run.stdout).toMatch(/^PASS npm pack contents$/m);
		expect(run.status).toBe(0);
	}, 60_000);

	it('the pack check fails on a package that ships sources outside dist/', () => {
		const run = spawnSync(process.execPath, ['scripts/verify/pack.mjs', 'test/fixtures/scan-violation'], { cwd: ROOT, encoding: 'utf8' });
		expect(run.status).toBe(1);
		expect(run.stdout).toContain('not dist/ or docs: nodes/Bad/rethrow.ts');
		expect(run.stdout).toContain('missing: dist/nodes/Enfonica/Enfonica.node.json');
	}, 60_000);
});


describe("n8n's own lint config (@n8n/node-cli, npm run lint:n8n)", () => {
	const lintAs = (file: string, source: string) =>
		spawnSync(process.execPath, [join(ROOT, 'node_modules/eslint/bin/eslint.js'), '-c', 'eslint.n8n.config.mjs', '--no-inline-config', '--stdin', '--stdin-filename', file, '-f', 'json'], {
			cwd: ROOT,
			encoding: 'utf8',
			input: source,
		});
	const rulesOf = (run: ReturnType<typeof lintAs>) => (JSON.parse(run.stdout) as Array<{ messages: Array<{ ruleId: string }> }>)[0].messages.map((message) => message.ruleId);

	it('is a pinned devDependency', () => {
		expect(pkg.devDependencies['@n8n/node-cli']).toMatch(/^\d+\.\d+\.\d+$/);
		expect(pkg.scripts.test).toContain('npm run lint:n8n');
	});

	it('applies n8n Cloud rules to a file under nodes/', () => {
		const run = lintAs('nodes/Enfonica/Probe.ts', "export function probe() {\n\tconsole.log('x');\n\tsetTimeout(() => undefined, 1);\n}\n");
		expect(run.status).toBe(1);
		expect(rulesOf(run)).toEqual(expect.arrayContaining(['no-console', '@n8n/community-nodes/no-restricted-globals']));
	});
});

describe('the publish path', () => {
	const publish = readFileSync(join(ROOT, '.github/workflows/publish.yml'), 'utf8');
	const ci = readFileSync(join(ROOT, '.github/workflows/ci.yml'), 'utf8');

	it('publishes from GitHub Actions on Node 24 with npm >= 11.5.1, an OIDC token and provenance', () => {
		expect(publish).toMatch(/^\s+node-version: 24$/m);
		expect(publish).toMatch(/npm install -g npm@\^11\.5\.1/);
		expect(publish).toMatch(/^\s+id-token: write\b/m);
		expect(publish).toMatch(/npm publish --provenance --access public/);
		// A registry-url would make npm use an (empty) NODE_AUTH_TOKEN instead of trusted publishing.
		expect(publish).not.toMatch(/^\s+registry-url:/m);
	});

	it('CI checks what npm pack would publish', () => {
		expect(ci).toMatch(/run: npm run check:pack/);
		expect(pkg.scripts['check:pack']).toBe('node scripts/verify/pack.mjs');
	});

	it("names one GitHub repository in package.json, the one provenance attests", () => {
		const repo = 'https://github.com/enfonica/n8n-nodes-enfonica';
		expect(pkg.repository).toEqual({ type: 'git', url: `${repo}.git` });
		expect(pkg.homepage).toBe(repo);
		expect(pkg.bugs).toEqual({ url: `${repo}/issues` });
		expect(pkg.author.url).toBe(repo);
		expect(pkg.author.name).toBeTruthy();
		expect(pkg.author.email).toMatch(/@/);
	});
});
