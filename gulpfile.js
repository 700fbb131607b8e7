const { src, dest } = require('gulp');

// tsc emits only JavaScript; n8n reads icons and codex files from dist, beside the compiled nodes.
function buildIcons() {
	return src(['nodes/**/*.{png,svg}', 'nodes/**/*.node.json', 'credentials/**/*.{png,svg}'], { base: '.', encoding: false }).pipe(dest('dist'));
}

exports['build:icons'] = buildIcons;
