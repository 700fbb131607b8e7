import { LoadOptionsContext } from 'n8n-core';
import type { INode, INodeListSearchResult, INodeParameters, INodeType } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { buildAdditionalData } from './additional-data';
import { latestVersion } from './node-version';
import { DEFAULT_NODE_TYPE } from './run-node';
import type { Harness } from './types';

export interface SearchListArgs {
	/** Name of the method in the node type's `methods.listSearch`. */
	method: string;
	/** The node's current parameters, as the editor sends them with the request. */
	parameters: INodeParameters;
	credentialId: string;
	filter?: string;
	paginationToken?: string;
	nodeType?: string;
}

/**
 * Calls a resource locator's search method the way n8n's DynamicNodeParametersService
 * (getResourceLocatorResults) does: a one-node workflow holding the editor's current
 * parameters, n8n-core's own LoadOptionsContext, and the harness's credentials helper.
 */
export async function searchList(h: Harness, args: SearchListArgs): Promise<INodeListSearchResult> {
	const type = args.nodeType ?? DEFAULT_NODE_TYPE;
	const nodeType = h.nodeTypes.getByNameAndVersion(type) as INodeType;
	const stored = h.credentials.get(args.credentialId);
	const node: INode = {
		id: 'load-options',
		name: 'Temp-Node',
		type,
		typeVersion: latestVersion(nodeType.description.version),
		position: [0, 0],
		parameters: args.parameters,
		credentials: { [stored.type]: { id: stored.id, name: stored.name } },
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: h.nodeTypes });
	const additionalData = buildAdditionalData({ credentialsHelper: h.credentialsHelper });
	const context = new LoadOptionsContext(workflow, node, additionalData, 'parameters');
	const search = nodeType.methods?.listSearch?.[args.method];
	if (!search) throw new Error(`The node has no listSearch method "${args.method}"`);
	return await search.call(context, args.filter, args.paginationToken);
}
