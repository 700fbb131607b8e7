/**
 * Get Many, Return All, 10,000 numbers, through the engine: Simplify off and the default settings
 * (Simplify on) against a bare fetch loop, and against each other (Simplify's own cost).
 */
import type { Emulator } from '../../test/emulator';
import type { Harness } from '../../test/harness';
import { bareListAll } from './bareList';
import { interleaved } from './measure';
import type { Row } from './rows';
import { verdict } from './rows';

export async function getManyRows(h: Harness, emu: Emulator, credentialId: string, token: string, n: number, rounds: number): Promise<Row[]> {
	const rows: Row[] = [];
	const listRequests = () => emu.requests.filter((request) => request.method === 'GET' && request.path.endsWith('/phoneNumberInstances')).length;
	const counts: Record<string, number> = {};
	const getMany = (simplify: boolean | undefined) => async () => {
		// `undefined`: the parameter left at its default, as a new node has it.
		const parameters = { resource: 'phoneNumberInstance', operation: 'getMany', returnAll: true, ...(simplify === undefined ? {} : { simplify }) };
		const run = await h.runNode({ parameters, credentialId });
		if (run.error) throw run.error;
		counts[String(simplify)] = run.items.length;
	};
	const requests: Record<string, number> = {};
	for (const simplify of [false, undefined]) {
		emu.clearLog();
		await getMany(simplify)();
		requests[String(simplify)] = listRequests();
	}
	const times = await interleaved(rounds, {
		off: getMany(false),
		default: getMany(undefined),
		bare: async () => await bareListAll(emu.baseUrl, 'bench', token),
	});
	const pages = Math.ceil(n / 100);
	for (const [key, label] of [['false', 'Simplify off'], ['undefined', 'default settings, Simplify on']] as const) {
		rows.push({ measure: `Get Many all ${n} (${label}): requests`, value: `${requests[key]} (items ${counts[key]})`, target: `${pages}`, met: verdict(requests[key] === pages && counts[key] === n) });
	}
	const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}× (${a.toFixed(0)} vs ${b.toFixed(0)} ms)`;
	rows.push({ measure: `Get Many all ${n} (Simplify off): time vs bare fetch`, value: ratio(times.off, times.bare), target: '≤ 1.25×', met: verdict(times.off / times.bare <= 1.25) });
	rows.push({ measure: `Get Many all ${n} (default settings): time vs bare fetch`, value: ratio(times.default, times.bare), target: '≤ 1.25×', met: verdict(times.default / times.bare <= 1.25) });
	rows.push({ measure: `Get Many all ${n}: default settings vs Simplify off (Simplify's cost)`, value: ratio(times.default, times.off), target: '≤ 1.10×', met: verdict(times.default / times.off <= 1.1) });
	return rows;
}
