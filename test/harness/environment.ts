import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Points n8n's user folder at a scratch directory. n8n-core's InstanceSettings reads
 * N8N_USER_FOLDER when first constructed (the first node context does that) and writes an
 * encryption key and settings file under it; without this, tests would write into ~/.n8n.
 * Must run before anything asks the DI container for InstanceSettings.
 */
export function useScratchUserFolder(): string {
	// The environment variable is the single source of truth, so repeated harnesses in one
	// process (jest worker) share the folder InstanceSettings has already read.
	const existing = process.env.N8N_USER_FOLDER;
	if (existing && path.basename(existing).startsWith('n8n-harness-')) return existing;
	const folder = mkdtempSync(path.join(tmpdir(), 'n8n-harness-'));
	process.env.N8N_USER_FOLDER = folder;
	return folder;
}
