/** Bench sections that run in a fresh child process: spawn, collect the JSON line it prints last. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** Runs a TypeScript bench script (ts-node, transpile only) under `node` and returns its last stdout line, parsed. */
export async function runChild<T>(script: string, input: unknown, node = process.execPath, extraArgs: string[] = []): Promise<T> {
	const child = spawn(node, [...extraArgs, '-r', require.resolve('ts-node/register/transpile-only'), join(__dirname, script)], {
		cwd: ROOT,
		env: { ...process.env, BENCH_CHILD_INPUT: JSON.stringify(input) },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
	const last = stdout.trim().split('\n').at(-1) ?? '';
	if (code !== 0 || !last.startsWith('{')) throw new Error(`${script} failed (exit ${code}): ${stderr.trim().split('\n').slice(-5).join(' | ') || last}`);
	return JSON.parse(last) as T;
}

/** In a child: the input its parent passed. */
export function childInput<T>(): T {
	return JSON.parse(process.env.BENCH_CHILD_INPUT ?? '{}') as T;
}

/** In a child: print the result as the last line. */
export function childOutput(result: unknown): void {
	process.stdout.write(`\n${JSON.stringify(result)}\n`);
}
