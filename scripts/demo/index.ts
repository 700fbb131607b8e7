/**
 * `npm run demo`: the package at work without an Enfonica account. Starts the emulator with a
 * sample project and runs a provisioning story and an alerting story through n8n-core's engine,
 * with the built package loaded by n8n's own loader.
 */
import { join } from 'node:path';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { SAMPLE_EMPTY_PROJECT, SAMPLE_PROJECT, startEmulator } from '../../test/emulator';
import { createHarness } from '../../test/harness';
import { buildIfNeeded } from './buildIfNeeded';
import { table } from './table';

const ROOT = join(__dirname, '..', '..');
const INSTANCE_COLUMNS = ['phoneNumber', 'displayName', 'lifecycleState', 'compliant', 'range', 'project'];

function rangeText(json: IDataObject): string {
	const range = json.range as { start: string; end: string; size: number } | null;
	return range ? `${range.start}…${range.end.slice(-2)} (${range.size})` : '';
}

function requestText(json: IDataObject): string {
	const request = json.request as { method: string; path: string; query?: IDataObject; body?: IDataObject } | null | undefined;
	if (request === undefined) return '';
	if (request === null) return '(nothing to send)';
	const number = (request.body?.phoneNumber as IDataObject | undefined)?.phoneNumber;
	return `${request.method} ${request.path.replace(/^\/v1beta1\/projects\/[^/]+\//, '')}${request.query?.updateMask ? `?updateMask=${String(request.query.updateMask)}` : ''}${number ? ` ${String(number)}` : ''}`;
}

function rows(items: Array<{ json: IDataObject }>): Array<Record<string, unknown>> {
	return items.map(({ json }) => ({
		...json,
		range: rangeText(json),
		project: String(json.project ?? '').replace('projects/', ''),
		request: requestText(json),
	}));
}

async function main(): Promise<void> {
	const started = Date.now();
	buildIfNeeded(ROOT);
	const emu = await startEmulator();
	emu.seedSample();
	const key = emu.createServiceAccount({ projectId: SAMPLE_PROJECT, projects: [SAMPLE_PROJECT, SAMPLE_EMPTY_PROJECT] });
	const h = await createHarness({ packageDir: ROOT });
	const { id: credentialId } = h.addCredential({ authentication: 'serviceAccountKey', serviceAccountKey: JSON.stringify(key), baseUrl: emu.baseUrl, tokenUrl: emu.tokenUrl });
	console.log(`Enfonica emulator on ${emu.baseUrl}; sample projects ${SAMPLE_PROJECT} and ${SAMPLE_EMPTY_PROJECT}.`);
	console.log('Every step below runs the built Enfonica node in n8n-core\'s WorkflowExecute, against the emulator.\n');

	let failures = 0;
	let stepNumber = 0;
	const step = async (title: string, asked: string, parameters: INodeParameters, columns = INSTANCE_COLUMNS, items?: IDataObject[]) => {
		stepNumber++;
		console.log(`${stepNumber}. ${title}\n   asked: ${asked}`);
		// Output → Selected Fields: just the columns shown (the name is always included).
		const run = await h.runNode({ parameters: { resource: 'phoneNumberInstance', outputFormat: 'selectedFields', fields: columns, ...parameters }, credentialId, items });
		if (run.error) {
			failures++;
			console.log(`   FAILED: ${run.error.message}\n`);
			return [];
		}
		console.log(`   got ${run.items.length} item(s):\n${table(rows(run.items), columns)}\n`);
		return run.items;
	};

	const [found] = await step('Find a number to buy', 'phone number search: AU, local, prefix 02 (Sydney), SMS, limit 3', {
		resource: 'phoneNumber',
		operation: 'search',
		countryCode: 'AU',
		limit: 3,
		filters: { numberType: 'LOCAL', prefix: '02', capabilities: ['SMS'] },
	}, ['phoneNumber', 'nationalFormat', 'numberType', 'capabilities', 'activationSku']);
	const typed = String(found?.json.nationalFormat ?? '02 5550 9000');
	const [bought] = await step('Buy it, typed in national format', `create "${typed}", Default Country AU`, {
		operation: 'create',
		phoneNumber: typed,
		additionalFields: { displayName: 'Campaign line' },
		options: { defaultCountry: 'AU' },
	});
	await step('Label it and route its calls and messages', 'update: labels campaign=spring (merge), call + message handlers', {
		operation: 'update',
		phoneNumberInstance: { __rl: true, mode: 'phoneNumber', value: String(bought?.json.phoneNumber ?? typed) },
		labelsMode: 'merge',
		updateFields: {
			labels: { label: [{ key: 'campaign', value: 'spring' }] },
			incomingCallHandlerUris: 'https://voice.example.com/campaign, sip:campaign@sip.example.com',
			incomingMessageHandlerUris: 'https://sms.example.com/campaign',
		},
	}, ['phoneNumber', 'labels', 'incomingCallHandlerUris', 'incomingMessageHandlerUris']);
	await step('Which regulatory listings can an Australian mobile use?', 'regulatory listing search: AU, MOBILE', {
		resource: 'regulatoryListing',
		operation: 'search',
		regionCode: 'AU',
		numberType: 'MOBILE',
	}, ['displayName', 'entityType', 'valid', 'verified', 'name']);
	await step('List the project', `get many in ${SAMPLE_PROJECT}, return all`, { operation: 'getMany', returnAll: true });
	await step('Split the 100-number range', 'split range +61255501100 keeping 20 numbers, output two items', {
		operation: 'splitRange',
		phoneNumberInstance: { __rl: true, mode: 'phoneNumber', value: '+61255501100' },
		size: 20,
		output: 'twoItems',
	});
	await step('Move a number to the second project', `move +61491570156 to ${SAMPLE_EMPTY_PROJECT}`, {
		operation: 'move',
		phoneNumberInstance: { __rl: true, mode: 'phoneNumber', value: '+61491570156' },
		destinationProject: SAMPLE_EMPTY_PROJECT,
	});
	await step('Release a number', `delete ${String(bought?.json.phoneNumber ?? 'the new number')}`, {
		operation: 'delete',
		phoneNumberInstance: { __rl: true, mode: 'name', value: String(bought?.json.name ?? '') },
	});

	// Provisioning that is safe to re-run: Create or Update matched on a label the workflow owns.
	const offered = await step('Find a number for each of three orders', 'phone number search: AU, local, prefix 02, limit 3', {
		resource: 'phoneNumber',
		operation: 'search',
		countryCode: 'AU',
		limit: 3,
		filters: { numberType: 'LOCAL', prefix: '02' },
	}, ['phoneNumber', 'nationalFormat']);
	const orders = ['A-1001', 'A-1002', 'A-1003'].map((orderId, index) => ({ orderId, number: String(offered[index]?.json.phoneNumber ?? '') }));
	const perOrder = (dryRun: boolean): INodeParameters => ({
		operation: 'createOrUpdate',
		matchOn: 'label',
		matchLabelKey: 'order',
		matchLabelValue: '={{ $json.orderId }}',
		phoneNumber: '={{ $json.number }}',
		additionalFields: { displayName: '=Order {{ $json.orderId }}' },
		options: { maxNumbersToBuy: 5, dryRun },
		// Simplified: the plan's and the result's own fields (action, request) are not instance fields to select.
		outputFormat: 'simple',
	});
	const PLAN_COLUMNS = ['dryRun', 'action', 'request'];
	const ORDER_COLUMNS = ['action', 'phoneNumber', 'displayName'];
	const writes = () => emu.requests.filter((request) => request.path.startsWith('/v1beta1/') && request.method !== 'GET').length;
	let before = writes();
	await step('Dry Run: what would provisioning a number per order do?', 'create or update matched on label order=<id>, Dry Run on', perOrder(true), PLAN_COLUMNS, orders);
	console.log(`   requests that changed something: ${writes() - before}\n`);
	await step('Provision a number per order', 'the same, for real (Max Numbers to Buy 5)', perOrder(false), ORDER_COLUMNS, orders);
	const offeredAgain = await h.runNode({ parameters: { resource: 'phoneNumber', operation: 'search', countryCode: 'AU', limit: 3, filters: { numberType: 'LOCAL', prefix: '02' } }, credentialId });
	const rerunOrders = orders.map((order, index) => ({ ...order, number: String(offeredAgain.items[index]?.json.phoneNumber ?? order.number) }));
	before = writes();
	const rerun = await step('Run it again (a retry, a schedule firing twice): the search now offers other numbers', 'the same workflow again', perOrder(false), ORDER_COLUMNS, rerunOrders);
	const rerunWrites = writes() - before;
	console.log(`   requests that changed something: ${rerunWrites} (nothing bought)\n`);
	if (rerunWrites !== 0 || rerun.some((item) => item.json.action !== 'unchanged')) failures++;

	stepNumber++;
	console.log(`${stepNumber}. Alerts: Enfonica Trigger watching lifecycle (into SUSPENDED or DELETED) and compliance`);
	const triggerParameters: INodeParameters = { events: ['lifecycleStateChanged', 'complianceChanged'], lifecycleStates: ['SUSPENDED', 'DELETED'] };
	const baseline = await h.poll({ parameters: triggerParameters, credentialId });
	console.log(`   first poll: baseline stored, ${baseline.result ? 'UNEXPECTED events' : 'no events'} (as n8n expects on activation)`);
	const reception = emu.listStored(SAMPLE_PROJECT).find((instance) => instance.phoneNumber?.phoneNumber === '+61255501000');
	const hotline = emu.listStored(SAMPLE_PROJECT).find((instance) => instance.phoneNumber?.phoneNumber === '+611800160401');
	emu.setLifecycleState(String(reception?.name), 'SUSPENDED');
	emu.setCompliant(String(hotline?.name), false);
	console.log('   meanwhile at Enfonica: +61255501000 is SUSPENDED, +611800160401 loses compliance');
	const alerts = await h.poll({ parameters: triggerParameters, credentialId, workflowStaticData: baseline.workflowStaticData });
	const emitted = alerts.result?.[0] ?? [];
	console.log(`   next poll emitted ${emitted.length} alert(s):\n${table(emitted.map(({ json }) => json), ['event', 'phoneNumber', 'displayName', 'previousLifecycleState', 'lifecycleState', 'previousCompliant', 'compliant'])}`);
	const quiet = await h.poll({ parameters: triggerParameters, credentialId, workflowStaticData: alerts.workflowStaticData });
	console.log(`   poll after that: ${quiet.result ? 'UNEXPECTED repeat' : 'nothing new (no repeated alerts)'}\n`);
	if (alerts.error || emitted.length !== 2 || baseline.result || quiet.result) failures++;

	const apiCalls = emu.requests.filter((request) => request.path.startsWith('/v1beta1/')).length;
	const tokenCalls = emu.requests.filter((request) => request.path === '/token').length;
	console.log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s: ${apiCalls} API requests, ${tokenCalls} token exchange(s), ${failures} failed step(s).`);
	console.log('Next: `npm run n8n` opens the same package in a real n8n editor (see README).');
	await emu.close();
	process.exitCode = failures === 0 ? 0 : 1;
}

main().catch((error: Error) => {
	console.error(`Demo failed: ${error.message}`);
	process.exitCode = 1;
});
