/** regulatoryListings: who uses a project's numbers, for regulators (Numbering v1beta1). */
import type { IDataObject } from 'n8n-workflow';

import type { RegulatoryListing } from '../models/regulatoryListing';
import type { EnfonicaCall, EnfonicaListCall } from './call';
import { oneOffChange, READ, REPEATABLE_CHANGE } from './call';

const service = 'regulatoryListings';

export const list: EnfonicaListCall<RegulatoryListing> = {
	service,
	method: 'list',
	action: 'list',
	http: 'GET',
	path: '/v1beta1/{parent=projects/*}/regulatoryListings',
	permission: 'numbering.regulatoryListings.list',
	...READ,
	listField: 'regulatoryListings',
};

/** The listings usable for a kind of number in a region; needs the list permission. */
export const search: EnfonicaListCall<RegulatoryListing> = {
	service,
	method: 'search',
	action: 'list',
	http: 'GET',
	path: '/v1beta1/{parent=projects/*}/regulatoryListings:search',
	permission: 'numbering.regulatoryListings.list',
	...READ,
	listField: 'regulatoryListings',
};

export const get: EnfonicaCall<RegulatoryListing> = {
	service,
	method: 'get',
	action: 'get',
	http: 'GET',
	path: '/v1beta1/{name=projects/*/regulatoryListings/*}',
	permission: 'numbering.regulatoryListings.get',
	...READ,
};

export const create: EnfonicaCall<RegulatoryListing> = {
	service,
	method: 'create',
	action: 'create',
	http: 'POST',
	path: '/v1beta1/{parent=projects/*}/regulatoryListings',
	permission: 'numbering.regulatoryListings.create',
	...oneOffChange('the listing may have been created', 'check with Regulatory Listing → Get Many'),
};

/** Only displayName can change. */
export const update: EnfonicaCall<RegulatoryListing> = {
	service,
	method: 'update',
	action: 'update',
	http: 'PATCH',
	path: '/v1beta1/{name=projects/*/regulatoryListings/*}',
	permission: 'numbering.regulatoryListings.update',
	...REPEATABLE_CHANGE,
};

/** Answers `{}`; refused (400 FAILED_PRECONDITION) while an active instance uses the listing. */
const del: EnfonicaCall<IDataObject> = {
	service,
	method: 'delete',
	action: 'delete',
	http: 'DELETE',
	path: '/v1beta1/{name=projects/*/regulatoryListings/*}',
	permission: 'numbering.regulatoryListings.delete',
	...REPEATABLE_CHANGE,
};

export { del as delete };
