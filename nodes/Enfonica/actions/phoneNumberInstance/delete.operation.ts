import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { asNodeError } from '../../helpers/inputError';
import type { PhoneNumberInstance } from '../../models/phoneNumberInstance';
import { INSTANCE_OUTPUT } from '../../models/phoneNumberInstance';
import { enfonicaApiRequest } from '../../transport';
import { attemptsOf, isFailedPrecondition } from '../../transport/errors';
import { instanceLocator, outputChoice, phoneNumberOptions, projectField } from '../common.descriptions';
import { resolveInstanceName } from './instanceLocator';
import type { TargetedItem } from './shared';
import { fetchInstance, itemTarget, toOutput } from './shared';

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
	phoneNumberOptions,
];

export const description = updateDisplayOptions({ show: { resource: ['phoneNumberInstance'], operation: ['delete'] } }, properties);

/** Reads the project and the locator; no request. */
export const prepare = itemTarget;

/** Outputs the deleted instance as Enfonica returns it (lifecycle state DELETED, deleteTime set). */
/** Finds the instance (a lookup when given by phone number): no change yet. */
export async function resolve(this: IExecuteFunctions, { projectName, target }: TargetedItem, itemIndex: number): Promise<string> {
	return await resolveInstanceName.call(this, target, projectName, itemIndex);
}

export async function execute(this: IExecuteFunctions, name: string, itemIndex: number): Promise<INodeExecutionData[]> {
	const sentAt = Date.now();
	try {
		const instance = (await enfonicaApiRequest.call(this, { method: 'DELETE', path: name, itemIndex })) as PhoneNumberInstance;
		return [toOutput.call(this, instance, itemIndex)];
	} catch (error) {
		const deleted = await deletedDuringThisCall.call(this, error, name, sentAt, itemIndex);
		if (!deleted) throw asNodeError(this.getNode(), error, itemIndex);
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
 * does an instance deleted before this call.
 */
async function deletedDuringThisCall(this: IExecuteFunctions, error: unknown, name: string, sentAt: number, itemIndex: number): Promise<PhoneNumberInstance | undefined> {
	if (!isFailedPrecondition(error) || (attemptsOf(error) ?? 1) < 2) return undefined;
	try {
		const current = await fetchInstance.call(this, name, itemIndex);
		const deletedAt = Date.parse(current.deleteTime ?? '');
		return current.lifecycleState === 'DELETED' && deletedAt >= sentAt - CLOCK_SLACK_MS ? current : undefined;
	} catch {
		return undefined;
	}
}
