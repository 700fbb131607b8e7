/** The standalone launcher (npm run emulator) starts, prints working credentials and stops on SIGINT. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { exchangeKey } from './testSupport';

it('prints a base URL, a key and a bearer token that work, and exits on Ctrl-C', async () => {
	const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', join(__dirname, 'standalone.ts')], {
		cwd: join(__dirname, '../..'),
		env: { ...process.env, PORT: '0' },
	});
	let output = '';
	const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
	try {
		await new Promise<void>((resolve, reject) => {
			child.stdout.on('data', (chunk: Buffer) => {
				output += chunk.toString();
				if (output.includes('Ctrl-C')) resolve();
			});
			child.on('exit', () => reject(new Error(`standalone exited early:\n${output}`)));
		});
		const baseUrl = /API base URL:\s+(\S+)/.exec(output)?.[1];
		const tokenUrl = /Token URL:\s+(\S+)/.exec(output)?.[1];
		const bearer = /Bearer token:\s+(\S+)/.exec(output)?.[1];
		const key = JSON.parse(output.split('\n').find((line) => line.startsWith('{"type":"service_account"')) ?? '{}');
		expect(tokenUrl).toBe(`${baseUrl}/token`);
		expect(key.token_uri).toBe(tokenUrl);
		expect(output).toContain('demo-project, demo-project-2');

		const list = await fetch(`${baseUrl}/v1beta1/projects/demo-project/phoneNumberInstances?pageSize=100`, { headers: { Authorization: `Bearer ${bearer}` } });
		expect(list.status).toBe(200);
		expect(((await list.json()) as { phoneNumberInstances: unknown[] }).phoneNumberInstances.length).toBeGreaterThanOrEqual(8);
		const empty = await fetch(`${baseUrl}/v1beta1/projects/demo-project-2/phoneNumberInstances`, { headers: { Authorization: `Bearer ${bearer}` } });
		expect(empty.status).toBe(200);
		const exchanged = await exchangeKey(key);
		expect(exchanged.status).toBe(200);
		const withKey = await fetch(`${baseUrl}/v1beta1/projects/demo-project-2/phoneNumberInstances`, {
			headers: { Authorization: `Bearer ${exchanged.json.access_token}` },
		});
		expect(withKey.status).toBe(200);
	} finally {
		child.kill('SIGINT');
	}
	expect(await exited).toBe(0);
});
