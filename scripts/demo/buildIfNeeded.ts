import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestMtime(dir: string, match: RegExp): number {
	if (!existsSync(dir)) return 0;
	let newest = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path, match));
		else if (match.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
	}
	return newest;
}

/** Runs `npm run build` when dist/ is missing or older than the sources. */
export function buildIfNeeded(root: string): void {
	const sources = Math.max(newestMtime(join(root, 'nodes'), /\.(ts|svg|json)$/), newestMtime(join(root, 'credentials'), /\.(ts|svg)$/));
	const built = newestMtime(join(root, 'dist'), /\.js$/);
	if (built >= sources && existsSync(join(root, 'dist/nodes/Enfonica/Enfonica.node.js'))) return;
	console.log('Building the package (dist/ is missing or older than the sources)…');
	execSync('npm run build --silent', { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}
