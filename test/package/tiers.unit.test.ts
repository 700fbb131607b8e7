/**
 * The unit tier (jest.config.js) runs without a build: none of its tests may reach dist, the
 * engine harness, the emulator or n8n-core, directly or through what they import. Every test
 * file is in exactly one tier, so none is silently left out of `npm test`.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '../..');

function listTests(...args: string[]): string[] {
	const output = execFileSync(process.execPath, [require.resolve('jest/bin/jest'), '--listTests', '--json', ...args], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
	return (JSON.parse(output) as string[]).map((file) => path.relative(ROOT, file).split(path.sep).join('/')).sort();
}

/** What a file imports at run time: `import type` and `export type` are erased and do not count. */
function runtimeImports(source: string): string[] {
	const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
	const patterns = [
		/^\s*import\s+(?!type\s)(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm,
		/^\s*export\s+(?!type\s)[^'";]*?\s+from\s+['"]([^'"]+)['"]/gm,
		/\b(?:require|import|jest\.(?:requireActual|doMock|mock))\(\s*['"`]([^'"`]+)['"`]/g,
	];
	return patterns.flatMap((pattern) => [...code.matchAll(pattern)].map((match) => match[1]));
}

function resolveRelative(from: string, specifier: string): string | undefined {
	const base = path.resolve(path.dirname(from), specifier);
	return [base, `${base}.ts`, `${base}.js`, path.join(base, 'index.ts'), path.join(base, 'index.js')].find((candidate) => statSync(candidate, { throwIfNoEntry: false })?.isFile());
}

const FORBIDDEN_PATHS: Array<[RegExp, string]> = [
	[/^dist\//, 'the built package'],
	[/^test\/harness\//, 'the engine harness'],
	[/^test\/emulator\//, 'the emulator'],
];
const FORBIDDEN_PACKAGES = ['n8n-core'];
/** Files that name dist/ without loading this package's build: this check, and the stamp with its test (temporary packages). */
const NAME_DIST_WITHOUT_LOADING_IT = ['test/package/tiers.unit.test.ts', 'test/scripts/build/stamp.unit.test.ts', 'scripts/build/stamp.js'];

/** Why `file` cannot run in the unit tier: the chain of imports to the first thing it must not reach. */
function reachesEngine(file: string): string | undefined {
	const seen = new Set<string>();
	const queue: Array<{ file: string; chain: string[] }> = [{ file: path.join(ROOT, file), chain: [file] }];
	while (queue.length > 0) {
		const { file: current, chain } = queue.shift() as { file: string; chain: string[] };
		if (seen.has(current)) continue;
		seen.add(current);
		const source = readFileSync(current, 'utf8');
		if (!NAME_DIST_WITHOUT_LOADING_IT.includes(chain[chain.length - 1]) && /['"`][^'"`\n]*\bdist\/[^'"`\n]*['"`]/.test(source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, ''))) {
			return `${chain.join(' → ')} names a path in dist/`;
		}
		for (const specifier of runtimeImports(source)) {
			if (FORBIDDEN_PACKAGES.includes(specifier)) return `${chain.join(' → ')} imports ${specifier}`;
			if (!specifier.startsWith('.')) continue;
			const target = resolveRelative(current, specifier);
			if (!target) return `${chain.join(' → ')} imports ${specifier}, which does not resolve`;
			const relative = path.relative(ROOT, target).split(path.sep).join('/');
			const forbidden = FORBIDDEN_PATHS.find(([pattern]) => pattern.test(relative));
			if (forbidden) return `${[...chain, relative].join(' → ')}: ${forbidden[1]}`;
			queue.push({ file: target, chain: [...chain, relative] });
		}
	}
	return undefined;
}

describe('the test tiers', () => {
	const unit = listTests('--selectProjects', 'unit');
	const engine = listTests('--selectProjects', 'engine');

	it('put every test file in exactly one tier', () => {
		const all = listTests();
		expect(unit.filter((file) => engine.includes(file))).toEqual([]);
		expect([...unit, ...engine].sort()).toEqual(all);
		expect(unit).toContain('test/package/tiers.unit.test.ts');
		expect(engine).toContain('test/harness/index.test.ts');
	});

	it('keep the unit tier away from dist, the harness, the emulator and n8n-core', () => {
		expect(unit.length).toBeGreaterThan(5);
		expect(unit.map(reachesEngine).filter(Boolean)).toEqual([]);
	});

	it('would catch a unit test that reaches them', () => {
		// The engine tier's own files: each reaches one of them (else this check proves nothing).
		for (const file of ['test/harness/index.test.ts', 'test/nodes/Enfonica/actions/phoneNumberInstance/get.test.ts', 'test/nodes/Enfonica/vendor/libphonenumber.test.ts', 'test/emulator/emulator.test.ts']) {
			expect(reachesEngine(file)).toEqual(expect.any(String));
		}
		expect(reachesEngine('test/nodes/Enfonica/actions/phoneNumberInstance/get.test.ts')).toMatch(/^test\/nodes\/Enfonica\/actions\/phoneNumberInstance\/get\.test\.ts → test\/support\/setup\.ts → test\/(emulator|harness)\/index\.ts: the (emulator|engine harness)$/);
		expect(reachesEngine('test/nodes/Enfonica/vendor/libphonenumber.test.ts')).toMatch(/names a path in dist\//);
	});
});
