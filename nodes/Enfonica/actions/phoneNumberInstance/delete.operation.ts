import type { IExecuteFunctions, INodeExecutionData, INodeProperties, NodeApiError } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { phoneNumberInstances } from '../../api';
import { asNodeError, attemptsOf, isFailedPrecondition, isOutcomeUnknown, notDoneError } from '../../errors';
import type { PhoneNumberInstance } from '../../models/phoneNumberInstance';
import { INSTANCE_OUTPUT } from '../../models/phoneNumberInstance';
import { resolveInstance } from '../../shared/instanceLocator';
import { changeOptions, instanceLocator, outputChoice, projectField } from '../common.descriptions';
import type { Change } from '../plannedChange';
import { dryRunItem, isDryRun, sendChange } from '../plannedChange';
import type { TargetedItem } from './shared';
import { fetchInstance, itemTarget, presentInstance, toOutput } from './shared';

const properties: INodeProperties[] = [
	{
		displayName: 'Deleting disconnects the number: calls and messages to it stop. The deleted instance is returned.',
		name: 'deleteNotice',
		type: 'notice',
		default: '',
	},
	projectField,
	instanceLocator,
	...outputChoice(INSTANCE_OUTPUT),
	changeOptions,
];

export const description = updateDisplayOptions({ show: { resource: ['phoneNumberInstance'], operation: ['delete'] } }, properties);

/** Reads the project and the locator; no request. */
export const prepare = itemTarget;

interface Resolved {
	change: Change<PhoneNumberInstance>;
	/** The instance as looked up (By Phone Number). */
	current?: PhoneNumberInstance;
}

/** Finds the instance (a lookup when given by phone number): no change yet. */
export async function resolve(this: IExecuteFunctions, { projectName, target }: TargetedItem, itemIndex: number): Promise<Resolved> {
	const { name, instance } = await resolveInstance.call(this, target, projectName, itemIndex);
	return { change: { call: phoneNumberInstances.delete, name }, current: instance };
}

/** Outputs the deleted instance as Enfonica returns it (lifecycle state DELETED, deleteTime set). */
export async function execute(this: IExecuteFunctions, { change, current }: Resolved, itemIndex: number): Promise<INodeExecutionData[]> {
	if (isDryRun.call(this, itemIndex)) {
		return dryRunItem.call(this, change, itemIndex, current ? { instance: presentInstance.call(this, current, itemIndex) } : {});
	}
	const sentAt = Date.now();
	try {
		const instance = await sendChange(this, change, itemIndex);
		return [toOutput.call(this, instance, itemIndex)];
	} catch (error) {
		const deleted = await deletedDuringThisCall.call(this, error, change.name as string, sentAt, itemIndex);
		return [toOutput.call(this, deleted, itemIndex)];
	}
}

/** Allowance for the difference between n8n's clock and Enfonica's. */
const CLOCK_SLACK_MS = 10_000;

/**
 * A DELETE whose answer was lost (5xx, reset, timeout) is retried, and if the first one went
 * through, Enfonica refuses the retry: "already deleted" (400 FAILED_PRECONDITION). The delete
 * the user asked for did happen, so the instance is returned as if the first answer had arrived.
 * Only when the DELETE was sent more than once: refused at the first attempt, the instance was
 * already deleted by someone else (or by another item of this run), and that stays an error, as
 * does an instance deleted before this call. When no answer came at all (retries used up), one
 * read tells: deleted by this call → the deleted instance; not deleted → an error saying so.
 * Anything else, or a read that fails, throws the original error.
 */
async function deletedDuringThisCall(this: IExecuteFunctions, error: unknown, name: string, sentAt: number, itemIndex: number): Promise<PhoneNumberInstance> {
	const refusedRetry = isFailedPrecondition(error) && (attemptsOf(error) ?? 1) >= 2;
	const unknown = isOutcomeUnknown(error);
	if (!refusedRetry && !unknown) throw asNodeError(this.getNode(), error, itemIndex);
	let current: PhoneNumberInstance;
	try {
		current = await fetchInstance.call(this, name, itemIndex);
	} catch {
		throw asNodeError(this.getNode(), error, itemIndex);
	}
	const deletedAt = Date.parse(current.deleteTime ?? '');
	if (current.lifecycleState === 'DELETED' && deletedAt >= sentAt - CLOCK_SLACK_MS) return current;
	if (!unknown || current.lifecycleState === 'DELETED') throw asNodeError(this.getNode(), error, itemIndex);
	throw notDoneError(this.getNode(), error as NodeApiError, itemIndex, `${name} was not deleted`, `Enfonica gave no clear answer to the delete, and a lookup right after it shows the instance still ${current.lifecycleState ?? 'held'}: nothing was deleted. Running the workflow again is safe.`);
}
