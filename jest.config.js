/**
 * Two tiers (docs/development.md):
 * - unit: pure logic run from the TypeScript sources, no build, fake timers for waits:
 *   `npm run test:unit`. A file is in it when it is named `*.unit.test.ts`.
 *   test/package/tiers.unit.test.ts checks that no unit test reaches dist, the harness or the emulator.
 * - engine: everything else, the built package (dist/) run inside n8n-core's engine against the
 *   emulator: `npm run test:engine` (after `npm run build`).
 * `npm test` builds, lints, scans and runs both.
 * Tests mirror the sources: the test of nodes/Enfonica/<dir>/<file>.ts is
 * test/nodes/Enfonica/<dir>/<file>.test.ts (or <file>.unit.test.ts).
 */
const shared = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	rootDir: __dirname,
	roots: ['<rootDir>/test'],
	transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
};

module.exports = {
	testTimeout: 30000,
	maxWorkers: 2,
	projects: [
		{
			...shared,
			displayName: 'unit',
			testMatch: ['<rootDir>/test/**/*.unit.test.ts'],
		},
		{
			...shared,
			displayName: 'engine',
			testMatch: ['<rootDir>/test/**/*.test.ts'],
			testPathIgnorePatterns: ['/node_modules/', '\\.unit\\.test\\.ts$'],
		},
	],
};
