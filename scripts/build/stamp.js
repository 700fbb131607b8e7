// @ts-check
/**
 * The build stamp: `npm run build` records a hash of every input it builds from in
 * dist/build-stamp.json; the test harness, the demo and the bench compare it with the sources
 * now, so nothing runs a dist built from other sources than those in the working tree.
 * Hashes, not modification times: a checkout or a rebase touches files without changing them.
 */
const { createHash } = require('node:crypto');
const { existsSync, readFileSync, readdirSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const STAMP = 'dist/build-stamp.json';
/** Folders whose every file goes into dist (compiled, bundled or copied). */
const SOURCE_FOLDERS = ['nodes', 'credentials'];
/** Files that decide how they are built. */
const BUILD_FILES = ['gulpfile.js', 'tsconfig.json', 'tsconfig.build.json'];

/** @param {string} text */
function hash(text) {
	return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** @param {string} root @param {string} folder @returns {string[]} paths relative to root, with `/` */
function filesUnder(root, folder) {
	const absolute = path.join(root, folder);
	if (!existsSync(absolute)) return [];
	return /** @type {import('node:fs').Dirent[]} */ (readdirSync(absolute, { recursive: true, withFileTypes: true }))
		.filter((entry) => entry.isFile())
		.map((entry) => path.relative(root, path.join(entry.parentPath ?? entry.path, entry.name)).split(path.sep).join('/'))
		.sort();
}

/**
 * What the build reads, each with its hash: the sources, the build's own configuration, and the
 * parts of package.json it uses (the `n8n` section names the entry points; devDependencies pin the
 * bundled library and the tools).
 * @param {string} root
 * @returns {Record<string, string>}
 */
function buildInputs(root) {
	/** @type {Record<string, string>} */
	const inputs = {};
	for (const file of [...SOURCE_FOLDERS.flatMap((folder) => filesUnder(root, folder)), ...BUILD_FILES]) {
		if (existsSync(path.join(root, file))) inputs[file] = hash(readFileSync(path.join(root, file), 'utf8'));
	}
	const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
	inputs['package.json n8n'] = hash(JSON.stringify(manifest.n8n ?? null));
	inputs['package.json devDependencies'] = hash(JSON.stringify(manifest.devDependencies ?? null));
	return inputs;
}

/** Written by the build, last, once dist is complete. @param {string} root */
function writeBuildStamp(root) {
	writeFileSync(path.join(root, STAMP), `${JSON.stringify({ inputs: buildInputs(root) }, null, '\t')}\n`);
}

/**
 * Why dist does not match the sources now (missing, no stamp, or which inputs changed), or
 * undefined when it does.
 * @param {string} root
 * @returns {string | undefined}
 */
function staleBuild(root) {
	const stampPath = path.join(root, STAMP);
	if (!existsSync(stampPath)) {
		return `${path.join(root, 'dist')} has no build stamp (${STAMP}): it is missing or was not built by \`npm run build\`. Run \`npm run build\`.`;
	}
	/** @type {Record<string, string>} */
	const built = JSON.parse(readFileSync(stampPath, 'utf8')).inputs ?? {};
	const now = buildInputs(root);
	const changed = [...new Set([...Object.keys(built), ...Object.keys(now)])]
		.filter((input) => built[input] !== now[input])
		.map((input) => (built[input] === undefined ? `${input} (new)` : now[input] === undefined ? `${input} (deleted)` : input));
	if (changed.length === 0) return undefined;
	const shown = changed.slice(0, 5).join(', ') + (changed.length > 5 ? ` and ${changed.length - 5} more` : '');
	return `${path.join(root, 'dist')} was built from other sources than those in the working tree: ${shown} changed since. Run \`npm run build\`.`;
}

module.exports = { STAMP, buildInputs, staleBuild, writeBuildStamp };
