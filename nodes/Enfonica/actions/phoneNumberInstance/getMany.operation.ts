import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { phoneNumberInstances } from '../../api';
import { checked } from '../../errors';
import { LIFECYCLE_STATE_OPTIONS } from '../../helpers/lifecycleStates';
import { toListPrefix } from '../../helpers/phoneNumbers';
import { prefixFilterField, readPrefixFilter } from '../../helpers/prefixFilter';
import { checkChoice, checkChoices } from '../../helpers/validation';
import type { PhoneNumberInstance } from '../../models/phoneNumberInstance';
import { INSTANCE_OUTPUT } from '../../models/phoneNumberInstance';
import { enfonicaApiRequestAllItems } from '../../transport';
import { itemProject, readLimit, toItems } from '../common';
import { filtersCollection, outputChoice, phoneNumberOptions, projectField, returnAllFields } from '../common.descriptions';
import { itemDefaultCountry } from './shared';

const LIFECYCLE_STATES = LIFECYCLE_STATE_OPTIONS.map((option) => String(option.value));
const COMPLIANCE = ['any', 'compliant', 'nonCompliant'];

const properties: INodeProperties[] = [
	projectField,
	...returnAllFields(),
	filtersCollection([
		{
			displayName: 'Compliance',
			name: 'compliant',
			type: 'options',
			options: [
				{ name: 'Any', value: 'any' },
				{ name: 'Only Compliant', value: 'compliant' },
				{ name: 'Only Non-Compliant', value: 'nonCompliant' },
			],
			default: 'any',
			description: 'Keep instances by Enfonica\'s inferred regulatory compliance (filtered in n8n)',
		},
		{
			displayName: 'Include Deleted',
			name: 'includeDeleted',
			type: 'boolean',
			default: false,
			description: 'Whether to include deleted instances (also turned on when Lifecycle States includes Deleted)',
		},
		{
			displayName: 'Lifecycle States',
			name: 'lifecycleStates',
			type: 'multiOptions',
			options: LIFECYCLE_STATE_OPTIONS,
			default: [],
			description: 'Keep only instances in these states (filtered in n8n); none selected keeps all',
		},
		{
			displayName: 'Match',
			name: 'match',
			type: 'options',
			options: [
				{ name: 'All (State and Compliance)', value: 'all', description: 'Keep instances that pass both Lifecycle States and Compliance' },
				{ name: 'Any (State or Compliance)', value: 'any', description: 'Keep instances that pass either, e.g. suspended or non-compliant' },
			],
			default: 'all',
			description: 'How Lifecycle States and Compliance combine when both are set',
		},
		prefixFilterField('e.g. +612', 'Only numbers starting with this prefix: +612, 0061 2 or, with a Default Country under Options, a national prefix such as 02'),
	]),
	...outputChoice(INSTANCE_OUTPUT),
	phoneNumberOptions,
];

export const description = updateDisplayOptions({ show: { resource: ['phoneNumberInstance'], operation: ['getMany'] } }, properties);

interface Prepared {
	projectName: string;
	qs: IDataObject;
	limit?: number;
	lifecycleStates: string[];
	compliant: string;
	matchAny: boolean;
}

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<Prepared> {
	const projectName = await itemProject.call(this, itemIndex);
	const limit = readLimit.call(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const lifecycleStates = checked(this.getNode(), itemIndex, 'Lifecycle States', () => checkChoices(filters.lifecycleStates, LIFECYCLE_STATES));
	const compliant = checked(this.getNode(), itemIndex, 'Compliance', () => checkChoice(filters.compliant, COMPLIANCE)) || 'any';
	const match = checked(this.getNode(), itemIndex, 'Match', () => checkChoice(filters.match, ['all', 'any'])) || 'all';
	const qs: IDataObject = {};
	const defaultCountry = itemDefaultCountry.call(this, itemIndex);
	const prefix = readPrefixFilter(this.getNode(), itemIndex, filters, (input) => toListPrefix(input, defaultCountry));
	if (prefix !== '') qs.prefix = prefix;
	if (filters.includeDeleted === true || lifecycleStates.includes('DELETED')) qs.includeDeleted = true;
	return { projectName, qs, limit, lifecycleStates, compliant, matchAny: match === 'any' };
}

function keepFor({ lifecycleStates, compliant, matchAny }: Prepared): ((instance: unknown) => boolean) | undefined {
	const tests: Array<(instance: PhoneNumberInstance) => boolean> = [];
	if (lifecycleStates.length > 0) tests.push(({ lifecycleState }) => lifecycleStates.includes(lifecycleState ?? ''));
	// An absent `compliant` is proto3's default: false.
	if (compliant !== 'any') tests.push(({ compliant: isCompliant }) => (isCompliant ?? false) === (compliant === 'compliant'));
	if (tests.length === 0) return undefined;
	return (instance) => (matchAny ? tests.some((test) => test(instance as PhoneNumberInstance)) : tests.every((test) => test(instance as PhoneNumberInstance)));
}

/** Lifecycle and compliance filters run here, paging on until Limit matches are found or the list ends. */
export async function execute(this: IExecuteFunctions, prepared: Prepared, itemIndex: number): Promise<INodeExecutionData[]> {
	const keep = keepFor(prepared);
	const instances = await enfonicaApiRequestAllItems(this, phoneNumberInstances.list, { parent: prepared.projectName, qs: prepared.qs }, { limit: prepared.limit, itemIndex, keep });
	return toItems.call(this, INSTANCE_OUTPUT, instances, itemIndex);
}
