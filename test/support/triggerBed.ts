/** Shared by the trigger tests: an emulator, the engine harness, and a watcher that carries static data between polls as n8n does. */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { readSnapshot } from '../../nodes/Enfonica/trigger/state';
import { globalStateKey } from '../../nodes/Enfonica/trigger/store';
import type { Emulator } from '../emulator';
import { startEmulator } from '../emulator';
import type { DurableCursorRow, Harness, PollResult } from '../harness';
import { createHarness } from '../harness';

export const TRIGGER_TYPE = 'n8n-nodes-enfonica.enfonicaTrigger';
/** The harness's trigger node: its ID stays when it is renamed. */
export const TRIGGER_NODE_ID = 'trigger';
export const TRIGGER_NODE_NAME = 'Trigger';
const ADMIN_TOKEN = 'trigger-tests-admin-token';

export interface TriggerBed {
	emu: Emulator;
	h: Harness;
	/** A service-account credential allowed on every project; its own project is `home`. */
	credentialId: string;
	/** Calls the emulator's REST API directly (as another client would): move, splitRange, delete. */
	api(method: string, path: string, body?: IDataObject): Promise<IDataObject>;
	/** `typeVersion`: the trigger's version (default the latest, as n8n gives a new node). */
	watcher(parameters: INodeParameters, credentialId?: string, typeVersion?: number): Watcher;
	/** A trigger in a workflow run by an n8n that saves static data only as n8n really does (see N8nWorkflow). */
	n8nWorkflow(parameters: INodeParameters, setup?: N8nSetup, credentialId?: string): N8nWorkflow;
	close(): Promise<void>;
}

/**
 * Which n8n runs the workflow. Default (n8n 1.123 to 2.40 as installed): in-memory polling.
 * `scheduler`: N8N_SCHEDULER_ENABLED + N8N_SCHEDULER_POLL_TRIGGERS_ENABLED +
 * N8N_USE_WORKFLOW_PUBLICATION_SERVICE (n8n 2.33+): every tick rebuilds the workflow from the
 * database. `durableCursors`: also N8N_POLLER_DURABLE_CURSORS_ENABLED (2.37+, implies the
 * scheduler): the node's state lives in n8n's cursor row (DurableCursorRow), committed when a poll
 * emits or a scheduled poll returns null, but not when the activation's poll returns null.
 */
export interface N8nSetup {
	scheduler?: boolean;
	durableCursors?: boolean;
}

/**
 * n8n's persistence rule for a polling trigger's static data, as read in n8n-core's
 * PollTriggerExecutor and the CLI's trigger context (2.40.7): it is saved to the database when
 * a poll **emits** (`__emit` → `saveStaticData`) and once after each activation (`add()` →
 * `saveStaticData`); a poll that returns null saves nothing (`commitStagedCursor` is a no-op
 * without durable cursors). The running workflow keeps its own copy in memory; a restart or a
 * re-activation starts again from the saved copy, and n8n's scheduler reloads it on every tick.
 * Every poll goes through n8n-core's real engine (PollContext + PollTriggerExecutor).
 */
export interface N8nWorkflow {
	parameters: INodeParameters;
	/** The workflow's static data in n8n's database (with durable cursors: the node's cursor row). */
	readonly saved: IDataObject | undefined;
	/** The workflow's static data in n8n's database, also with durable cursors. */
	readonly savedWorkflowStaticData: IDataObject | undefined;
	/** The running workflow's copy; undefined while n8n is down or the workflow inactive. */
	readonly memory: IDataObject | undefined;
	/**
	 * The trigger node renamed in the editor and the workflow saved: the editor sends no static
	 * data, so n8n's database keeps it as it was. Takes effect at the next activation (publish).
	 */
	rename(name: string): void;
	/** Executions the trigger started: one per emitting poll, items or not. */
	readonly executions: IDataObject[][];
	/** Activation (or re-activation after an edit): a first poll, then n8n saves the static data. Returns that poll's items. */
	activate(): Promise<IDataObject[]>;
	/** A scheduled poll; its items (the execution it started), [] when it emitted nothing or no items. */
	tick(): Promise<IDataObject[]>;
	/** n8n stops: whatever was only in memory is gone. */
	stop(): void;
	/** n8n starts: the workflow is activated again ('init'). With the scheduler its poll job already exists, so no activation poll runs. */
	start(): Promise<IDataObject[]>;
}

export interface Watcher {
	parameters: INodeParameters;
	/** The trigger node's name (n8n keys node static data by it); its ID stays. */
	nodeName: string;
	/** The workflow's static data n8n would have saved after the last poll. */
	workflowStaticData: IDataObject | undefined;
	/** The trigger's state in it, wherever the trigger keeps it. */
	readonly staticData: IDataObject | undefined;
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

	const watcher: TriggerBed['watcher'] = (parameters, credential = credentialId, typeVersion = undefined) => {
		const self: Watcher = {
			parameters,
			nodeName: TRIGGER_NODE_NAME,
			workflowStaticData: undefined,
			get staticData() {
				return triggerState(self.workflowStaticData, self.nodeName);
			},
			async poll(mode = 'trigger') {
				const result = await h.poll({ nodeType: TRIGGER_TYPE, parameters: self.parameters, credentialId: credential, workflowStaticData: self.workflowStaticData, nodeName: self.nodeName, mode, typeVersion });
				self.workflowStaticData = result.workflowStaticData;
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

	const n8nWorkflow: TriggerBed['n8nWorkflow'] = (parameters, setup = {}, credential = credentialId) => {
		// Durable cursors work only with the scheduler chain (n8n's PollCursorService checks).
		const scheduler = setup.scheduler === true || setup.durableCursors === true;
		const cursorRow: DurableCursorRow | undefined = setup.durableCursors ? {} : undefined;
		let saved: IDataObject | undefined;
		let memory: IDataObject | undefined;
		let nodeName = TRIGGER_NODE_NAME;
		const executions: IDataObject[][] = [];
		const copy = (data: IDataObject | undefined) => (data === undefined ? undefined : (JSON.parse(JSON.stringify(data)) as IDataObject));
		const pollFrom = async (activation: boolean): Promise<IDataObject[]> => {
			const result = await h.poll({ nodeType: TRIGGER_TYPE, parameters: self.parameters, credentialId: credential, workflowStaticData: memory, nodeName, activation, durableCursor: cursorRow });
			if (result.error) throw result.error;
			// A failed poll throws above: n8n reports it and keeps the copy it had.
			memory = result.workflowStaticData;
			const items = (result.result?.[0] ?? []).map((item) => item.json);
			if (result.result !== null) {
				executions.push(items);
				saved = copy(memory);
			}
			return items;
		};
		const self: N8nWorkflow = {
			parameters,
			get saved() {
				return cursorRow ? copy(cursorRow.cursor) : saved;
			},
			get savedWorkflowStaticData() {
				return saved;
			},
			rename(name: string) {
				nodeName = name;
			},
			get memory() {
				return memory;
			},
			executions,
			async activate() {
				memory = copy(saved);
				const items = await pollFrom(true);
				saved = copy(memory);
				return items;
			},
			async tick() {
				if (memory === undefined) throw new Error('n8n is not running this workflow: activate() or start() first');
				if (scheduler) memory = copy(saved);
				return await pollFrom(false);
			},
			stop() {
				memory = undefined;
			},
			async start() {
				if (scheduler) {
					memory = copy(saved);
					return [];
				}
				return await self.activate();
			},
		};
		return self;
	};

	return { emu, h, credentialId, api, watcher, n8nWorkflow, close: async () => await emu.close() };
}

/** The list requests the trigger sent (not the token exchange). */
export function listRequests(emu: Emulator) {
	return emu.requests.filter((request) => request.method === 'GET' && request.path.endsWith('/phoneNumberInstances'));
}

/**
 * The trigger's state in a workflow's static data: under the node's ID in the global static data,
 * or (earlier versions, or a durable cursor passed as is) the node's own static data.
 */
export function triggerState(workflowStaticData: IDataObject | undefined, nodeName = TRIGGER_NODE_NAME): IDataObject | undefined {
	const global = workflowStaticData?.global as IDataObject | undefined;
	return (global?.[globalStateKey(TRIGGER_NODE_ID)] as IDataObject | undefined) ?? (workflowStaticData?.[`node:${nodeName}`] as IDataObject | undefined);
}

/** The instance IDs in a saved trigger state, in its order (whichever format it is saved in). */
export function savedIds(staticData: IDataObject | undefined): string[] {
	const snapshot = staticData ? readSnapshot(staticData, String(staticData.scope)) : undefined;
	return snapshot ? [...snapshot.keys()] : [];
}
