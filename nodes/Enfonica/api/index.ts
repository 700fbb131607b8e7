/**
 * Every Enfonica call this package makes, declared once: method, path, permission, what it
 * changes and how it may be retried, its answer's type. The transport sends a call with its
 * arguments; retries, error messages, Dry Run's plan and the test emulator's routing read it.
 */
import type { EnfonicaCall } from './call';
import * as phoneNumberInstances from './phoneNumberInstances';
import * as phoneNumbers from './phoneNumbers';
import * as regulatoryListings from './regulatoryListings';

export type { EnfonicaAction, EnfonicaCall, EnfonicaListCall, EnfonicaService, Effect, PathArgs, RetryPolicy } from './call';
export { pathOf, pathPattern } from './call';
export type { SplitRangeResult } from './phoneNumberInstances';
export { phoneNumberInstances, phoneNumbers, regulatoryListings };

/** The whole catalogue, for checks that must cover every call. */
export const ENFONICA_CALLS: readonly EnfonicaCall[] = [phoneNumberInstances, regulatoryListings, phoneNumbers].flatMap((service) => Object.values(service) as EnfonicaCall[]);

/** Whether the call is never sent again once it may have reached Enfonica. */
export function isOneOffChange(call: EnfonicaCall): boolean {
	return call.effect.changes && !call.effect.repeatable;
}
