import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

import { median } from './measure';

/** Median time to require `files` in fresh Node processes, n8n-workflow loaded first (n8n has it loaded). */
function requireMs(root: string, files: string[], processes: number): { medianMs: number; samples: number[] } {
	const script = `require('n8n-workflow');const t=process.hrtime.bigint();for(const f of ${JSON.stringify(files)})require(f);process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6));`;
	const samples: number[] = [];
	for (let run = 0; run < processes; run++) {
		samples.push(Number(execFileSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' })));
	}
	return { medianMs: median(samples), samples };
}

/** Median time to require the credential and both nodes from dist in fresh Node processes. */
export function coldLoadMs(root: string, processes = 7): { medianMs: number; samples: number[] } {
	const files = ['dist/credentials/EnfonicaApi.credentials.js', 'dist/nodes/Enfonica/Enfonica.node.js', 'dist/nodes/Enfonica/EnfonicaTrigger.node.js'];
	return requireMs(root, files.map((file) => join(root, file)), processes);
}

/** The bundled libphonenumber-js against the library's own CommonJS build (what the package loaded before). */
export function libraryLoadMs(root: string, processes = 7): { bundleMs: number; nodeModulesMs: number } {
	return {
		bundleMs: requireMs(root, [join(root, 'dist/nodes/Enfonica/vendor/libphonenumber.js')], processes).medianMs,
		nodeModulesMs: requireMs(root, [require.resolve('libphonenumber-js', { paths: [root] })], processes).medianMs,
	};
}
