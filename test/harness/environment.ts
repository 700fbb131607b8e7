import { mkdirSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';

/**
 * Points n8n's user folder at a scratch directory. n8n-core's InstanceSettings reads
 * N8N_USER_FOLDER when first constructed (the first node context does that) and writes an
 * encryption key and settings file under it; without this, tests would write into ~/.n8n.
 * Must run before anything asks the DI container for InstanceSettings.
 *
 * One fixed folder per OS user, reused by every run: it only ever holds n8n's generated
 * settings file, and jest workers end without 'exit' hooks that could clean up per run.
 */
export function useScratchUserFolder(): string {
	const folder = path.join(tmpdir(), `n8n-harness-user-folder-${userInfo().uid}`);
	mkdirSync(folder, { recursive: true });
	process.env.N8N_USER_FOLDER = folder;
	return folder;
}
