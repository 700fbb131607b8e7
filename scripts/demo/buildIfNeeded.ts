import { execSync } from 'node:child_process';

import { staleBuild } from '../build/stamp';

/** Runs `npm run build` when dist/ is missing or was built from other sources (its build stamp). */
export function buildIfNeeded(root: string): void {
	if (!staleBuild(root)) return;
	console.log('Building the package (dist/ is missing or was built from other sources)…');
	execSync('npm run build --silent', { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}
