#!/usr/bin/env node
// What `npm publish` would upload, checked from `npm pack --dry-run`: only dist/ and the docs
// (README, LICENSE, CHANGELOG, package.json), every node and credential package.json's `n8n`
// section names, both codex files, and no tests, scripts or source maps.
//
//   node scripts/verify/pack.mjs            this repository (dist must be built)
//   node scripts/verify/pack.mjs <dir>      another package folder (used by the tests)
//
// Exit code 1 when anything is missing or should not be there.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const DOCS = ['CHANGELOG.md', 'LICENSE.md', 'README.md', 'package.json'];
const CODEX = ['dist/nodes/Enfonica/Enfonica.node.json', 'dist/nodes/Enfonica/EnfonicaTrigger.node.json'];
const NOT_SHIPPED = /(^|\/)(test|tests|scripts|__tests__)\/|\.test\.|\.map$|\.ts$(?<!\.d\.ts$)/;

const packageDir = resolve(process.argv[2] ?? '.');
/** @type {{ n8n?: { nodes?: string[], credentials?: string[] } }} */
const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
/** @type {[{ files: Array<{ path: string }> }]} */
const [{ files }] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--silent'], { cwd: packageDir, encoding: 'utf8' }));
const paths = files.map((file) => file.path);

const problems = [
	...paths.filter((path) => !path.startsWith('dist/') && !DOCS.includes(path)).map((path) => `not dist/ or docs: ${path}`),
	...paths.filter((path) => NOT_SHIPPED.test(path)).map((path) => `test, script, source or map: ${path}`),
	...paths.filter((path) => path === 'dist/build-stamp.json').map((path) => `the build stamp (for the tests, not for users): ${path}`),
	...DOCS.filter((path) => !paths.includes(path)).map((path) => `missing: ${path}`),
	...[...CODEX, ...(pkg.n8n?.nodes ?? []), ...(pkg.n8n?.credentials ?? [])].filter((path) => !paths.includes(path)).map((path) => `missing: ${path}`),
];

console.log(`npm pack --dry-run: ${paths.length} files, ${paths.filter((path) => path.startsWith('dist/')).length} under dist/`);
for (const problem of problems) console.log(`  ${problem}`);
console.log(problems.length === 0 ? 'PASS npm pack contents' : `FAIL npm pack contents: ${problems.length} problem(s)`);
process.exitCode = problems.length === 0 ? 0 : 1;
