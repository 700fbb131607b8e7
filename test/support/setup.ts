import type { IDataObject } from 'n8n-workflow';

import type { Emulator, ServiceAccountKey } from '../emulator';
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
