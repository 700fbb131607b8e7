/**
 * n8n's webhookMethods for the Inbound Trigger: publishing puts n8n's URL of each selected event
 * into the number's matching handler list (one PATCH per list, `updateMask` = that list only);
 * unpublishing takes out our URL only, from the list as it is then. n8n runs checkExists, then
 * create when it returns false, for each webhook; delete for each webhook on deactivation (and
 * after a failed activation, for the webhooks already created).
 */
import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { phoneNumberInstances } from '../api';
import { asNodeError, inputError, isFailedPrecondition, isNotFound } from '../errors';
import type { PhoneNumberInstance } from '../models/phoneNumberInstance';
import { MAX_HANDLER_URIS } from '../helpers/handlerUris';
import { resolveInstanceName } from '../shared/instanceLocator';
import { enfonicaApiRequest } from '../transport';
import type { InboundEvent } from './events';
import { hasRoom, isInPlace, othersIn, placed } from './handlerList';
import { readSettings, selectedEvents, signingKey } from './settings';

/** What an activation registered, kept with the workflow for the deactivation. */
interface Registration {
	instance: string;
	url: string;
}

function registrations(this: IHookFunctions): Record<string, Registration | undefined> {
	return this.getWorkflowStaticData('node') as IDataObject as Record<string, Registration | undefined>;
}

function ourUrl(this: IHookFunctions, event: InboundEvent): string {
	const url = this.getNodeWebhookUrl(event.webhook);
	if (!url) throw new NodeOperationError(this.getNode(), `n8n gave no webhook URL for ${event.name}`);
	return url;
}

/** The instance, or undefined when Enfonica no longer has it (404). */
async function fetchInstance(this: IHookFunctions, name: string): Promise<PhoneNumberInstance | undefined> {
	try {
		return await enfonicaApiRequest(this, phoneNumberInstances.get, { name });
	} catch (error) {
		if (isNotFound(error)) return undefined;
		throw asNodeError(this.getNode(), error);
	}
}

function listOf(instance: PhoneNumberInstance, event: InboundEvent): string[] {
	const list = (instance as IDataObject)[event.field];
	return Array.isArray(list) ? list.map(String) : [];
}

async function writeList(this: IHookFunctions, name: string, event: InboundEvent, list: string[]): Promise<void> {
	await enfonicaApiRequest(this, phoneNumberInstances.update, { name, qs: { updateMask: event.field }, body: { [event.field]: list } });
}

/** The selected events' instance, checked for activation: it must exist and not be deleted. */
async function liveInstance(this: IHookFunctions, name: string): Promise<PhoneNumberInstance> {
	const instance = await fetchInstance.call(this, name);
	if (!instance) throw inputError(this.getNode(), undefined, 'Phone Number Instance', `${name} was not found: choose a number the project holds`);
	if (instance.lifecycleState === 'DELETED') throw inputError(this.getNode(), undefined, 'Phone Number Instance', `${name} is deleted: choose a number the project holds`);
	return instance;
}

async function checkExists(this: IHookFunctions, event: InboundEvent): Promise<boolean> {
	const events = selectedEvents.call(this);
	if (events.length === 0) throw inputError(this.getNode(), undefined, 'Trigger On', 'is empty: choose Incoming Message, Incoming Call or both');
	// Requests cannot be verified without it: refuse to publish rather than answer every request 401.
	await signingKey.call(this);
	if (!events.includes(event)) return true;
	const settings = await readSettings.call(this);
	const name = await resolveInstanceName.call(this, settings.target, settings.projectName, undefined);
	const instance = await liveInstance.call(this, name);
	const url = ourUrl.call(this, event);
	registrations.call(this)[event.name] = { instance: name, url };
	return isInPlace(listOf(instance, event), url, settings.position);
}

async function create(this: IHookFunctions, event: InboundEvent): Promise<boolean> {
	const settings = await readSettings.call(this);
	const name = registrations.call(this)[event.name]?.instance ?? (await resolveInstanceName.call(this, settings.target, settings.projectName, undefined));
	const instance = await liveInstance.call(this, name);
	// Every selected list is checked before the first change, so a full one changes nothing.
	for (const selected of settings.events) {
		if (!hasRoom(listOf(instance, selected), ourUrl.call(this, selected))) {
			throw new NodeOperationError(
				this.getNode(),
				`The number's ${selected.label} already hold ${MAX_HANDLER_URIS} URLs, the most Enfonica allows: nothing was changed`,
				{ description: `Remove one from ${name} (the Enfonica node's Update operation, or the Enfonica Console), or choose another number, then publish again.` },
			);
		}
	}
	const url = ourUrl.call(this, event);
	await writeList.call(this, name, event, placed(listOf(instance, event), url, settings.position));
	registrations.call(this)[event.name] = { instance: name, url };
	return true;
}

async function remove(this: IHookFunctions, event: InboundEvent): Promise<boolean> {
	const stored = registrations.call(this);
	const registration = stored[event.name];
	if (!registration && !selectedEvents.call(this).includes(event)) return true;
	const url = ourUrl.call(this, event);
	let name = registration?.instance;
	if (!name) {
		const settings = await readSettings.call(this);
		name = await resolveInstanceName.call(this, settings.target, settings.projectName, undefined);
	}
	const instance = await fetchInstance.call(this, name);
	// A number deleted (or moved away) meanwhile has nothing of ours left to remove.
	if (instance && instance.lifecycleState !== 'DELETED') {
		const ours = [...new Set([registration?.url ?? url, url])];
		const list = listOf(instance, event);
		if (list.some((entry) => ours.includes(entry))) {
			try {
				await writeList.call(this, name, event, othersIn(list, ours));
			} catch (error) {
				if (!isNotFound(error) && !isFailedPrecondition(error)) throw asNodeError(this.getNode(), error);
			}
		}
	}
	delete stored[event.name];
	return true;
}

/** checkExists / create / delete for one event's webhook. */
export function registrationMethods(event: InboundEvent) {
	return {
		async checkExists(this: IHookFunctions): Promise<boolean> {
			return await checkExists.call(this, event);
		},
		async create(this: IHookFunctions): Promise<boolean> {
			return await create.call(this, event);
		},
		async delete(this: IHookFunctions): Promise<boolean> {
			return await remove.call(this, event);
		},
	};
}
