import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

/**
 * scripts/n8n/install.sh builds sqlite3 with `npm rebuild`. Started by `npm run`, it inherits
 * npm's settings as npm_config_* variables, among them the repository's .npmrc
 * `ignore-scripts=true`, under which the rebuild silently builds nothing (issue #11, part 1).
 * The full install takes minutes, so these tests run only the installer's --check-build-env
 * mode: the same `npm` invocation as the build step, answering `npm config get`.
 */
const ROOT = path.resolve(__dirname, '../../..');

function parse(stdout: string): Record<string, string> {
	return Object.fromEntries(
		stdout
			.split('\n')
			.filter((line) => /^[a-z-]+=/.test(line))
			.map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1).trim()]),
	);
}

/** What npm exports to a script when the project's .npmrc, or the user, turns scripts off. */
const npmExports = {
	npm_config_ignore_scripts: 'true',
	NPM_CONFIG_IGNORE_SCRIPTS: 'true',
	npm_config_build_from_source: 'false',
	npm_config_userconfig: path.join(ROOT, '.npmrc'),
	npm_package_name: 'n8n-nodes-enfonica',
};

describe('the n8n installer does not inherit npm settings', () => {
	it('under `npm run n8n:install`: the sqlite3 build runs with scripts on and from source', () => {
		const result = spawnSync('npm', ['run', '--silent', 'n8n:install', '--', '--check-build-env'], {
			cwd: ROOT,
			encoding: 'utf8',
			env: { ...process.env, ...npmExports },
		});
		expect(result.status).toBe(0);
		const settings = parse(result.stdout);
		expect(settings['ignore-scripts']).toBe('false');
		expect(settings['build-from-source']).toBe('true');
		expect(settings.inherited).toBe('');
	});

	it('when a launcher (npm run test:n8n, npm run n8n) spawns it: the same', () => {
		const script = `require(${JSON.stringify(path.join(ROOT, 'scripts', 'n8n', 'install.js'))}).checkBuildEnv()`;
		const result = spawnSync('npm', ['exec', '--', 'node', '-e', `process.stdout.write(${script})`], {
			cwd: ROOT,
			encoding: 'utf8',
			env: { ...process.env, ...npmExports },
		});
		expect(result.status).toBe(0);
		const settings = parse(result.stdout);
		expect(settings['ignore-scripts']).toBe('false');
		expect(settings.inherited).toBe('');
	});
});
