/**
 * Child of peer.ts, run by the Node.js installed for the real n8n, with that n8n's packages
 * (useN8nModules): one engine, n8n's own, for four ways of listing the same 10,000 numbers.
 */
import { join } from 'node:path';

import { childInput, childOutput } from './child';
import { useN8nModules } from './n8nLocal';

export interface PeerInput {
	baseUrl: string;
	token: string;
	project: string;
	n: number;
	rounds: number;
	modules: string;
}

export interface PeerResult {
	node: string;
	coreVersion: string;
	httpRequestVersion: number;
	httpRequestItems: number;
	getManyItems: number;
	ms: { bare: number; off: number; default: number; httpRequest: number };
}

const HTTP_REQUEST = 'n8n-nodes-base.httpRequest';

async function main(): Promise<void> {
	const input = childInput<PeerInput>();
	useN8nModules(input.modules);
	// Loaded after the redirect, so the harness and the package's dist use n8n's n8n-core and n8n-workflow.
	/* eslint-disable @typescript-eslint/no-require-imports */
	const { createHarness } = require('../../test/harness') as typeof import('../../test/harness');
	const { latestVersion } = require('../../test/harness/node-version') as typeof import('../../test/harness/node-version');
	const { bareListAll } = require('./bareList') as typeof import('./bareList');
	const { interleaved } = require('./measure') as typeof import('./measure');
	const { HttpRequest } = require(join(input.modules, 'n8n-nodes-base/dist/nodes/HttpRequest/HttpRequest.node.js')) as { HttpRequest: new () => import('n8n-workflow').IVersionedNodeType };
	const coreVersion = (require(join(input.modules, 'n8n-core/package.json')) as { version: string }).version;
	/* eslint-enable @typescript-eslint/no-require-imports */

	const h = await createHarness({ packageDir: join(__dirname, '..', '..') });
	// The harness knows this package's nodes; the HTTP Request node is added beside them.
	const httpRequest = new HttpRequest();
	const packageNodeType = h.nodeTypes.getByName.bind(h.nodeTypes);
	h.nodeTypes.getByName = (type: string) => (type === HTTP_REQUEST ? httpRequest : packageNodeType(type));
	const httpRequestVersion = httpRequest.description.defaultVersion ?? latestVersion(Object.keys(httpRequest.nodeVersions).map(Number));

	const { id: credentialId } = h.addCredential({ authentication: 'bearerToken', bearerToken: input.token, projectId: input.project, baseUrl: input.baseUrl });
	let getManyItems = 0;
	const getMany = (simplify: boolean | undefined) => async () => {
		const parameters = { resource: 'phoneNumberInstance', operation: 'getMany', returnAll: true, ...(simplify === false ? { outputFormat: 'raw' } : {}) };
		const run = await h.runNode({ parameters, credentialId });
		if (run.error) throw run.error;
		getManyItems = run.items.length;
	};
	// What a user would wire by hand: GET the list, page by `pageToken` until no `nextPageToken`.
	const httpRequestParameters = {
		method: 'GET',
		url: `${input.baseUrl}/v1beta1/projects/${input.project}/phoneNumberInstances`,
		sendQuery: true,
		queryParameters: { parameters: [{ name: 'pageSize', value: '100' }] },
		sendHeaders: true,
		headerParameters: { parameters: [{ name: 'Authorization', value: `Bearer ${input.token}` }] },
		options: {
			pagination: {
				pagination: {
					paginationMode: 'updateAParameterInEachRequest',
					parameters: { parameters: [{ type: 'qs', name: 'pageToken', value: '={{ $response.body.nextPageToken }}' }] },
					paginationCompleteWhen: 'other',
					completeExpression: '={{ !$response.body.nextPageToken }}',
				},
			},
		},
	};
	let httpRequestItems = 0;
	const viaHttpRequest = async () => {
		const run = await h.runNode({ nodeType: HTTP_REQUEST, typeVersion: httpRequestVersion, parameters: httpRequestParameters });
		if (run.error) throw run.error;
		httpRequestItems = run.items.reduce((sum, item) => sum + ((item.json.phoneNumberInstances as unknown[] | undefined)?.length ?? 0), 0);
	};
	const ms = await interleaved(input.rounds, {
		bare: async () => await bareListAll(input.baseUrl, input.project, input.token),
		off: getMany(false),
		default: getMany(undefined),
		httpRequest: viaHttpRequest,
	});
	childOutput({ node: process.version, coreVersion, httpRequestVersion, httpRequestItems, getManyItems, ms } satisfies PeerResult);
}

main().catch((error: Error) => {
	process.stderr.write(`${error.stack ?? error.message}\n`);
	process.exitCode = 1;
});
