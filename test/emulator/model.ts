/** The emulator's internal record of a phone number instance and resource-name helpers. */
import type { NumberOffer } from './inventory';
import type { LifecycleState, RecordingTrigger } from './types';

export interface StoredInstance {
	/** Globally unique: move keeps it, so names differ only by project. */
	id: string;
	project: string;
	/** E.164; the first number when the instance is a range. */
	startNumber: string;
	/** undefined = a single number; set (even 1) = a range. */
	rangeSize?: number;
	displayName: string;
	labels: Record<string, string>;
	incomingMessageHandlerUris: string[];
	incomingCallHandlerUris: string[];
	callRecordingTrigger: RecordingTrigger;
	/** Epoch milliseconds. */
	createTime: number;
	activateTime?: number;
	deleteTime?: number;
	lifecycleState: LifecycleState;
	compliant: boolean;
	/** sku, activationSku and capabilities when the number was bought from the inventory. */
	offer?: NumberOffer;
	/** Full name of a listing in the instance's project. */
	regulatoryListing?: string;
}

export const UPDATABLE_FIELDS = [
	'displayName',
	'labels',
	'incomingMessageHandlerUris',
	'incomingCallHandlerUris',
	'callRecordingTrigger',
] as const;

export type UpdatableField = (typeof UPDATABLE_FIELDS)[number];

export const OUTPUT_ONLY_FIELDS = [
	'createTime',
	'deleteTime',
	'activateTime',
	'lifecycleState',
	'range',
	'regulatoryListing',
	'compliant',
] as const;

export function instanceName(instance: Pick<StoredInstance, 'project' | 'id'>): string {
	return `projects/${instance.project}/phoneNumberInstances/${instance.id}`;
}

const NAME_PATTERN = /^projects\/([^/]+)\/phoneNumberInstances\/([^/]+)$/;

export function parseInstanceName(name: string): { project: string; id: string } | undefined {
	const match = NAME_PATTERN.exec(name);
	return match ? { project: match[1], id: match[2] } : undefined;
}

/** A project segment that can appear in a URL path and a resource name. */
export const PROJECT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._~-]*$/;

export function isLive(instance: StoredInstance): boolean {
	return instance.lifecycleState !== 'DELETED';
}

/** Mutable copy, so callers can never alias stored arrays/maps. */
export function copyConfiguration(instance: StoredInstance): Pick<StoredInstance, UpdatableField> {
	return {
		displayName: instance.displayName,
		labels: { ...instance.labels },
		incomingMessageHandlerUris: [...instance.incomingMessageHandlerUris],
		incomingCallHandlerUris: [...instance.incomingCallHandlerUris],
		callRecordingTrigger: instance.callRecordingTrigger,
	};
}
