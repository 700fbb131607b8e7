import type { INodePropertyOptions } from 'n8n-workflow';

/**
 * The lifecycle states a user can pick in a filter, sorted by name. LIFECYCLE_STATE_UNSPECIFIED
 * is left out: it is the proto3 default, not a state anyone asks for.
 */
export const LIFECYCLE_STATE_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Active', value: 'ACTIVE' },
	{ name: 'Deleted', value: 'DELETED' },
	{ name: 'Pending', value: 'PENDING' },
	{ name: 'Suspended', value: 'SUSPENDED' },
];
