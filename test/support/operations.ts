import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import type { WorkflowJson } from '../harness';
import type { TestBed } from './setup';
import { apiRequests } from './setup';

/** Shared by the Enfonica node's tests (test/nodes/Enfonica/), the drills and the property test. */

/** An Enfonica node's parameters (the harness takes INodeParameters; `extra` is plain test data). */
export const params = (operation: string, extra: IDataObject = {}): INodeParameters => ({ resource: 'phoneNumberInstance', operation, ...extra }) as INodeParameters;

/** Any resource's operation parameters. */
export const nodeParams = (resource: 'phoneNumber' | 'phoneNumberInstance' | 'regulatoryListing', operation: string, extra: IDataObject = {}): INodeParameters =>
	({ resource, operation, ...extra }) as INodeParameters;

/** An n8n expression giving `value` (gets past the editor's own checks, as a value from an earlier node does). */
export const expression = (value: string) => `={{ ${JSON.stringify(value)} }}`;

/** A text of n characters. */
export const textOfLength = (n: number) => 'x'.repeat(n);

/** A Regulatory Listing operation's parameters. */
export const listingParams = (operation: string, extra: IDataObject = {}): INodeParameters => ({ resource: 'regulatoryListing', operation, ...extra }) as INodeParameters;

/** A Sydney street address, as a listing's address takes it. */
export const SYDNEY = { addressLines: ['Level 1', '123 Example Street'], locality: 'Sydney', administrativeArea: 'NSW', postalCode: '2000', regionCode: 'AU' };

/** Listings of both kinds, valid or not, in AU and NZ: what Get Many and Search select from. */
export const FOUR_LISTINGS = [
	{ displayName: 'AU valid verified', business: { business: 'A' }, address: SYDNEY, valid: true, verified: true, createTime: '2026-01-03T00:00:00Z' },
	{ displayName: 'AU valid only', person: { givenName: 'B', familyName: 'C' }, address: SYDNEY, valid: true, verified: false, createTime: '2026-01-02T00:00:00Z' },
	{ displayName: 'AU not valid', business: { business: 'D' }, address: SYDNEY, valid: false, createTime: '2026-01-01T00:00:00Z' },
	{ displayName: 'NZ valid', business: { business: 'E' }, address: { addressLines: ['1 Queen St'], locality: 'Auckland', administrativeArea: 'Auckland', postalCode: '1010', regionCode: 'NZ' }, valid: true },
];

/** Output → Selected Fields (the resource's name, or a number's phoneNumber, is always included). */
export const selected = (...fields: string[]) => ({ outputFormat: 'selectedFields', fields });

export const byPhone = (value: string) => ({ __rl: true, mode: 'phoneNumber', value });
export const fromList = (value: string) => ({ __rl: true, mode: 'list', value });

export const jsonOf = (items: INodeExecutionData[]) => items.map((item) => item.json);
export const pairedOf = (items: INodeExecutionData[]) => items.map((item) => item.pairedItem);

/** The API requests (not the token exchange) as sent: method, path, query, body. */
export function sent(bed: TestBed) {
	return apiRequests(bed.emu).map(({ method, path: requestPath, query, body }) => ({ method, path: requestPath, query, body }));
}

/** An example workflow and the name of its (last) Enfonica node, whose output is the result. */
export function loadExample(name: string): { workflow: WorkflowJson; nodeName: string } {
	const file = path.resolve(__dirname, '..', '..', 'examples', `${name}.json`);
	const workflow = JSON.parse(readFileSync(file, 'utf8')) as WorkflowJson;
	const node = workflow.nodes.filter((candidate) => candidate.type === 'n8n-nodes-enfonica.enfonica').pop();
	if (!node) throw new Error(`${file} has no Enfonica node`);
	return { workflow, nodeName: node.name };
}

/** Runs examples/<name>.json with its "Enfonica account" credential mapped to the test bed's. */
export async function runExample(bed: TestBed, name: string, credentialId = bed.credentialId) {
	const { workflow, nodeName } = loadExample(name);
	const ids = workflow.nodes.flatMap((node) => Object.values(node.credentials ?? {}).map((credential) => credential.id ?? ''));
	const credentialIdMap = Object.fromEntries(ids.map((id) => [id, credentialId]));
	const result = await bed.h.runWorkflow(workflow, { credentialIdMap });
	return { ...result, items: result.outputOf(nodeName), nodeName };
}
