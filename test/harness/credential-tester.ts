import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import { ErrorReporter, ExecuteContext, RoutingNode } from 'n8n-core';
import { createRunExecutionData, NodeHelpers, Workflow } from 'n8n-workflow';
import type {
	ICredentialsDecrypted,
	ICredentialTestRequest,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	LogMetadata,
} from 'n8n-workflow';

import { buildAdditionalData } from './additional-data';
import type { HarnessContext } from './context';
import type { StoredCredential } from './credential-store';
import type { CredentialTestResult } from './types';

/**
 * The description n8n-nodes-base's noOp node contributes to a credential test. Its name is
 * unprefixed, as n8n's loader leaves it: that is what ends up in the temp node's `type`.
 */
const NO_OP_DESCRIPTION: INodeType['description'] = {
	displayName: 'No Operation, do nothing',
	name: 'noOp',
	group: ['organization'],
	version: 1,
	description: 'No Operation',
	defaults: { name: 'No Operation, do nothing' },
	inputs: ['main'],
	outputs: ['main'],
	properties: [],
};

/**
 * The credential "Test" button, as n8n's CredentialsTester
 * (packages/cli/src/services/credentials-tester.service.ts) runs a credential type's
 * `test.request`: defaults applied to the data, then the request made by n8n-core's
 * RoutingNode through a throwaway one-node workflow whose node carries the credential, so
 * httpRequestWithAuthentication applies preAuthentication and authenticate exactly as in a
 * node. Responses are judged the way n8n judges them.
 */
export async function testStoredCredential(
	context: HarnessContext,
	stored: StoredCredential,
): Promise<CredentialTestResult> {
	context.captureLogs();
	const credentialType = context.credentialTypes.getByName(stored.type);
	const testRequest = credentialType.test;
	if (!testRequest) {
		return { status: 'Error', message: 'No testing function found for this credential.' };
	}

	const additionalData = buildAdditionalData({ credentialsHelper: context.credentialsHelper });
	const credentialsDecrypted: ICredentialsDecrypted = {
		id: stored.id,
		name: stored.name,
		type: stored.type,
		data: stored.data,
	};
	try {
		credentialsDecrypted.data = await context.credentialsHelper.applyDefaultsAndOverwrites(
			additionalData,
			stored.data,
			stored.type,
			'internal',
		);
	} catch (error) {
		Container.get(Logger).debug('Credential test failed', error as LogMetadata);
		return { status: 'Error', message: String((error as Error).message) };
	}

	const nodeType = testNodeType(stored.type, testRequest);
	const node: INode = {
		id: 'temp',
		parameters: {},
		name: 'Temp-Node',
		type: nodeType.description.name,
		typeVersion: 1,
		position: [0, 0],
		credentials: { [stored.type]: { id: stored.id, name: stored.name } },
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: singleNodeTypes(nodeType),
	});
	const executeFunctions = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		createRunExecutionData({ executionData: null }),
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);

	let response: INodeExecutionData[][] | null | undefined;
	try {
		response = await new RoutingNode(executeFunctions, nodeType, credentialsDecrypted).runNode();
	} catch (caught) {
		return judgeFailure(caught as TestError, testRequest);
	}
	return judgeSuccess(response, testRequest);
}

/** Shape of what RoutingNode throws: n8n reads the HTTP response off the cause. */
interface TestError extends Error {
	cause?: { response?: { status: number; statusText?: string }; code?: string };
}

function judgeFailure(error: TestError, testRequest: ICredentialTestRequest): CredentialTestResult {
	Container.get(ErrorReporter).error(error);
	if (error.cause?.response) {
		const statusCode = error.cause.response.status;
		const statusMessage = error.cause.response.statusText;
		for (const rule of testRequest.rules ?? []) {
			if (rule.type === 'responseCode' && statusCode === rule.properties.value) {
				return { status: 'Error', message: rule.properties.message };
			}
		}
		if (statusCode < 199 || statusCode > 299) {
			return { status: 'Error', message: statusMessage || `Received HTTP status code: ${statusCode}` };
		}
	} else if (error.cause?.code) {
		return { status: 'Error', message: error.cause.code };
	}
	Container.get(Logger).debug('Credential test failed', error as unknown as LogMetadata);
	return { status: 'Error', message: error.message.toString() };
}

function judgeSuccess(
	response: INodeExecutionData[][] | null | undefined,
	testRequest: ICredentialTestRequest,
): CredentialTestResult {
	for (const rule of testRequest.rules ?? []) {
		if (rule.type !== 'responseSuccessBody') continue;
		const body = response?.[0]?.[0]?.json;
		if (valueAt(body, rule.properties.key) === rule.properties.value) {
			return { status: 'Error', message: rule.properties.message };
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}

/** The noOp description with one parameter whose routing is the credential's test request. */
function testNodeType(credentialTypeName: string, testRequest: ICredentialTestRequest): INodeType {
	return {
		description: {
			...NO_OP_DESCRIPTION,
			credentials: [{ name: credentialTypeName, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					routing: { request: testRequest.request },
					default: '',
				},
			],
		},
	};
}

function singleNodeTypes(nodeType: INodeType): INodeTypes {
	const byName = (name: string): INodeType => {
		if (name !== nodeType.description.name) throw new Error(`Unknown node type ${name}`);
		return nodeType;
	};
	return {
		getByName: byName,
		getByNameAndVersion: (name, version) => NodeHelpers.getVersionedNodeType(byName(name), version),
		getKnownTypes: () => ({}),
	};
}

/** lodash `get` for the dotted keys test rules use. */
function valueAt(object: IDataObject | undefined, key: string): unknown {
	return key.split('.').reduce<unknown>(
		(value, part) => (value as IDataObject | undefined)?.[part],
		object,
	);
}
