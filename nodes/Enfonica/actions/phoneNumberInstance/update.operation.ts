import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { checked, inputError } from '../../helpers/inputError';
import { checkLabelCount } from '../../helpers/validation';
import type { PhoneNumberInstance } from '../../models/phoneNumberInstance';
import { INSTANCE_OUTPUT } from '../../models/phoneNumberInstance';
import { enfonicaApiRequest } from '../../transport';
import { instanceLocator, outputChoice, phoneNumberOptions, projectField } from '../common.descriptions';
import { instanceFieldOptions, readInstanceFields } from './instanceFields';
import { resolveInstanceName } from './instanceLocator';
import type { TargetedItem } from './shared';
import { fetchInstance, itemTarget, toOutput } from './shared';

const properties: INodeProperties[] = [
	projectField,
	instanceLocator,
	{
		displayName: 'Labels Mode',
		name: 'labelsMode',
		type: 'options',
		options: [
			{ name: 'Merge', value: 'merge', description: 'Read the current labels first, then add or overwrite the given keys' },
			{ name: 'Replace', value: 'replace', description: 'The given labels become all the labels of the instance' },
		],
		default: 'replace',
		description: 'How Labels under Update Fields are applied',
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Only the fields added here are changed (they form the update mask); add a field and leave it empty to clear it',
		options: instanceFieldOptions('update'),
	},
	...outputChoice(INSTANCE_OUTPUT),
	phoneNumberOptions,
];

export const description = updateDisplayOptions({ show: { resource: ['phoneNumberInstance'], operation: ['update'] } }, properties);

interface Prepared extends TargetedItem {
	body: IDataObject;
	paths: string[];
	mergeLabels: boolean;
}

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<Prepared> {
	const located = await itemTarget.call(this, itemIndex);
	const updateFields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const { body, paths } = readInstanceFields.call(this, itemIndex, updateFields);
	if (paths.length === 0) {
		throw inputError(this.getNode(), itemIndex, 'Update Fields', 'is empty: add at least one field to change (add a field and leave it empty to clear it)');
	}
	const mergeLabels = this.getNodeParameter('labelsMode', itemIndex, 'replace') === 'merge' && paths.includes('labels');
	return { ...located, body, paths, mergeLabels };
}

interface Resolved {
	name: string;
	body: IDataObject;
	paths: string[];
}

/** Finds the instance and, for Merge, reads its labels and checks the merged count: no change yet. */
export async function resolve(this: IExecuteFunctions, prepared: Prepared, itemIndex: number): Promise<Resolved> {
	const name = await resolveInstanceName.call(this, prepared.target, prepared.projectName, itemIndex);
	const body = { ...prepared.body };
	if (prepared.mergeLabels) {
		const current = await fetchInstance.call(this, name, itemIndex);
		const labels = { ...(current.labels ?? {}), ...(body.labels as Record<string, string>) };
		checked(this.getNode(), itemIndex, 'Labels', () => checkLabelCount(labels, true));
		body.labels = labels;
	}
	return { name, body, paths: prepared.paths };
}

/** A single PATCH whose updateMask names exactly the fields set. */
export async function execute(this: IExecuteFunctions, { name, body, paths }: Resolved, itemIndex: number): Promise<INodeExecutionData[]> {
	const instance = (await enfonicaApiRequest.call(this, {
		method: 'PATCH',
		path: name,
		qs: { updateMask: paths.join(',') },
		body,
		itemIndex,
	})) as PhoneNumberInstance;
	return [toOutput.call(this, instance, itemIndex)];
}
