import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { checked, failedItem } from '../errors';
import { checkWholeNumber } from '../helpers/validation';
import { runPooled } from '../helpers/workerPool';
import type { OutputModel } from '../models/output';
import { itemPresenter } from './common';
import { MAX_CONCURRENCY } from './common.descriptions';
import type { BatchStep, Operation } from './operation';
import * as phoneNumber from './phoneNumber';
import * as phoneNumberInstance from './phoneNumberInstance';
import * as regulatoryListing from './regulatoryListing';

const resources: Record<string, { operations: Record<string, Operation<unknown>>; output: OutputModel<unknown, unknown> }> = {
	phoneNumber,
	phoneNumberInstance,
	regulatoryListing,
};

type Step = { ok: true; value: unknown } | { ok: false; error: Error };

/** Options → Concurrency: a node-wide setting, read from the first item and checked before anything runs. */
function readConcurrency(this: IExecuteFunctions): number {
	return checked(this.getNode(), 0, 'Concurrency', () => checkWholeNumber(this.getNodeParameter('options.concurrency', 0, 1), 1, MAX_CONCURRENCY));
}

/**
 * Runs `work` on the items still in play, up to `concurrency` at a time in input order. Without
 * Continue On Fail the first failure stops new items from starting; items already started
 * finish (stopping a create half-way would leave its outcome unknown). Failed items are marked
 * in `steps`.
 */
async function runPhase(
	this: IExecuteFunctions,
	steps: Step[],
	concurrency: number,
	work: (value: unknown, itemIndex: number) => Promise<unknown>,
): Promise<void> {
	const pending = steps.flatMap((step, itemIndex) => (step.ok ? [itemIndex] : []));
	const stopOnFailure = !this.continueOnFail();
	let failed = false;
	const runItem = async (itemIndex: number) => {
		try {
			steps[itemIndex] = { ok: true, value: await work((steps[itemIndex] as { value: unknown }).value, itemIndex) };
		} catch (error) {
			steps[itemIndex] = { ok: false, error: error as Error };
			failed = true;
		}
	};
	await runPooled(pending, concurrency, runItem, { stop: () => failed && stopOnFailure, firstAlone: true });
}

/** Without Continue On Fail: the error of the lowest-numbered failed item, the one a sequential run stops at. */
function throwFirstFailure(this: IExecuteFunctions, steps: Step[]): void {
	if (this.continueOnFail()) return;
	const itemIndex = steps.findIndex((step) => !step.ok);
	if (itemIndex !== -1) failedItem.call(this, (steps[itemIndex] as { error: Error }).error, itemIndex);
}

/** A batch step over the items still in play; the items it fails are marked in `steps`. */
async function runBatchStep(this: IExecuteFunctions, steps: Step[], step: BatchStep<unknown>): Promise<void> {
	const batch = steps.flatMap((entry, itemIndex) => (entry.ok ? [{ itemIndex, value: entry.value }] : []));
	if (batch.length === 0) return;
	const outcomes = await step.call(this, batch);
	batch.forEach(({ itemIndex }, position) => {
		const outcome = outcomes[position];
		steps[itemIndex] = outcome instanceof Error ? { ok: false, error: outcome } : { ok: true, value: outcome };
	});
}

/**
 * Runs the chosen operation in three phases, each over every item before the next begins:
 * 1. prepare: read and check the item's parameters, its output choice included (no request);
 * 2. resolve: read-only lookups (an instance by phone number, a range's size, current labels);
 * 3. execute: the change itself.
 * An operation's batch steps run between them, once over all items: after prepare (checks across
 * items, lookups shared by all), after resolve (what the whole run would do, e.g. against a cap).
 * So a bad item, or one whose instance can't be found, stops the run before any item's change is
 * made: a half-applied batch would otherwise be re-run after the fix. With Continue On Fail the
 * failed items become `{ error }` items and the others go on.
 *
 * Phases 2 and 3 take up to Options → Concurrency items at a time, in input order; outputs are
 * collected per item and joined in input order, so order and pairing are those of a sequential
 * run. With Concurrency 1 it is exactly a sequential run.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const handler = resources[resource]?.operations[operation];
	if (!handler) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" on "${resource}" is not supported`);
	}
	if (items.length === 0) return [[]];
	const concurrency = readConcurrency.call(this);
	const steps: Step[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const prepared = await handler.prepare.call(this, itemIndex);
			itemPresenter.call(this, resources[resource].output, itemIndex); // checks Output and Fields
			steps.push({ ok: true, value: prepared });
		} catch (error) {
			steps.push({ ok: false, error: error as Error });
		}
	}
	throwFirstFailure.call(this, steps);
	if (handler.prepareBatch) {
		await runBatchStep.call(this, steps, handler.prepareBatch);
		throwFirstFailure.call(this, steps);
	}
	if (handler.resolve) {
		await runPhase.call(this, steps, concurrency, async (prepared, itemIndex) => await handler.resolve!.call(this, prepared, itemIndex));
		throwFirstFailure.call(this, steps);
	}
	if (handler.resolveBatch) {
		await runBatchStep.call(this, steps, handler.resolveBatch);
		throwFirstFailure.call(this, steps);
	}
	await runPhase.call(this, steps, concurrency, async (resolved, itemIndex) => await handler.execute.call(this, resolved, itemIndex));
	throwFirstFailure.call(this, steps);
	return [
		steps.flatMap((step, itemIndex) => (step.ok ? (step.value as INodeExecutionData[]) : [failedItem.call(this, step.error, itemIndex)])),
	];
}
