/** Test-control seeding: instances placed directly in the store, bypassing the API and its validation. */
import type { EmulatorCore } from './core';
import { isE164, offsetNumber, rangesOverlap } from './e164';
import { INSTANCE_ID_PATTERN } from './ids';
import { isLive, PROJECT_ID_PATTERN, type StoredInstance } from './model';
import type { PhoneNumberInstanceJson, SeedBulkOptions, SeedInstance } from './types';

export function checkProject(project: string): void {
	if (!PROJECT_ID_PATTERN.test(project)) throw new Error(`Invalid project id '${project}'`);
}

function toStored(core: EmulatorCore, project: string, seed: SeedInstance): StoredInstance {
	if (!isE164(seed.phoneNumber)) throw new Error(`Seed phoneNumber '${seed.phoneNumber}' is not E.164`);
	const id = seed.id ?? core.newInstanceId();
	if (!INSTANCE_ID_PATTERN.test(id)) throw new Error(`Seed id '${id}' must be lowercase alphanumeric (with '-')`);
	if (core.store.hasId(id)) throw new Error(`Seed id '${id}' is already used`);
	if (seed.rangeSize !== undefined && (!Number.isInteger(seed.rangeSize) || seed.rangeSize < 1 || seed.rangeSize > 1_000_000)) {
		throw new Error(`Seed rangeSize must be an integer from 1 to 1000000, got ${seed.rangeSize}`);
	}
	let createTime: number;
	if (seed.createTime === undefined) {
		createTime = core.clock.now();
	} else {
		createTime = Date.parse(seed.createTime);
		if (Number.isNaN(createTime)) throw new Error(`Seed createTime '${seed.createTime}' is not RFC 3339`);
	}
	const state = seed.lifecycleState ?? 'ACTIVE';
	if (seed.regulatoryListing !== undefined && core.listings.getByName(seed.regulatoryListing)?.project !== project) {
		throw new Error(`Seed regulatoryListing '${seed.regulatoryListing}' is not a listing of project '${project}'`);
	}
	return {
		id,
		project,
		startNumber: seed.phoneNumber,
		rangeSize: seed.rangeSize,
		displayName: seed.displayName ?? '',
		labels: { ...(seed.labels ?? {}) },
		incomingMessageHandlerUris: [...(seed.incomingMessageHandlerUris ?? [])],
		incomingCallHandlerUris: [...(seed.incomingCallHandlerUris ?? [])],
		callRecordingTrigger: seed.callRecordingTrigger ?? 'DISABLED',
		createTime,
		// PENDING means "not yet activated", which the API shows as an unset activateTime.
		activateTime: state === 'PENDING' ? undefined : createTime,
		deleteTime: state === 'DELETED' ? Math.max(createTime + 1, Date.now()) : undefined,
		lifecycleState: state,
		compliant: seed.compliant ?? true,
		regulatoryListing: seed.regulatoryListing,
	};
}

/** A live instance takes its numbers off sale; a single number bought from the inventory keeps its offer. */
export function takeFromInventory(core: EmulatorCore, instance: StoredInstance): void {
	if (!isLive(instance)) return;
	if (instance.rangeSize === undefined) instance.offer = core.inventory.take(instance.startNumber)?.offer ?? instance.offer;
	else core.inventory.removeRange(instance.startNumber, instance.rangeSize);
}

/** All or nothing: every seed is checked (ids, numbers, also against each other) before any is stored. */
export function seedInstances(core: EmulatorCore, project: string, seeds: SeedInstance[]): PhoneNumberInstanceJson[] {
	checkProject(project);
	const batch: StoredInstance[] = [];
	for (const seed of seeds) {
		const instance = toStored(core, project, seed);
		if (batch.some((other) => other.id === instance.id)) throw new Error(`Seed id '${instance.id}' is used twice`);
		if (isLive(instance)) {
			const size = instance.rangeSize ?? 1;
			const holder =
				core.store.holderOf(instance.startNumber, size) ??
				batch.find((other) => isLive(other) && rangesOverlap(instance.startNumber, size, other.startNumber, other.rangeSize ?? 1));
			if (holder) throw new Error(`Seed number ${instance.startNumber} is already held by ${holder.project}/${holder.id}`);
		}
		batch.push(instance);
	}
	for (const instance of batch) {
		core.store.insert(instance);
		takeFromInventory(core, instance);
	}
	return batch.map((instance) => core.render(instance));
}

/** Consecutive single numbers; skips per-number libphonenumber work so 10,000 take milliseconds. */
export function seedBulk(core: EmulatorCore, project: string, count: number, options: SeedBulkOptions = {}): void {
	checkProject(project);
	if (!Number.isInteger(count) || count < 0) throw new Error(`seedBulk count must be a non-negative integer, got ${count}`);
	const start = options.startNumber ?? '+61370100000';
	if (!isE164(start) || !isE164(offsetNumber(start, Math.max(count - 1, 0)))) throw new Error(`seedBulk numbers from ${start} are not E.164`);
	const state = options.lifecycleState ?? 'ACTIVE';
	const first = BigInt(start.slice(1));
	for (let i = 0; i < count; i++) {
		const number = `+${(first + BigInt(i)).toString()}`;
		if (state !== 'DELETED' && core.store.holderOf(number, 1)) throw new Error(`seedBulk number ${number} is already held`);
		const createTime = core.clock.now();
		core.store.insert({
			offer: state === 'DELETED' ? undefined : core.inventory.take(number)?.offer,
			id: core.newInstanceId(),
			project,
			startNumber: number,
			displayName: options.displayNamePrefix === undefined ? '' : `${options.displayNamePrefix} ${i + 1}`,
			labels: { ...(options.labels ?? {}) },
			incomingMessageHandlerUris: [],
			incomingCallHandlerUris: [],
			callRecordingTrigger: 'DISABLED',
			createTime,
			activateTime: state === 'PENDING' ? undefined : createTime,
			deleteTime: state === 'DELETED' ? createTime : undefined,
			lifecycleState: state,
			compliant: true,
		});
	}
}
