import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { regulatoryListings } from '../../api';
import { checked, inputError } from '../../errors';
import {
	MAX_BUSINESS_NAME,
	MAX_PERSON_NAME,
	checkAddressLines,
	checkPostalCode,
	checkRegionCode,
	checkRegionalField,
	checkRequiredName,
} from '../../helpers/listingRules';
import { checkChoice, checkDisplayName, MAX_DISPLAY_NAME } from '../../helpers/validation';
import type { RegulatoryListing } from '../../models/regulatoryListing';
import { LISTING_OUTPUT } from '../../models/regulatoryListing';
import { itemProject } from '../common';
import { displayNameField, listingChangeOptions, outputChoice, projectField, regionCodeField } from '../common.descriptions';
import type { Change } from '../plannedChange';
import { dryRunItem, isDryRun, sendChange } from '../plannedChange';
import { listingOutput } from './shared';

const properties: INodeProperties[] = [
	projectField,
	{
		displayName: 'Entity Type',
		name: 'entityType',
		type: 'options',
		options: [
			{ name: 'Business', value: 'business', description: 'A company or organisation, by its full legal name' },
			{ name: 'Person', value: 'person', description: 'An individual, by given and family name' },
		],
		default: 'business',
		description: 'Who uses the numbers associated with this listing. Fixed once created.',
	},
	{
		displayName: 'Given Name',
		name: 'givenName',
		type: 'string',
		required: true,
		default: '',
		description: `Up to ${MAX_PERSON_NAME} characters`,
		displayOptions: { show: { entityType: ['person'] } },
	},
	{
		displayName: 'Family Name',
		name: 'familyName',
		type: 'string',
		required: true,
		default: '',
		description: `Up to ${MAX_PERSON_NAME} characters`,
		displayOptions: { show: { entityType: ['person'] } },
	},
	{
		displayName: 'Business Name',
		name: 'businessName',
		type: 'string',
		required: true,
		default: '',
		description: `The full legal name of the business, up to ${MAX_BUSINESS_NAME} characters`,
		displayOptions: { show: { entityType: ['business'] } },
	},
	{
		displayName: 'Address Lines',
		name: 'addressLines',
		type: 'string',
		typeOptions: { rows: 2 },
		required: true,
		default: '',
		placeholder: 'e.g. Level 1\n123 Example Street',
		description: 'The street address: one or two lines, one per line in this field',
	},
	{
		displayName: 'Locality',
		name: 'locality',
		type: 'string',
		default: '',
		placeholder: 'e.g. Sydney',
		description: 'City or suburb (required in AU, NZ and US)',
	},
	{
		displayName: 'Administrative Area',
		name: 'administrativeArea',
		type: 'string',
		default: '',
		placeholder: 'e.g. NSW',
		description: 'State, province or region (required in AU, NZ and US)',
	},
	{
		displayName: 'Postal Code',
		name: 'postalCode',
		type: 'string',
		default: '',
		placeholder: 'e.g. 2000',
		description: 'Required in AU and NZ (4 digits) and the US (5-digit ZIP code)',
	},
	regionCodeField('regionCode', 'Region Code', 'Two-letter ISO 3166 code of the address\'s country'),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [displayNameField(`A name for the listing, up to ${MAX_DISPLAY_NAME} characters (the only field that can be changed later)`)],
	},
	...outputChoice(LISTING_OUTPUT),
	listingChangeOptions,
];

export const description = updateDisplayOptions({ show: { resource: ['regulatoryListing'], operation: ['create'] } }, properties);

interface Prepared {
	projectName: string;
	body: IDataObject;
}

/** Every field checked in the order of the form, with the region's rules; no request. */
export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<Prepared> {
	const node = this.getNode();
	const read = (name: string) => this.getNodeParameter(name, itemIndex, '');
	const projectName = await itemProject.call(this, itemIndex);
	const entityType = checked(node, itemIndex, 'Entity Type', () => checkChoice(read('entityType'), ['business', 'person']));
	if (!entityType) throw inputError(node, itemIndex, 'Entity Type', 'is required: business or person');
	const entity: IDataObject =
		entityType === 'person'
			? {
					person: {
						givenName: checked(node, itemIndex, 'Given Name', () => checkRequiredName(read('givenName'), MAX_PERSON_NAME)),
						familyName: checked(node, itemIndex, 'Family Name', () => checkRequiredName(read('familyName'), MAX_PERSON_NAME)),
					},
				}
			: { business: { business: checked(node, itemIndex, 'Business Name', () => checkRequiredName(read('businessName'), MAX_BUSINESS_NAME)) } };
	const addressLines = checked(node, itemIndex, 'Address Lines', () => checkAddressLines(read('addressLines')));
	const regionCode = checked(node, itemIndex, 'Region Code', () => checkRegionCode(read('regionCode')));
	const address: IDataObject = {
		addressLines,
		locality: checked(node, itemIndex, 'Locality', () => checkRegionalField(read('locality'), regionCode)),
		administrativeArea: checked(node, itemIndex, 'Administrative Area', () => checkRegionalField(read('administrativeArea'), regionCode)),
		postalCode: checked(node, itemIndex, 'Postal Code', () => checkPostalCode(read('postalCode'), regionCode)),
		regionCode,
	};
	const additionalFields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const displayName = checked(node, itemIndex, 'Display Name', () => checkDisplayName(additionalFields.displayName));
	// proto3 JSON: empty strings are "not set", so they are left out.
	const body: IDataObject = { ...entity, address: Object.fromEntries(Object.entries(address).filter(([, value]) => value !== '')) };
	if (displayName !== '') body.displayName = displayName;
	return { projectName, body };
}

/** One POST per item, never retried after it may have reached Enfonica. */
export async function execute(this: IExecuteFunctions, { projectName, body }: Prepared, itemIndex: number): Promise<INodeExecutionData[]> {
	const change: Change<RegulatoryListing> = { call: regulatoryListings.create, parent: projectName, body };
	if (isDryRun.call(this, itemIndex)) return dryRunItem.call(this, change, itemIndex);
	const listing = await sendChange(this, change, itemIndex);
	return [listingOutput.call(this, listing, itemIndex)];
}
