import type { IDataObject, IPollFunctions } from 'n8n-workflow';

/**
 * Where the trigger keeps its state, keyed by the node's ID so that renaming the node loses nothing.
 *
 * n8n keeps a node's static data under its *name* (`node:<name>` in the workflow's static data),
 * and a rename in the editor leaves it behind under the old name. So, when n8n hands over the
 * workflow's own static data, the state lives in the workflow's global static data under
 * `enfonicaTrigger:<node id>` (saved by n8n exactly when the node's would be: the whole static
 * data is one record). With n8n's durable poll cursors the node's static data is a cursor that
 * n8n already keys by workflow and node ID: the state stays there.
 *
 * A state found where an earlier version kept it (the node's static data, or the global static
 * data before durable cursors were turned on) is moved by the next write, once.
 */
export interface StateStore {
	/** The saved state wherever it was found; undefined when there is none. */
	readonly state: IDataObject | undefined;
	/** Found where this version no longer keeps it: the next write moves it. */
	readonly migrating: boolean;
	/** The node's static data is a durable poll cursor, not the workflow's own static data. */
	readonly isCursor: boolean;
	/** Replaces the state in one step, in its home (and clears where it was found). */
	write(state: IDataObject): void;
}

const GLOBAL_KEY_PREFIX = 'enfonicaTrigger:';

/** The key of a trigger's state in the workflow's global static data. */
export function globalStateKey(nodeId: string): string {
	return GLOBAL_KEY_PREFIX + nodeId;
}

function isState(value: unknown): value is IDataObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0;
}

function replaceContents(target: IDataObject, state: IDataObject): void {
	for (const key of Object.keys(target)) delete target[key];
	Object.assign(target, state);
}

export function openStore(this: IPollFunctions): StateStore {
	const nodeData = this.getWorkflowStaticData('node');
	const isCursor = !isWorkflowStaticData(nodeData);
	const nodeId = this.getNode().id;
	// Very old workflows may have nodes without IDs: the node's own static data is all there is.
	if (!nodeId) return { state: isState(nodeData) ? nodeData : undefined, migrating: false, isCursor, write: (state) => replaceContents(nodeData, state) };
	const global = this.getWorkflowStaticData('global');
	const key = globalStateKey(nodeId);
	const inGlobal = global[key];
	if (isCursor) {
		if (isState(nodeData) || !isState(inGlobal)) {
			return { state: isState(nodeData) ? nodeData : undefined, migrating: false, isCursor, write: (state) => replaceContents(nodeData, state) };
		}
		// Kept with the workflow before durable cursors were turned on.
		return {
			state: inGlobal,
			migrating: true,
			isCursor,
			write: (state) => {
				replaceContents(nodeData, state);
				delete global[key];
			},
		};
	}
	if (isState(inGlobal)) return { state: inGlobal, migrating: false, isCursor, write: (state) => (global[key] = state) };
	if (!isState(nodeData)) return { state: undefined, migrating: false, isCursor, write: (state) => (global[key] = state) };
	// Kept under the node's name by earlier versions.
	return {
		state: nodeData,
		migrating: true,
		isCursor,
		write: (state) => {
			global[key] = state;
			for (const name of Object.keys(nodeData)) delete nodeData[name];
		},
	};
}

/**
 * Whether n8n keeps this static data with the workflow (saved after an activation and when a
 * poll emits), rather than as a durable poll cursor (saved when a poll emits or a scheduled poll
 * returns null). n8n makes a workflow's static data an ObservableObject, which carries a hidden
 * `__dataChanged` flag (n8n-workflow 1.x and 2.x); a durable cursor is a plain copy of its
 * database row.
 */
function isWorkflowStaticData(staticData: IDataObject): boolean {
	return '__dataChanged' in staticData;
}
