/** phoneNumbers: the numbers available to buy (Numbering v1beta1). */
import type { AvailablePhoneNumber } from '../models/phoneNumber';
import type { EnfonicaListCall } from './call';
import { READ } from './call';

/** No project in the path and no numbering.* permission: being authenticated is enough. */
export const search: EnfonicaListCall<AvailablePhoneNumber> = {
	service: 'phoneNumbers',
	method: 'search',
	action: 'list',
	http: 'GET',
	path: '/v1beta1/phoneNumbers:search',
	...READ,
	listField: 'phoneNumbers',
};
