/**
 * Two tiers (docs/development.md):
 * - unit: pure logic run from the TypeScript sources, no build, fake timers for waits:
 *   `npm run test:unit`. A file is in it when it is named `*.unit.test.ts`, or listed in
 *   PURE_TESTS (pure tests from before the tiers, kept under their names).
 *   test/tiers.unit.test.ts checks that no unit test reaches dist, the harness or the emulator.
 * - engine: everything else, the built package (dist/) run inside n8n-core's engine against the
 *   emulator: `npm run test:engine` (after `npm run build`).
 * `npm test` builds, lints, scans and runs both.
 */
const PURE_TESTS = [
	'test/descriptions.test.ts',
	'test/helpers.test.ts',
	'test/phoneNumbers.formats.test.ts',
	'test/readme.test.ts',
	'test/retry.test.ts',
	'test/transport.answerInError.test.ts',
	'test/trigger.state.test.ts',
];

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

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
			testMatch: ['<rootDir>/test/**/*.unit.test.ts', ...PURE_TESTS.map((file) => `<rootDir>/${file}`)],
		},
		{
			...shared,
			displayName: 'engine',
			testMatch: ['<rootDir>/test/**/*.test.ts'],
			testPathIgnorePatterns: ['/node_modules/', '\\.unit\\.test\\.ts$', ...PURE_TESTS.map((file) => `/${escape(file)}$`)],
		},
	],
};
