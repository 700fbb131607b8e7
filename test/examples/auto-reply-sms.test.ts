/**
 * The example "Auto-reply to SMS on a number" (examples/auto-reply-sms.json): its Inbound Trigger,
 * published with the example's own parameters, registers on the number and turns a delivered SMS
 * into the item the next nodes read (Remove Duplicates on `name`, the reply to `from` from `to`).
 * Those two nodes are n8n's own (n8n-nodes-base), which the engine harness does not load; the
 * real-n8n run imports the example.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { INodeParameters } from 'n8n-workflow';

import type { WorkflowJson } from '../harness';
import type { InboundBed } from '../support/inboundBed';
import { INBOUND_TYPE, OTHER_MESSAGE_URL, PROJECT, startInboundBed } from '../support/inboundBed';

const EXAMPLE = JSON.parse(readFileSync(path.resolve(__dirname, '../..', 'examples', 'auto-reply-sms.json'), 'utf8')) as WorkflowJson;

let bed: InboundBed;
beforeAll(async () => {
	bed = await startInboundBed();
});
afterAll(async () => await bed.close());

it('is Inbound Trigger → Remove Duplicates on name → the reply, wired in that order', () => {
	const [trigger, dedupe, reply] = EXAMPLE.nodes;
	expect([trigger.type, dedupe.type, reply.type]).toEqual([INBOUND_TYPE, 'n8n-nodes-base.removeDuplicates', 'n8n-nodes-base.httpRequest']);
	expect(dedupe.parameters).toMatchObject({ operation: 'removeItemsSeenInPreviousExecutions', dedupeValue: '={{ $json.name }}' });
	expect(EXAMPLE.connections[trigger.name].main[0]?.[0].node).toBe(dedupe.name);
	expect(EXAMPLE.connections[dedupe.name].main[0]?.[0].node).toBe(reply.name);
	expect(String(reply.parameters.jsonBody)).toContain('to: $json.from, from: $json.to');
});

it('its trigger registers on the number first and outputs the message with name, from and to for the next nodes', async () => {
	const number = bed.seedNumber('+61255501000', { message: [OTHER_MESSAGE_URL], call: [] });
	const trigger = bed.trigger(EXAMPLE.nodes[0].parameters as INodeParameters);
	await trigger.activate();
	expect(bed.instance(number.name).incomingMessageHandlerUris).toEqual([trigger.urls.default, OTHER_MESSAGE_URL]);
	expect(bed.instance(number.name).incomingCallHandlerUris ?? []).toEqual([]);

	const delivery = await bed.emu.deliverMessage(number.name, { from: '+61412000111', body: 'Are you open on Sunday?' });
	expect(delivery.answer?.status).toBe(200);
	const [item] = trigger.executions[0].items;
	expect(item).toMatchObject({ event: 'incomingMessage', from: '+61412000111', to: '+61255501000', body: 'Are you open on Sunday?' });
	// The reply's URL: the project part of the message's name.
	expect(String(item.name).split('/messages/')[0]).toBe(`projects/${PROJECT}`);

	await trigger.deactivate();
	expect(bed.instance(number.name).incomingMessageHandlerUris).toEqual([OTHER_MESSAGE_URL]);
});
