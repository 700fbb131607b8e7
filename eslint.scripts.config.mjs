// scripts/ (run with Node.js, never published): ESLint's recommended rules with Node's globals.
// The package's own config (eslint.config.mjs) is n8n's scanner rules, which are for nodes/ and
// credentials/ only. `npm run lint` runs both; the type check of scripts/ is scripts/tsconfig.json.
import js from '@eslint/js';
import tsParser from '@typescript-eslint/parser';
import globals from 'globals';

export default [
	{ files: ['scripts/**/*.{js,mjs,ts}'], ...js.configs.recommended },
	{
		files: ['scripts/**/*.{js,mjs,ts}'],
		languageOptions: { ecmaVersion: 2022, sourceType: 'commonjs', globals: globals.node },
		rules: {
			eqeqeq: ['error', 'always'],
			'no-var': 'error',
			'prefer-const': 'error',
			'no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true, caughtErrors: 'none' }],
		},
	},
	{ files: ['scripts/**/*.mjs'], languageOptions: { sourceType: 'module' } },
	{
		files: ['scripts/**/*.ts'],
		languageOptions: { parser: tsParser, sourceType: 'module' },
		// The type check (tsc) finds undefined and unused names in TypeScript, with the types' knowledge.
		rules: { 'no-undef': 'off', 'no-unused-vars': 'off', 'no-redeclare': 'off' },
	},
];
