import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Emulator, SeedInstance, ServiceAccountKey } from '../emulator';
import { startEmulator } from '../emulator';
import type { Harness } from '../harness';
import { createHarness } from '../harness';

export interface TestBed {
	emu: Emulator;
	h: Harness;
	key: ServiceAccountKey;
	/** A credential (service account key) allowed on `project`. */
	credentialId: string;
	project: string;
	close(): Promise<void>;
}

/** An emulator plus the engine harness with one service-account credential, for one test file. */
export async function startTestBed(project = 'acme', extra: IDataObject = {}): Promise<TestBed> {
	const emu = await startEmulator();
	const h = await createHarness();
	const key = emu.createServiceAccount({ projectId: project });
	const { id } = h.addCredential({
		authentication: 'serviceAccountKey',
		serviceAccountKey: JSON.stringify(key),
		baseUrl: emu.baseUrl,
		tokenUrl: emu.tokenUrl,
		...extra,
	});
	return { emu, h, key, credentialId: id, project, close: async () => await emu.close() };
}

export const byName = (value: string) => ({ __rl: true, mode: 'name', value });

export function apiRequests(emu: Emulator) {
	return emu.requests.filter((request) => request.path.startsWith('/v1beta1/'));
}

export function tokenRequests(emu: Emulator) {
	return emu.requests.filter((request) => request.path === '/token');
}

/** A new credential of the bed's service account: a token exchange would show in the request log. */
export function freshCredential(bed: TestBed, extra: IDataObject = {}): string {
	return bed.h.addCredential({ authentication: 'serviceAccountKey', serviceAccountKey: JSON.stringify(bed.key), baseUrl: bed.emu.baseUrl, tokenUrl: bed.emu.tokenUrl, ...extra }).id;
}

/** Runs with a fresh credential and expects `message` with nothing sent at all (no API call, no token exchange). */
export async function expectRefused(bed: TestBed, parameters: INodeParameters, message: string | RegExp, items?: IDataObject[]) {
	const credentialId = freshCredential(bed);
	bed.emu.clearLog();
	const result = await bed.h.runNode({ parameters, credentialId, items });
	expect(result.error?.message).toEqual(typeof message === 'string' ? message : expect.stringMatching(message));
	expect(bed.emu.requests).toHaveLength(0);
	return result;
}

/** A test file's `refused(parameters, message, items?)`: expectRefused on its bed. */
export const refusedBy = (bed: TestBed) => async (parameters: INodeParameters, message: string | RegExp, items?: IDataObject[]) => await expectRefused(bed, parameters, message, items);

/** A test file's `run(parameters, items?)`: the node on its bed with the bed's credential. */
export const runBy = (bed: TestBed) => async (parameters: INodeParameters, items?: IDataObject[]) => await bed.h.runNode({ parameters, credentialId: bed.credentialId, items });

/** A test file's `accepted(parameters, items?)`: expectAccepted on its bed. */
export const acceptedBy = (bed: TestBed) => async (parameters: INodeParameters, items?: IDataObject[]) => await expectAccepted(bed, parameters, items);

/** Runs with a fresh credential and expects no error: the counterpart that shows a case is not refused for another reason. */
export async function expectAccepted(bed: TestBed, parameters: INodeParameters, items?: IDataObject[]) {
	const credentialId = freshCredential(bed);
	bed.emu.clearLog();
	const result = await bed.h.runNode({ parameters, credentialId, items });
	expect(result.error?.message).toBeUndefined();
	return result;
}

/** A test file's bed: started before its tests (in a beforeAll registered here, so it runs before the file's own), closed after them. */
export function useTestBed(project = 'acme', extra: IDataObject = {}): TestBed {
	const bed = {} as TestBed;
	beforeAll(async () => {
		Object.assign(bed, await startTestBed(project, extra));
	});
	afterAll(async () => await bed.close());
	return bed;
}

/**
 * useTestBed with `instances` held in project acme (`bed.instance` is the first one's name) and
 * `inventory` numbers to buy; with `clearLog`, the request log is cleared before each test.
 */
export function useSeededBed(instances: SeedInstance[], options: { inventory?: string[]; clearLog?: boolean } = {}): TestBed & { instance: string } {
	const bed = useTestBed('acme') as TestBed & { instance: string };
	beforeAll(() => {
		[{ name: bed.instance }] = bed.emu.seed('acme', instances);
		if (options.inventory) bed.emu.addInventoryNumbers(options.inventory);
	});
	if (options.clearLog) beforeEach(() => bed.emu.clearLog());
	return bed;
}
