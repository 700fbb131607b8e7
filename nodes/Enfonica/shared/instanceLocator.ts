import type { INodeParameterResourceLocator } from 'n8n-workflow';

import { phoneNumberInstances } from '../api';
import { checked, inputError } from '../errors';
import { toE164 } from '../helpers/phoneNumbers';
import { toInstanceName } from '../helpers/resourceNames';
import type { PhoneNumberInstance } from '../models/phoneNumberInstance';
import type { EnfonicaContext } from '../transport';
import { enfonicaApiRequestAllItems } from '../transport';

const FIELD = 'Phone Number Instance';

function contains(instance: PhoneNumberInstance, e164: string): boolean {
	if (instance.phoneNumber?.phoneNumber === e164) return true;
	const { startPhoneNumber: start, endPhoneNumber: end } = instance.range ?? {};
	return !!start && !!end && start.length === e164.length && start <= e164 && e164 <= end;
}

/** The locator's value before any request: a resource name, or the E.164 number to look up. */
export function readInstanceLocator(
	this: EnfonicaContext,
	locator: INodeParameterResourceLocator | string,
	projectName: string,
	itemIndex: number | undefined,
	defaultCountry?: string,
): { name: string } | { phoneNumber: string } {
	const { mode, value } = typeof locator === 'string' ? { mode: 'name', value: locator } : locator;
	if (mode === 'phoneNumber') return { phoneNumber: checked(this.getNode(), itemIndex, `${FIELD} (By Phone Number)`, () => toE164(value, defaultCountry)) };
	return { name: checked(this.getNode(), itemIndex, FIELD, () => toInstanceName(value, projectName, FIELD)) };
}

/** The project's non-deleted instances holding a number: a single number or a range containing it (one prefix listing). */
export async function findHolders(this: EnfonicaContext, projectName: string, e164: string, itemIndex: number | undefined): Promise<PhoneNumberInstance[]> {
	const candidates = await enfonicaApiRequestAllItems(this, phoneNumberInstances.list, { parent: projectName, qs: { prefix: e164 } }, { itemIndex, limit: 1000 });
	return (candidates as PhoneNumberInstance[]).filter((instance) => contains(instance, e164));
}

/** The instance a locator names; a phone number is resolved to the one instance holding it, which is returned too. */
export async function resolveInstance(
	this: EnfonicaContext,
	target: { name: string } | { phoneNumber: string },
	projectName: string,
	itemIndex: number | undefined,
): Promise<{ name: string; instance?: PhoneNumberInstance }> {
	if ('name' in target) return { name: target.name };
	const matches = await findHolders.call(this, projectName, target.phoneNumber, itemIndex);
	if (matches.length === 1) return { name: matches[0].name as string, instance: matches[0] };
	throw inputError(
		this.getNode(),
		itemIndex,
		FIELD,
		matches.length === 0
			? `found no instance holding ${target.phoneNumber} in ${projectName}`
			: `matched ${matches.length} instances for ${target.phoneNumber} in ${projectName}: use By Name instead`,
	);
}

/** Resolves a phone number to the one non-deleted instance that holds it (a single number or a range). */
export async function resolveInstanceName(
	this: EnfonicaContext,
	target: { name: string } | { phoneNumber: string },
	projectName: string,
	itemIndex: number | undefined,
): Promise<string> {
	return (await resolveInstance.call(this, target, projectName, itemIndex)).name;
}
