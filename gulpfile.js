const fs = require('node:fs');
const path = require('node:path');
const { src, dest, parallel } = require('gulp');

const DIST = path.join(__dirname, 'dist');

// A fresh dist: a file left from an earlier build would otherwise be published.
async function clean() {
	fs.rmSync(DIST, { recursive: true, force: true });
}

// tsc emits only JavaScript; n8n reads icons and codex files from dist, beside the compiled nodes.
function buildIcons() {
	return src(['nodes/**/*.{png,svg}', 'nodes/**/*.node.json', 'credentials/**/*.{png,svg}'], { base: '.', encoding: false }).pipe(dest('dist'));
}

/**
 * n8n Cloud installs no runtime dependencies, so libphonenumber-js (a devDependency) is bundled
 * into the one file that re-exports it, replacing tsc's output of that file. Console calls are
 * dropped (n8n's scanner forbids them); the library's MIT licence is kept at the top.
 */
async function bundleLibphonenumber() {
	const esbuild = require('esbuild');
	const library = path.dirname(require.resolve('libphonenumber-js/package.json'));
	const { version } = require('libphonenumber-js/package.json');
	const licence = fs.readFileSync(path.join(library, 'LICENSE'), 'utf8').trim();
	await esbuild.build({
		entryPoints: [path.join(__dirname, 'nodes/Enfonica/vendor/libphonenumber.ts')],
		outfile: path.join(DIST, 'nodes/Enfonica/vendor/libphonenumber.js'),
		bundle: true,
		platform: 'node',
		format: 'cjs',
		target: 'node20',
		minify: true,
		drop: ['console', 'debugger'],
		legalComments: 'none',
		banner: { js: `/*! libphonenumber-js ${version}, bundled.\n${licence}\n*/` },
		logLevel: 'warning',
	});
}

exports.clean = clean;
exports['build:icons'] = buildIcons;
exports['build:bundle'] = bundleLibphonenumber;
exports.build = parallel(buildIcons, bundleLibphonenumber);
