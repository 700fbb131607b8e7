/** Test control: numbers put up for sale (phoneNumbers:search), all-or-nothing like seed(). */
import type { EmulatorCore } from './core';
import { isE164 } from './e164';
import type { InventoryEntry } from './inventory';
import { capabilitiesFor } from './phoneInfo';
import type { InventoryNumber, PhoneNumberJson } from './types';

/** e.g. services/numbering/skus/au-toll-free-monthly */
export function defaultSku(countryCode: string, numberType: string | undefined): string {
	return `services/numbering/skus/${countryCode.toLowerCase()}-${(numberType ?? 'other').toLowerCase().replace(/_/g, '-')}-monthly`;
}

function toEntry(core: EmulatorCore, input: InventoryNumber): InventoryEntry {
	const number = input.phoneNumber;
	if (!isE164(number) || !core.phones.isDialable(number)) throw new Error(`Inventory number '${number}' is not a valid E.164 number`);
	const { countryCode, numberType } = core.phones.describe(number);
	if (countryCode === undefined) throw new Error(`Inventory number '${number}' belongs to no country`);
	if (core.inventory.has(number)) throw new Error(`Inventory number ${number} is already for sale`);
	const holder = core.store.holderOf(number, 1);
	if (holder) throw new Error(`Inventory number ${number} is held by ${holder.project}/${holder.id}`);
	const entry: InventoryEntry = {
		number,
		offer: { sku: input.sku ?? defaultSku(countryCode, numberType), capabilities: [...(input.capabilities ?? capabilitiesFor(numberType))] },
	};
	if (input.activationSku !== undefined) entry.offer.activationSku = input.activationSku;
	return entry;
}

export function addInventoryNumbers(core: EmulatorCore, numbers: Array<InventoryNumber | string>): PhoneNumberJson[] {
	const entries: InventoryEntry[] = [];
	for (const input of numbers) {
		const entry = toEntry(core, typeof input === 'string' ? { phoneNumber: input } : input);
		if (entries.some((other) => other.number === entry.number)) throw new Error(`Inventory number ${entry.number} is given twice`);
		entries.push(entry);
	}
	for (const entry of entries) core.inventory.add(entry);
	return entries.map((entry) => core.phones.render(entry.number, entry.offer));
}
