/**
 * Runs the emulator on its own for a demo or manual n8n testing: `npm run emulator`
 * (PORT env, default 3939). Prints a throwaway local key and token to paste into n8n.
 */
import { randomBytes } from 'node:crypto';
import { startEmulator } from './index';

async function main(): Promise<void> {
	const port = process.env.PORT ? Number(process.env.PORT) : 3939;
	const emulator = await startEmulator({ port });
	const { projects } = emulator.seedSample();
	const key = emulator.createServiceAccount({ projectId: projects[0], projects, clientEmail: 'n8n-demo@demo-project.iam.enfonica.test' });
	const bearerToken = `emu-bearer-${randomBytes(18).toString('base64url')}`;
	emulator.addBearerToken(bearerToken, { projects, label: 'standalone-bearer' });

	const lines = [
		'',
		'Enfonica emulator running — paste these into the n8n "Enfonica API" credential:',
		'',
		`  API base URL:   ${emulator.baseUrl}`,
		`  Token URL:      ${emulator.tokenUrl}`,
		`  Projects:       ${projects.join(', ')}  (${projects[1]} starts empty)`,
		'',
		'  Service account key JSON (a throwaway key generated just now, valid only against this emulator):',
		'',
		JSON.stringify(key),
		'',
		`  Bearer token:   ${bearerToken}`,
		'',
		'Press Ctrl-C to stop.',
		'',
	];
	process.stdout.write(lines.join('\n'));

	const stop = (): void => {
		void emulator.close().then(() => process.exit(0));
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
	process.stderr.write(`Could not start the Enfonica emulator: ${(error as Error).message}\n`);
	process.exit(1);
});
