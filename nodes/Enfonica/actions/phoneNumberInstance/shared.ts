import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeParameterResourceLocator } from 'n8n-workflow';

import { phoneNumberInstances } from '../../api';
import { checked } from '../../errors';
import { toDefaultCountry } from '../../helpers/phoneNumbers';
import type { PhoneNumberInstance } from '../../models/phoneNumberInstance';
import { INSTANCE_OUTPUT } from '../../models/phoneNumberInstance';
import { readInstanceLocator } from '../../shared/instanceLocator';
import { enfonicaApiRequest } from '../../transport';
import { itemPresenter, itemProject, toItems } from '../common';

/** What the resource locator points at once read: a resource name, or a number still to be looked up. */
export type InstanceTarget = { name: string } | { phoneNumber: string };

/** The Default Country option, used to read national phone number formats. */
export function itemDefaultCountry(this: IExecuteFunctions, itemIndex: number): string | undefined {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return checked(this.getNode(), itemIndex, 'Default Country', () => toDefaultCountry(options.defaultCountry));
}

/** The item's project and the instance its resource locator names, read and checked without a request. */
export interface TargetedItem {
	projectName: string;
	target: InstanceTarget;
}

export async function itemTarget(this: IExecuteFunctions, itemIndex: number): Promise<TargetedItem> {
	const projectName = await itemProject.call(this, itemIndex);
	const locator = this.getNodeParameter('phoneNumberInstance', itemIndex) as INodeParameterResourceLocator;
	const target = readInstanceLocator.call(this, locator, projectName, itemIndex, itemDefaultCountry.call(this, itemIndex));
	return { projectName, target };
}

/** An instance as the item's Output asks, for output that holds it (a dry run's plan, a split's halves). */
export function presentInstance(this: IExecuteFunctions, instance: PhoneNumberInstance, itemIndex: number): IDataObject {
	return itemPresenter.call(this, INSTANCE_OUTPUT, itemIndex)(instance);
}

/** One output item for an instance, paired with its input item. */
export function toOutput(this: IExecuteFunctions, instance: PhoneNumberInstance, itemIndex: number): INodeExecutionData {
	return toItems.call(this, INSTANCE_OUTPUT, [instance], itemIndex)[0];
}

/** GET one instance by resource name. */
export async function fetchInstance(this: IExecuteFunctions, name: string, itemIndex: number): Promise<PhoneNumberInstance> {
	return await enfonicaApiRequest(this, phoneNumberInstances.get, { name, itemIndex });
}
