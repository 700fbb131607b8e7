import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

import { median } from './measure';

/** Median time to require the credential and both nodes from dist in fresh Node processes. */
export function coldLoadMs(root: string, processes = 7): { medianMs: number; samples: number[] } {
	const files = [
		'dist/credentials/EnfonicaApi.credentials.js',
		'dist/nodes/Enfonica/Enfonica.node.js',
		'dist/nodes/Enfonica/EnfonicaTrigger.node.js',
	].map((file) => join(root, file));
	// n8n-workflow is already loaded by n8n when it loads a community package: load it before timing.
	const script = `require('n8n-workflow');const t=process.hrtime.bigint();for(const f of ${JSON.stringify(files)})require(f);process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6));`;
	const samples: number[] = [];
	for (let run = 0; run < processes; run++) {
		samples.push(Number(execFileSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' })));
	}
	return { medianMs: median(samples), samples };
}
