import type { PackageDirectoryLoader } from 'n8n-core';
import { UnrecognizedCredentialTypeError, UnrecognizedNodeTypeError } from 'n8n-core';
import { injectDomainRestrictionFields, NodeHelpers } from 'n8n-workflow';
import type {
	ICredentialType,
	ICredentialTypes,
	IDataObject,
	INodeType,
	INodeTypes,
	IVersionedNodeType,
} from 'n8n-workflow';

import { HarnessStartNode, START_NODE_ALIASES, START_NODE_TYPE } from './start-node';

/**
 * The engine's view of installed node types: the loaded package's nodes under
 * `<package name>.<node name>` (as n8n's LoadNodesAndCredentials names them) plus the
 * harness start node, also under the n8n-nodes-base start-node names.
 */
export class HarnessNodeTypes implements INodeTypes {
	private readonly startNode = new HarnessStartNode();

	constructor(private readonly loader: PackageDirectoryLoader) {}

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		if (nodeType === START_NODE_TYPE || START_NODE_ALIASES.includes(nodeType)) {
			return this.startNode;
		}
		const separator = nodeType.lastIndexOf('.');
		const packageName = nodeType.slice(0, separator);
		const name = nodeType.slice(separator + 1);
		if (packageName !== this.loader.packageName) {
			throw new UnrecognizedNodeTypeError(packageName, name);
		}
		return this.loader.getNode(name).type;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
	}

	getKnownTypes(): IDataObject {
		const known: IDataObject = {};
		for (const [name, details] of Object.entries(this.loader.known.nodes)) {
			known[`${this.loader.packageName}.${name}`] = { ...details };
		}
		return known;
	}

	/** Full type names of the package's nodes, e.g. `n8n-nodes-enfonica.enfonica`. */
	packageNodeTypes(): string[] {
		return Object.keys(this.getKnownTypes());
	}
}

/** The package's credential types, answering as n8n's CredentialTypes service does. */
export class HarnessCredentialTypes implements ICredentialTypes {
	constructor(private readonly loader: PackageDirectoryLoader) {
		// n8n's LoadNodesAndCredentials adds the "Allowed HTTP Request Domains" fields to
		// credential types with `authenticate` when it loads them; the defaults then show up in
		// the data nodes receive. Idempotent, so repeated harnesses can share the loaded types.
		for (const { type } of Object.values(loader.credentialTypes)) {
			type.properties = injectDomainRestrictionFields(type);
		}
	}

	recognizes(credentialType: string): boolean {
		return credentialType in this.loader.known.credentials;
	}

	getByName(credentialType: string): ICredentialType {
		if (!this.recognizes(credentialType)) throw new UnrecognizedCredentialTypeError(credentialType);
		return this.loader.getCredential(credentialType).type;
	}

	getSupportedNodes(credentialType: string): string[] {
		const supported = this.loader.known.credentials[credentialType]?.supportedNodes ?? [];
		return supported.map((name) => `${this.loader.packageName}.${name}`);
	}

	getParentTypes(credentialType: string): string[] {
		const parents = this.getByName(credentialType).extends ?? [];
		return parents.flatMap((parent) =>
			this.recognizes(parent) ? [parent, ...this.getParentTypes(parent)] : [parent],
		);
	}
}
