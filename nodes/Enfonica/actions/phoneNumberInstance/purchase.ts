import type { IDataObject, IExecuteFunctions, INodeProperties, NodeApiError } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { asNodeError, checked, inputError, isOutcomeUnknown, notDoneError } from '../../errors';
import { toE164 } from '../../helpers/phoneNumbers';
import { checkWholeNumber } from '../../helpers/validation';
import type { PhoneNumberInstance } from '../../models/phoneNumberInstance';
import { findHolders } from '../../shared/instanceLocator';
import { itemProject } from '../common';
import type { BatchItem } from '../operation';
import type { Change } from '../plannedChange';
import { sendChange } from '../plannedChange';
import { readInstanceFields } from './instanceFields';
import { itemDefaultCountry } from './shared';

/**
 * Buying numbers, as Create and Create or Update share it. Enfonica has no idempotency keys, so
 * the node itself makes buying safe to repeat: duplicates refused before anything is sent, a
 * cap counted over the whole run, and a read after any unclear outcome instead of a second POST.
 */

const CAP_OPTION = 'Max Numbers to Buy';

/** The Phone Number to buy; `description` says what else the operation does with it. */
export function numberToBuyField(description: string): INodeProperties {
	return { displayName: 'Phone Number', name: 'phoneNumber', type: 'string', required: true, default: '', placeholder: 'e.g. +61 2 5550 1100', description };
}

/** What an item would buy: its project, the number (E.164) and its Additional Fields as the API names them; no request. */
export async function readPurchase(this: IExecuteFunctions, itemIndex: number): Promise<{ projectName: string; phoneNumber: string; fields: IDataObject }> {
	const projectName = await itemProject.call(this, itemIndex);
	const defaultCountry = itemDefaultCountry.call(this, itemIndex);
	const phoneNumber = checked(this.getNode(), itemIndex, 'Phone Number', () => toE164(this.getNodeParameter('phoneNumber', itemIndex), defaultCountry));
	const additionalFields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const { body: fields } = readInstanceFields.call(this, itemIndex, additionalFields, 'create');
	return { projectName, phoneNumber, fields };
}

/** Options → Max Numbers to Buy, a run-wide setting read from the first item; undefined = no cap. */
export function readPurchaseCap(this: IExecuteFunctions): number | undefined {
	const input = this.getNodeParameter('options.maxNumbersToBuy', 0, '') as unknown;
	if (input === '' || input === null || input === undefined) return undefined;
	return checked(this.getNode(), 0, CAP_OPTION, () => checkWholeNumber(input, 0));
}

/** Refuses the whole run (nothing bought) when it would buy more numbers than the cap allows. */
export function checkPurchaseCap(this: IExecuteFunctions, toBuy: number): void {
	const cap = readPurchaseCap.call(this);
	if (cap === undefined || toBuy <= cap) return;
	throw new NodeOperationError(this.getNode(), `This run would buy ${toBuy} numbers, more than Max Numbers to Buy (${cap}): nothing was bought`, {
		description: `Numbers the project already holds are not counted. Check the input items (is the list larger than expected?), or raise ${CAP_OPTION} under Options.`,
	});
}

/**
 * The first item with a given key keeps it; every later one fails with an error naming both
 * items (`describe(firstItemIndex, itemIndex)`). Items without a key (undefined) are not compared.
 */
export function refuseDuplicates<T>(
	items: Array<BatchItem<T>>,
	keyOf: (value: T) => string | undefined,
	describe: (firstItemIndex: number, itemIndex: number, value: T) => Error,
): Array<T | Error> {
	const first = new Map<string, number>();
	return items.map(({ itemIndex, value }) => {
		const key = keyOf(value);
		if (key === undefined) return value;
		const earlier = first.get(key);
		if (earlier !== undefined) return describe(earlier, itemIndex, value);
		first.set(key, itemIndex);
		return value;
	});
}

/** The same number in two items: the second would be refused by Enfonica (409) after the first bought it. */
export function duplicateNumberError(this: IExecuteFunctions, phoneNumber: string, firstItemIndex: number, itemIndex: number): Error {
	return inputError(
		this.getNode(),
		itemIndex,
		'Phone Number',
		`${phoneNumber} is also the number of item ${firstItemIndex}: one run can buy a number only once. Remove one of the two items (nothing was sent)`,
	);
}

/** The project's single-number instance holding exactly this number, if any (not a range). */
export function singleNumberHolder(holders: PhoneNumberInstance[], e164: string): PhoneNumberInstance | undefined {
	return holders.find((instance) => !instance.range && instance.phoneNumber?.phoneNumber === e164);
}

/**
 * Sends a create (never twice). When its outcome is unclear (no answer, a timeout, an unreadable
 * answer, a 5xx), one read tells: the project holds the number now → that instance; it does not →
 * the number was not bought; the read fails too → the original error ("may have been bought").
 */
export async function buyNumber(this: IExecuteFunctions, change: Change<PhoneNumberInstance>, projectName: string, phoneNumber: string, itemIndex: number): Promise<PhoneNumberInstance> {
	try {
		return await sendChange(this, change, itemIndex);
	} catch (error) {
		if (!isOutcomeUnknown(error)) throw asNodeError(this.getNode(), error, itemIndex);
		let held: PhoneNumberInstance | undefined;
		try {
			held = singleNumberHolder(await findHolders.call(this, projectName, phoneNumber, itemIndex), phoneNumber);
		} catch {
			throw asNodeError(this.getNode(), error, itemIndex);
		}
		if (held) return held;
		throw notDoneError(this.getNode(), error as NodeApiError, itemIndex, `${phoneNumber} was not bought`, `Enfonica gave no clear answer to the purchase, and a lookup right after it found no instance holding ${phoneNumber} in ${projectName}, so nothing was bought. Running the workflow again is safe; with Create or Update it re-runs safely in any case (numbers already held are not bought again).`);
	}
}
