import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { phoneNumberInstances } from '../../api';
import { checked, inputError } from '../../errors';
import { checkLabelCount } from '../../helpers/validation';
import type { PhoneNumberInstance } from '../../models/phoneNumberInstance';
import { INSTANCE_OUTPUT } from '../../models/phoneNumberInstance';
import { resolveInstance } from '../../shared/instanceLocator';
import { changeOptions, instanceLocator, outputChoice, projectField } from '../common.descriptions';
import type { Change } from '../plannedChange';
import { dryRunItem, isDryRun, sendChange } from '../plannedChange';
import { instanceFieldOptions, readInstanceFields } from './instanceFields';
import type { TargetedItem } from './shared';
import { fetchInstance, itemTarget, presentInstance, toOutput } from './shared';

const properties: INodeProperties[] = [
	projectField,
	instanceLocator,
	{
		displayName: 'Labels Mode',
		name: 'labelsMode',
		type: 'options',
		options: [
			{ name: 'Merge', value: 'merge', description: 'Read the current labels first, then add or overwrite the given keys' },
			{ name: 'Remove All', value: 'removeAll', description: 'Remove every label of the instance (leave Labels out of Update Fields)' },
			{ name: 'Replace', value: 'replace', description: 'The given labels become all the labels of the instance' },
		],
		default: 'replace',
		description: 'How Labels under Update Fields are applied, or whether all labels are removed',
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
	changeOptions,
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
	const labelsMode = this.getNodeParameter('labelsMode', itemIndex, 'replace');
	if (labelsMode === 'removeAll' && 'labels' in updateFields) {
		throw inputError(this.getNode(), itemIndex, 'Labels', 'cannot be given when Labels Mode is Remove All: remove the Labels field, or choose Replace or Merge');
	}
	const { body, paths } = readInstanceFields.call(this, itemIndex, updateFields, 'update');
	if (labelsMode === 'removeAll') {
		body.labels = {};
		paths.push('labels');
	}
	if (paths.length === 0) {
		throw inputError(this.getNode(), itemIndex, 'Update Fields', 'is empty: add at least one field to change (add a field and leave it empty to clear it)');
	}
	const mergeLabels = labelsMode === 'merge' && paths.includes('labels');
	return { ...located, body, paths, mergeLabels };
}

interface Resolved {
	change: Change<PhoneNumberInstance>;
	/** The instance as looked up (By Phone Number, or its labels read for Merge). */
	current?: PhoneNumberInstance;
}

/** Finds the instance and, for Merge, reads its labels and checks the merged count: no change yet. */
export async function resolve(this: IExecuteFunctions, prepared: Prepared, itemIndex: number): Promise<Resolved> {
	const { name, instance } = await resolveInstance.call(this, prepared.target, prepared.projectName, itemIndex);
	let current = instance;
	const body = { ...prepared.body };
	if (prepared.mergeLabels) {
		current = await fetchInstance.call(this, name, itemIndex);
		const labels = { ...(current.labels ?? {}), ...(body.labels as Record<string, string>) };
		checked(this.getNode(), itemIndex, 'Labels', () => checkLabelCount(labels, true));
		body.labels = labels;
	}
	return { change: { call: phoneNumberInstances.update, name, qs: { updateMask: prepared.paths.join(',') }, body }, current };
}

/** A single PATCH whose updateMask names exactly the fields set. */
export async function execute(this: IExecuteFunctions, { change, current }: Resolved, itemIndex: number): Promise<INodeExecutionData[]> {
	if (isDryRun.call(this, itemIndex)) {
		return dryRunItem.call(this, change, itemIndex, current ? { instance: presentInstance.call(this, current, itemIndex) } : {});
	}
	const instance = await sendChange(this, change, itemIndex);
	return [toOutput.call(this, instance, itemIndex)];
}
