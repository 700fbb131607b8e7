import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { WorkflowJson } from '../harness';
import type { TriggerBed } from '../support/triggerBed';
import { TRIGGER_TYPE, startTriggerBed } from '../support/triggerBed';

const EXAMPLE = path.resolve(__dirname, '../..', 'examples', 'alert-suspended-or-noncompliant.json');
const TRIGGER_DOC = path.resolve(__dirname, '../..', 'docs', 'trigger.md');

/** The first JSON block of the trigger page's example (the workflow shown to readers). */
function documentedExample(): WorkflowJson {
	const page = readFileSync(TRIGGER_DOC, 'utf8');
	const start = page.indexOf('Example: **alert on suspended or non-compliant numbers**');
	if (start < 0) throw new Error('docs/trigger.md has no alert example');
	const block = /```json\n([\s\S]*?)\n```/.exec(page.slice(start));
	if (!block) throw new Error('docs/trigger.md has no JSON example');
	return JSON.parse(block[1]) as WorkflowJson;
}

/** The documented example workflow: its trigger, polled with its own parameters, alerts on the right changes. */
describe('example: alert on suspended or non-compliant numbers', () => {
	let bed: TriggerBed;

	beforeAll(async () => {
		bed = await startTriggerBed();
	});
	afterAll(async () => await bed.close());

	it('is the workflow docs/trigger.md shows', () => {
		const file = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as WorkflowJson;
		const shown = documentedExample();
		expect(shown.nodes.map((node) => [node.type, node.name, node.parameters, node.credentials])).toEqual(
			file.nodes.map((node) => [node.type, node.name, node.parameters, node.credentials]),
		);
	});

	it('alerts on suspension, deletion, compliance, configuration and listing review changes, and nothing else', async () => {
		const workflow = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as WorkflowJson;
		const trigger = workflow.nodes.find((node) => node.type === TRIGGER_TYPE);
		expect(trigger).toBeDefined();
		expect(trigger?.credentials?.enfonicaApi).toBeDefined();
		// The example leaves Project empty: it watches the credential's project.
		const key = bed.emu.createServiceAccount({ projectId: 'alerts' });
		const { id } = bed.h.addCredential({ authentication: 'serviceAccountKey', serviceAccountKey: JSON.stringify(key), baseUrl: bed.emu.baseUrl, tokenUrl: bed.emu.tokenUrl });
		const [listing] = bed.emu.seedListings('alerts', [
			{ displayName: 'Head office', business: { business: 'Example Pty Ltd' }, address: { addressLines: ['1 Example Street'], locality: 'Sydney', administrativeArea: 'NSW', postalCode: '2000', regionCode: 'AU' }, valid: false },
		]);
		const [suspended, deleted, activated, nonCompliant, renamed] = bed.emu.seed('alerts', [
			{ phoneNumber: '+61255509000', lifecycleState: 'ACTIVE', compliant: true },
			{ phoneNumber: '+61255509001', lifecycleState: 'ACTIVE', compliant: true },
			{ phoneNumber: '+61255509002', lifecycleState: 'PENDING', compliant: true },
			{ phoneNumber: '+61255509003', lifecycleState: 'ACTIVE', compliant: true },
			{ phoneNumber: '+61255509004', lifecycleState: 'ACTIVE', compliant: true },
		]);
		const watcher = bed.watcher(trigger?.parameters as INodeParameters, id);
		expect((await watcher.poll()).result).toBeNull();

		bed.emu.setLifecycleState(suspended.name, 'SUSPENDED');
		bed.emu.setLifecycleState(deleted.name, 'DELETED');
		bed.emu.setLifecycleState(activated.name, 'ACTIVE');
		bed.emu.setCompliant(nonCompliant.name, false);
		await bed.api('PATCH', `${renamed.name}?updateMask=displayName`, { displayName: 'Renamed' });
		bed.emu.seed('alerts', [{ phoneNumber: '+61255509005' }]);
		bed.emu.setListingValid(listing.name, true);

		const alerts = await watcher.events();
		const summary = (alert: IDataObject) => [alert.event, alert.phoneNumber ?? alert.name, alert.lifecycleState ?? alert.valid, alert.compliant ?? alert.previousValid];
		expect(alerts.map(summary).sort()).toEqual(
			[
				['complianceChanged', '+61255509003', 'ACTIVE', false],
				['configurationChanged', '+61255509004', 'ACTIVE', true],
				['lifecycleStateChanged', '+61255509000', 'SUSPENDED', true],
				['lifecycleStateChanged', '+61255509001', 'DELETED', true],
				['listingReviewChanged', listing.name, true, false],
			].sort(),
		);
		expect(alerts.find((alert) => alert.event === 'configurationChanged')?.changedFields).toEqual(['displayName']);
		expect(await watcher.events()).toEqual([]);
	});
});
