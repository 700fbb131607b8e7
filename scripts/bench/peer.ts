/**
 * The peer rows: n8n's own HTTP Request node paginating the same pages, against Enfonica Get Many
 * and a bare fetch loop, all in one child process on the real n8n of `.n8n-local` (its Node.js,
 * its n8n-core, n8n-workflow and n8n-nodes-base; see peerChild.ts). Skipped when it is absent.
 */
import { startEmulator } from '../../test/emulator';
import { runChild } from './child';
import { findN8nLocal } from './n8nLocal';
import type { PeerInput, PeerResult } from './peerChild';
import type { Row } from './rows';
import { verdict } from './rows';

export async function peerRows(root: string, n: number, rounds: number): Promise<Row[]> {
	const local = findN8nLocal(root);
	if (!local) {
		return [{ measure: `n8n's HTTP Request node paginating the same ${Math.ceil(n / 100)} pages (real n8n)`, value: 'skipped: run `npm run test:n8n` once', target: 'slower than Get Many', met: '–' }];
	}
	const emu = await startEmulator();
	const token = 'bench-peer-token';
	emu.addBearerToken(token, { projects: '*' });
	emu.seedBulk('bench-peer', n);
	let result: PeerResult;
	try {
		const input: PeerInput = { baseUrl: emu.baseUrl, token, project: 'bench-peer', n, rounds, modules: local.modules };
		result = await runChild<PeerResult>('peerChild.ts', input, local.node);
	} finally {
		await emu.close();
	}
	const { ms } = result;
	const engine = `n8n ${local.n8nVersion} (n8n-core ${result.coreVersion}), Node ${result.node}`;
	const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}× (${a.toFixed(0)} vs ${b.toFixed(0)} ms)`;
	return [
		{ measure: `In ${engine}: HTTP Request node v${result.httpRequestVersion} paginating the same ${Math.ceil(n / 100)} pages vs bare fetch`, value: ratio(ms.httpRequest, ms.bare), target: 'reported', met: verdict(result.httpRequestItems === n) },
		{ measure: `… Get Many all ${n} (Simplify off) vs bare fetch`, value: ratio(ms.off, ms.bare), target: '≤ 1.25×', met: verdict(ms.off / ms.bare <= 1.25) },
		{ measure: `… Get Many all ${n} (default settings) vs bare fetch`, value: ratio(ms.default, ms.bare), target: '≤ 1.25×', met: verdict(ms.default / ms.bare <= 1.25) },
		{ measure: `… Get Many all ${n} (default settings) vs Simplify off`, value: ratio(ms.default, ms.off), target: '≤ 1.10×', met: verdict(ms.default / ms.off <= 1.1 && result.getManyItems === n) },
		{ measure: `… Get Many all ${n} (default settings, ${n} items) vs the HTTP Request node (${Math.ceil(n / 100)} page items)`, value: ratio(ms.default, ms.httpRequest), target: '< 1.00×', met: verdict(ms.default < ms.httpRequest) },
	];
}
