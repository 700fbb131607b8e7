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
	let raw: unknown[] = [];
	const getMany = (simplify: boolean | undefined) => async () => {
		// `undefined`: the parameter left at its default, as a new node has it.
		const parameters = { resource: 'phoneNumberInstance', operation: 'getMany', returnAll: true, ...(simplify === false ? { outputFormat: 'raw' } : {}) };
		const run = await h.runNode({ parameters, credentialId });
		if (run.error) throw run.error;
		counts[String(simplify)] = run.items.length;
		if (simplify === false) raw = run.items.map((item) => item.json);
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
	rows.push(...(await simplifyCostRows(raw, times.off, rounds)));
	return rows;
}

/**
 * Simplify alone, on the instances of a Raw run: the node's 19-field flat instance (version 1's Simplify, the trigger's) (from the sources),
 * and, for comparison, the formats as libphonenumber-js's public API gives them (the former path).
 * Steadier than the difference of two listings on a busy machine.
 */
async function simplifyCostRows(instances: unknown[], listingOffMs: number, rounds: number): Promise<Row[]> {
	// From the sources: the build bundles each node into one file, which exports neither.
	const { flatInstance: simplifyInstance } = await import('../../nodes/Enfonica/models/phoneNumberInstance');
	const { libraryFormatsOf } = await import('../../nodes/Enfonica/helpers/phoneNumberFormats');
	const typed = instances as Array<Parameters<typeof simplifyInstance>[0]>;
	const numbers = typed.map((instance) => instance.phoneNumber?.phoneNumber ?? '');
	const times = await interleaved(rounds, {
		simplify: async () => typed.map(simplifyInstance),
		library: async () => numbers.map(libraryFormatsOf),
	});
	const perNumber = (ms: number) => `${((ms * 1000) / Math.max(1, typed.length)).toFixed(2)} µs a number`;
	return [
		{ measure: `Simplify alone, ${typed.length} instances (simplifyInstance)`, value: `${times.simplify.toFixed(1)} ms, ${perNumber(times.simplify)}: ${((100 * times.simplify) / listingOffMs).toFixed(1)}% of Get Many Simplify off`, target: '≤ 10%', met: verdict(times.simplify / listingOffMs <= 0.1) },
		{ measure: `… the formats by libphonenumber-js's parsePhoneNumberFromString (the former path)`, value: `${times.library.toFixed(0)} ms, ${perNumber(times.library)}: ${(times.library / times.simplify).toFixed(0)}× Simplify now`, target: 'reported', met: '–' },
	];
}
