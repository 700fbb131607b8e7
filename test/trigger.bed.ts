/** Shared by the trigger tests: an emulator, the engine harness, and a watcher that carries static data between polls as n8n does. */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Emulator } from './emulator';
import { startEmulator } from './emulator';
import type { Harness, PollResult } from './harness';
import { createHarness } from './harness';

export const TRIGGER_TYPE = 'n8n-nodes-enfonica.enfonicaTrigger';
const ADMIN_TOKEN = 'trigger-tests-admin-token';

export interface TriggerBed {
	emu: Emulator;
	h: Harness;
	/** A service-account credential allowed on every project; its own project is `home`. */
	credentialId: string;
	/** Calls the emulator's REST API directly (as another client would): move, splitRange, delete. */
	api(method: string, path: string, body?: IDataObject): Promise<IDataObject>;
	watcher(parameters: INodeParameters, credentialId?: string): Watcher;
	close(): Promise<void>;
}

export interface Watcher {
	parameters: INodeParameters;
	/** The state n8n would have saved after the last poll. */
	staticData: IDataObject | undefined;
	poll(mode?: 'trigger' | 'manual'): Promise<PollResult>;
	/** A trigger-mode poll's items' JSON ([] when it returned null); fails the test on a poll error. */
	events(): Promise<IDataObject[]>;
}

export async function startTriggerBed(home = 'home'): Promise<TriggerBed> {
	const emu = await startEmulator();
	const h = await createHarness();
	const key = emu.createServiceAccount({ projectId: home, projects: '*' });
	const { id: credentialId } = h.addCredential({
		authentication: 'serviceAccountKey',
		serviceAccountKey: JSON.stringify(key),
		baseUrl: emu.baseUrl,
		tokenUrl: emu.tokenUrl,
	});
	emu.addBearerToken(ADMIN_TOKEN, { projects: '*' });

	const api: TriggerBed['api'] = async (method, path, body) => {
		const response = await fetch(`${emu.baseUrl}/v1beta1/${path}`, {
			method,
			headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const json = (await response.json()) as IDataObject;
		if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${JSON.stringify(json)}`);
		return json;
	};

	const watcher: TriggerBed['watcher'] = (parameters, credential = credentialId) => {
		const self: Watcher = {
			parameters,
			staticData: undefined,
			async poll(mode = 'trigger') {
				const result = await h.poll({ nodeType: TRIGGER_TYPE, parameters: self.parameters, credentialId: credential, staticData: self.staticData, mode });
				self.staticData = result.staticData;
				return result;
			},
			async events() {
				const result = await self.poll();
				if (result.error) throw result.error;
				return (result.result?.[0] ?? []).map((item) => item.json);
			},
		};
		return self;
	};

	return { emu, h, credentialId, api, watcher, close: async () => await emu.close() };
}

/** The list requests the trigger sent (not the token exchange). */
export function listRequests(emu: Emulator) {
	return emu.requests.filter((request) => request.method === 'GET' && request.path.endsWith('/phoneNumberInstances'));
}
