#!/usr/bin/env node
// n8n's verification scan, run locally: the two passes of `@n8n/scan-community-package`
// (its CLI only takes a published package name). Pass 1 lints the sources as the scanner lints
// the provenance-attested checkout; pass 2 lints what `npm pack` would publish.
//
//   node scripts/verify/scan.mjs            this repository (dist must be built)
//   node scripts/verify/scan.mjs <dir>      another package folder (used by the tests)
//
// Exit code 1 on any error. Warnings are printed, not fatal (as in n8n's scan).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

const TARBALL_FILE_PATTERNS = ['**/*.js', 'package.json'];

/**
 * Packs `packageDir` as npm publishes it and unpacks it into a temporary folder.
 * @param {string} packageDir @param {string} scratch
 */
function unpackedTarball(packageDir, scratch) {
	const packed = execFileSync('npm', ['pack', '--silent', '--pack-destination', scratch], { cwd: packageDir, encoding: 'utf8' }).trim().split('\n').pop() ?? '';
	const unpacked = join(scratch, 'package');
	execFileSync('tar', ['-xzf', join(scratch, packed), '-C', scratch]);
	return unpacked;
}

/** @param {string} label @param {Awaited<ReturnType<typeof analyzePackage>>} result */
function report(label, result) {
	console.log(`${result.passed ? 'PASS' : 'FAIL'} ${label}${result.message ? `: ${result.message}` : ''}`);
	if (result.details?.trim()) console.log(result.details.trim());
}

const packageDir = resolve(process.argv[2] ?? '.');
const scratch = mkdtempSync(join(tmpdir(), 'enfonica-scan-'));
try {
	const source = await analyzePackage(packageDir, SOURCE_FILE_PATTERNS);
	report('source (package.json, nodes/, credentials/)', source);
	const tarballDir = unpackedTarball(packageDir, scratch);
	const files = readdirSync(tarballDir, { recursive: true }).length;
	const tarball = await analyzePackage(tarballDir, TARBALL_FILE_PATTERNS);
	report(`npm pack tarball (${files} entries)`, tarball);
	process.exitCode = source.passed && tarball.passed ? 0 : 1;
} finally {
	rmSync(scratch, { recursive: true, force: true });
}
