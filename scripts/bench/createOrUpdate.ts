/**
 * Create or Update matched on a label: 100 items against a 10,000-number project. The project is
 * listed once for the whole run (⌈10,000/100⌉ list requests), then only the writes are sent; the
 * time is compared with a plain Get Many (Return All) of the same project.
 */
import type { Emulator } from '../../test/emulator';
import type { Harness } from '../../test/harness';
import { interleaved, timeMs } from './measure';
import type { Row } from './rows';
import { verdict } from './rows';

const PROJECT = 'upsert';

export async function createOrUpdateRows(h: Harness, emu: Emulator, credentialId: string, n: number, rounds: number): Promise<Row[]> {
	const items = 100;
	const held = items / 2;
	emu.seedBulk(PROJECT, n - held, { startNumber: '+61370200000' });
	emu.seed(PROJECT, Array.from({ length: held }, (_, index) => ({ phoneNumber: `+613702${String(90000 + index)}`, labels: { order: `O-${index}` } })));
	const orders = Array.from({ length: items }, (_, index) => ({ order: `O-${index}`, number: `+612555600${String(index).padStart(2, '0')}` }));
	const upsert = async () => {
		const parameters = {
			resource: 'phoneNumberInstance',
			operation: 'createOrUpdate',
			project: PROJECT,
			matchOn: 'label',
			matchLabelKey: 'order',
			matchLabelValue: '={{ $json.order }}',
			phoneNumber: '={{ $json.number }}',
		};
		const run = await h.runNode({ parameters, credentialId, items: orders });
		if (run.error) throw run.error;
		return run.items;
	};
	const getMany = async () => {
		const run = await h.runNode({ parameters: { resource: 'phoneNumberInstance', operation: 'getMany', project: PROJECT, returnAll: true }, credentialId });
		if (run.error) throw run.error;
	};
	const apiRequests = () => emu.requests.filter((request) => request.path.startsWith(`/v1beta1/projects/${PROJECT}/`));

	emu.clearLog();
	const firstMs = await timeMs(upsert);
	const lists = apiRequests().filter((request) => request.method === 'GET').length;
	const posts = apiRequests().filter((request) => request.method === 'POST').length;
	const others = apiRequests().length - lists - posts;
	const pages = Math.ceil(n / 100);
	emu.clearLog();
	const rerunItems = await upsert();
	const rerunWrites = apiRequests().filter((request) => request.method !== 'GET').length;
	const times = await interleaved(rounds, { upsert, getMany });
	const ratio = times.upsert / times.getMany;
	return [
		{
			measure: `Create or Update on a label, ${items} items (${held} held) vs a ${n}-number project: requests`,
			value: `${lists} lists + ${posts} purchases${others ? ` + ${others} other` : ''}`,
			target: `${pages} + ${items - held}`,
			met: verdict(lists === pages && posts === items - held && others === 0),
		},
		{
			measure: '… the same run again: writes, actions',
			value: `${rerunWrites} writes, ${rerunItems.filter((item) => item.json.action === 'unchanged').length} unchanged`,
			target: `0, ${items}`,
			met: verdict(rerunWrites === 0 && rerunItems.every((item) => item.json.action === 'unchanged')),
		},
		{
			measure: `… time of a re-run vs Get Many (Return All) of the project; first run with purchases ${firstMs.toFixed(0)} ms`,
			value: `${ratio.toFixed(2)}× (${times.upsert.toFixed(0)} vs ${times.getMany.toFixed(0)} ms)`,
			target: '≤ 1.25×',
			met: verdict(ratio <= 1.25),
		},
	];
}
