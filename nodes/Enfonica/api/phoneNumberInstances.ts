/** phoneNumberInstances: the numbers a project holds (Numbering v1beta1). */
import type { PhoneNumberInstance } from '../models/phoneNumberInstance';
import type { EnfonicaCall, EnfonicaListCall } from './call';
import { oneOffChange, READ, REPEATABLE_CHANGE } from './call';

const service = 'phoneNumberInstances';
const CHECK = 'check with the Get Many operation (use the phone number as Prefix and turn on Include Deleted)';

/** What splitRange answers: the range as it is now, and the new range holding the rest. */
export interface SplitRangeResult {
	first?: PhoneNumberInstance;
	second?: PhoneNumberInstance;
}

export const list: EnfonicaListCall<PhoneNumberInstance> = {
	service,
	method: 'list',
	action: 'list',
	http: 'GET',
	path: '/v1beta1/{parent=projects/*}/phoneNumberInstances',
	permission: 'numbering.phoneNumberInstances.list',
	...READ,
	listField: 'phoneNumberInstances',
};

export const get: EnfonicaCall<PhoneNumberInstance> = {
	service,
	method: 'get',
	action: 'get',
	http: 'GET',
	path: '/v1beta1/{name=projects/*/phoneNumberInstances/*}',
	permission: 'numbering.phoneNumberInstances.get',
	...READ,
};

/** Buys the number. */
export const create: EnfonicaCall<PhoneNumberInstance> = {
	service,
	method: 'create',
	action: 'create',
	http: 'POST',
	path: '/v1beta1/{parent=projects/*}/phoneNumberInstances',
	permission: 'numbering.phoneNumberInstances.create',
	...oneOffChange('the number may have been bought', CHECK),
};

export const update: EnfonicaCall<PhoneNumberInstance> = {
	service,
	method: 'update',
	action: 'update',
	http: 'PATCH',
	path: '/v1beta1/{name=projects/*/phoneNumberInstances/*}',
	permission: 'numbering.phoneNumberInstances.update',
	...REPEATABLE_CHANGE,
};

/** Answers the deleted instance (DELETED, deleteTime set). */
const del: EnfonicaCall<PhoneNumberInstance> = {
	service,
	method: 'delete',
	action: 'delete',
	http: 'DELETE',
	path: '/v1beta1/{name=projects/*/phoneNumberInstances/*}',
	permission: 'numbering.phoneNumberInstances.delete',
	...REPEATABLE_CHANGE,
};

export const move: EnfonicaCall<PhoneNumberInstance> = {
	service,
	method: 'move',
	action: 'move',
	http: 'POST',
	path: '/v1beta1/{name=projects/*/phoneNumberInstances/*}:move',
	permission: 'numbering.phoneNumberInstances.move',
	...oneOffChange('the instance may have been moved', CHECK),
};

export const splitRange: EnfonicaCall<SplitRangeResult> = {
	service,
	method: 'splitRange',
	action: 'splitRange',
	http: 'POST',
	path: '/v1beta1/{name=projects/*/phoneNumberInstances/*}:splitRange',
	permission: 'numbering.phoneNumberInstances.splitRange',
	...oneOffChange('the range may have been split', CHECK),
};

export { del as delete };
