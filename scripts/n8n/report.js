'use strict';
/** PASS/FAIL lines, phase timings and the closing summary every test:n8n mode prints. */
const { log, seconds } = require('./util');

/** @typedef {ReturnType<typeof createReport>} Report */
function createReport() {
	const started = Date.now();
	/** @type {import('./types').CheckResult[]} */
	const results = [];
	/** @type {Array<{ label: string, ms: number }>} */
	const phases = [];
	return {
		results,
		phases,
		/** @param {import('./types').CheckResult} result */
		record(result) {
			results.push(result);
			const mark = result.ok ? 'PASS' : result.skipped ? 'SKIP' : 'FAIL';
			log(`  ${mark}  ${result.label}${result.ms ? `  (${seconds(result.ms)})` : ''}`);
			if (result.summary) log(`        ${result.summary}`);
			for (const problem of result.problems || []) log(`        ✗ ${problem}`);
			return result;
		},
		/** @template T @param {string} label @param {() => T | Promise<T>} fn @returns {Promise<T>} */
		async phase(label, fn) {
			const phaseStarted = Date.now();
			try {
				return await fn();
			} finally {
				phases.push({ label, ms: Date.now() - phaseStarted });
			}
		},
		/**
		 * Prints timings and the summary; returns the exit code.
		 * @param {string} title
		 */
		finish(title) {
			const failed = results.filter((result) => !result.ok && !result.skipped);
			const passed = results.filter((result) => result.ok);
			const skipped = results.length - passed.length - failed.length;
			log('\nTimings:');
			for (const { label, ms } of phases) log(`  ${label.padEnd(48)} ${seconds(ms)}`);
			log(`  ${'total'.padEnd(48)} ${seconds(Date.now() - started)}`);
			log(`\n${failed.length ? 'FAILED' : 'PASSED'}: ${passed.length} passed, ${failed.length} failed, ${skipped} skipped — ${title}, ${new Date().toISOString().slice(0, 10)}`);
			return failed.length ? 1 : 0;
		},
	};
}

module.exports = { createReport };
