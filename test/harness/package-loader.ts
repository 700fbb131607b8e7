import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PackageDirectoryLoader } from 'n8n-core';

import { staleBuild } from '../../scripts/build/stamp';

/**
 * Loaded packages by directory. The only module-level state in the harness: loading runs
 * every node/credential constructor, so one load per test file (jest gives each file its own
 * module registry) is enough.
 */
const loadedPackages = new Map<string, Promise<PackageDirectoryLoader>>();

/**
 * Loads a community-node package the way n8n does: PackageDirectoryLoader reads the
 * package.json `n8n` section and requires the listed dist/ files, adding what n8n adds at
 * load time (codex, the "Poll Times" parameter of polling nodes, ...).
 */
export async function loadPackage(packageDir: string): Promise<PackageDirectoryLoader> {
	const dir = path.resolve(packageDir);
	let loading = loadedPackages.get(dir);
	if (!loading) {
		assertBuilt(dir);
		loading = (async () => {
			const loader = new PackageDirectoryLoader(dir);
			await loader.loadAll();
			return loader;
		})();
		// A failed load (e.g. a build in progress) should be retried by the next harness.
		loading.catch(() => loadedPackages.delete(dir));
		loadedPackages.set(dir, loading);
	}
	return await loading;
}

/**
 * Fails with a useful message when the package has not been built, or was built from other
 * sources than those in the working tree (its build stamp, scripts/build/stamp.js): a test
 * must never run stale code silently. Packages loaded from TypeScript (the harness's own
 * fixture) have no build to check.
 */
function assertBuilt(dir: string): void {
	const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
		n8n?: { nodes?: string[]; credentials?: string[] };
	};
	const files = [...(manifest.n8n?.nodes ?? []), ...(manifest.n8n?.credentials ?? [])];
	if (files.length === 0) {
		throw new Error(`${dir}/package.json has no n8n.nodes / n8n.credentials to load`);
	}
	const missing = files.filter((file) => !existsSync(path.join(dir, file)));
	if (missing.length > 0) {
		throw new Error(
			`n8n would fail to load ${dir}: missing ${missing.join(', ')}. Run \`npm run build\` first.`,
		);
	}
	if (files.some((file) => file.startsWith('dist/'))) {
		const stale = staleBuild(dir);
		if (stale) throw new Error(`Refusing to test a stale build. ${stale}`);
	}
}
