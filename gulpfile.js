const fs = require('node:fs');
const path = require('node:path');
const { src, dest, parallel, series } = require('gulp');

const { writeBuildStamp } = require('./scripts/build/stamp');

const ROOT = __dirname;
const DIST = path.join(ROOT, 'dist');
/** The one copy of libphonenumber-js in dist, which every node bundle requires. */
const LIBRARY_SOURCE = 'nodes/Enfonica/vendor/libphonenumber.ts';
const LIBRARY_OUT = path.join(DIST, 'nodes/Enfonica/vendor/libphonenumber.js');

// A fresh dist: a file left from an earlier build would otherwise be published.
async function clean() {
	fs.rmSync(DIST, { recursive: true, force: true });
}

// n8n reads icons and codex files from dist, beside the node and credential files.
function buildIcons() {
	return src(['nodes/**/*.{png,svg}', 'nodes/**/*.node.json', 'credentials/**/*.{png,svg}'], { base: '.', encoding: false }).pipe(dest('dist'));
}

/**
 * n8n Cloud installs no runtime dependencies, so libphonenumber-js (a devDependency) is bundled
 * into one file. Console calls are dropped (n8n's scanner forbids them); the library's MIT
 * licence is kept at the top.
 */
async function bundleLibphonenumber() {
	const esbuild = require('esbuild');
	const library = path.dirname(require.resolve('libphonenumber-js/package.json'));
	const { version } = require('libphonenumber-js/package.json');
	const licence = fs.readFileSync(path.join(library, 'LICENSE'), 'utf8').trim();
	await esbuild.build({
		entryPoints: [path.join(ROOT, LIBRARY_SOURCE)],
		outfile: LIBRARY_OUT,
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

/** Every file n8n loads, from package.json's `n8n` section: `dist/x/Y.node.js` is built from `x/Y.node.ts`. */
function entryPoints() {
	const { n8n } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
	return [...(n8n.nodes ?? []), ...(n8n.credentials ?? [])].map((built) => ({
		source: path.join(ROOT, built.replace(/^dist\//, '').replace(/\.js$/, '.ts')),
		out: path.join(ROOT, built),
	}));
}

/** Resolves the vendored library to the one shared file in dist, required relative to the bundle. */
function sharedLibrary(out) {
	return {
		name: 'shared-libphonenumber',
		setup(build) {
			build.onResolve({ filter: /\/vendor\/libphonenumber$/ }, () => {
				const relative = path.relative(path.dirname(out), LIBRARY_OUT).split(path.sep).join('/').replace(/\.js$/, '');
				return { path: relative.startsWith('.') ? relative : `./${relative}`, external: true };
			});
		},
	};
}

/**
 * Each node and the credential as one file (n8n requires each on start: one file reads and
 * compiles faster than the fifty modules tsc emits). n8n-workflow stays n8n's own; the library
 * stays one shared file. Not minified, so stack traces stay readable.
 */
async function bundleEntries() {
	const esbuild = require('esbuild');
	await Promise.all(
		entryPoints().map(({ source, out }) =>
			esbuild.build({
				entryPoints: [source],
				outfile: out,
				bundle: true,
				platform: 'node',
				format: 'cjs',
				target: 'node20',
				external: ['n8n-workflow'],
				plugins: [sharedLibrary(out)],
				legalComments: 'none',
				logLevel: 'warning',
			}),
		),
	);
}

// Last: the stamp says dist is complete and from which sources (scripts/build/stamp.js).
async function stamp() {
	writeBuildStamp(ROOT);
}

exports.clean = clean;
exports['build:icons'] = buildIcons;
exports['build:bundle'] = parallel(bundleEntries, bundleLibphonenumber);
exports.build = series(clean, parallel(buildIcons, bundleEntries, bundleLibphonenumber), stamp);
