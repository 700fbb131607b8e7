/**
 * Cold load: how long n8n takes to require this package's credential and nodes on start, against
 * the previous build measured in the same run (absolute times on a shared machine are noise).
 */
import { execFileSync, execSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { median } from './measure';
import type { Row } from './rows';
import { verdict } from './rows';

/** Time to require `files` in a fresh Node process, n8n-workflow loaded first (n8n has it loaded). */
function requireOnceMs(root: string, files: string[]): number {
	const script = `require('n8n-workflow');const t=process.hrtime.bigint();for(const f of ${JSON.stringify(files)})require(f);process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6));`;
	return Number(execFileSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' }));
}

/** What n8n requires on start: every file package.json's `n8n` section names. */
export function loadedFiles(root: string): string[] {
	const { n8n } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { n8n: { nodes?: string[]; credentials?: string[] } };
	return [...(n8n.credentials ?? []), ...(n8n.nodes ?? [])].map((file) => join(root, file));
}

/** Medians of requiring each package's files in fresh processes, the packages taking turns. */
export function coldLoadMs(roots: string[], processes = 9): number[] {
	const samples = roots.map(() => [] as number[]);
	for (let run = 0; run < processes; run++) roots.forEach((root, index) => samples[index].push(requireOnceMs(root, loadedFiles(root))));
	return samples.map(median);
}

/**
 * The previous build: `BENCH_BASELINE` (a git ref) if set; else the last commit when the build's
 * inputs have uncommitted changes, else the commit before it.
 */
export function baselineRef(root: string): string {
	if (process.env.BENCH_BASELINE) return process.env.BENCH_BASELINE;
	const inputs = ['nodes', 'credentials', 'gulpfile.js', 'package.json', 'tsconfig.json', 'tsconfig.build.json', 'scripts/build'];
	const changed = execFileSync('git', ['status', '--porcelain', '--', ...inputs], { cwd: root, encoding: 'utf8' }).trim() !== '';
	return changed ? 'HEAD' : 'HEAD~1';
}

/** Builds `ref` with its own build script into a temporary folder (sharing node_modules); returns the folder. */
export function buildRef(root: string, ref: string): string {
	const dir = mkdtempSync(join(tmpdir(), 'enfonica-baseline-'));
	execSync(`git archive --format=tar ${JSON.stringify(ref)} | tar -x -C ${JSON.stringify(dir)}`, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
	symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
	execFileSync('npm', ['run', 'build', '--silent'], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
	return dir;
}

/** The bundled libphonenumber-js against the library's own CommonJS build (what the package loaded before). */
function libraryLoadMs(root: string, processes: number): { bundleMs: number; nodeModulesMs: number } {
	const bundle: number[] = [];
	const nodeModules: number[] = [];
	for (let run = 0; run < processes; run++) {
		bundle.push(requireOnceMs(root, [join(root, 'dist/nodes/Enfonica/vendor/libphonenumber.js')]));
		nodeModules.push(requireOnceMs(root, [require.resolve('libphonenumber-js', { paths: [root] })]));
	}
	return { bundleMs: median(bundle), nodeModulesMs: median(nodeModules) };
}

export function coldLoadRows(root: string, processes = 9): Row[] {
	const ref = baselineRef(root);
	const commit = execFileSync('git', ['rev-parse', '--short', ref], { cwd: root, encoding: 'utf8' }).trim();
	const baseline = buildRef(root, ref);
	try {
		const [now, before] = coldLoadMs([root, baseline], processes);
		const ratio = now / before;
		const library = libraryLoadMs(root, processes);
		return [
			{ measure: `Cold load: credential + nodes from dist (median of ${processes} processes)`, value: `${now.toFixed(1)} ms`, target: '≤ 20 ms', met: verdict(now <= 20) },
			{
				measure: `… vs the previous build, ${ref} (${commit}), built and loaded in turn in this run`,
				value: `${ratio.toFixed(2)}× (${now.toFixed(1)} vs ${before.toFixed(1)} ms)`,
				target: '≤ 1.05×',
				met: verdict(ratio <= 1.05),
			},
			{
				measure: '… libphonenumber-js alone: the bundle vs its CommonJS build from node_modules (the former path)',
				value: `${(library.bundleMs / library.nodeModulesMs).toFixed(2)}× (${library.bundleMs.toFixed(1)} vs ${library.nodeModulesMs.toFixed(1)} ms)`,
				target: 'reported',
				met: '–',
			},
		];
	} finally {
		rmSync(baseline, { recursive: true, force: true });
	}
}
