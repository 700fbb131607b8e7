import type { ILoadOptionsFunctions, INode, INodeListSearchResult } from 'n8n-workflow';

import { asNodeError, checked } from '../helpers/inputError';
import { PhoneNumberError, toListPrefix } from '../helpers/phoneNumbers';
import { resolveProjectName } from '../helpers/project';
import type { PhoneNumberInstance } from '../helpers/simplify';
import { numberOf } from '../helpers/simplify';
import { CREDENTIAL_TYPE, enfonicaApiListPage } from '../transport';

function label(instance: PhoneNumberInstance): string {
	const number = instance.range
		? `${instance.range.startPhoneNumber ?? ''} – ${instance.range.endPhoneNumber ?? ''}`
		: numberOf(instance);
	const parts = [number, instance.displayName, instance.lifecycleState ?? ''].filter(Boolean);
	return parts.join(' · ');
}

/** A typed number prefix for the server, or undefined when the text is not one (then it filters display names). */
function prefixOf(node: INode, search: string): string | undefined {
	try {
		return toListPrefix(search);
	} catch (error) {
		if (error instanceof PhoneNumberError) return undefined;
		throw asNodeError(node, error);
	}
}

/**
 * "From List" dropdown: typed digits search by number prefix on the server; other text keeps the
 * instances of each page whose display name contains it. Pages follow the API's nextPageToken.
 */
export async function searchPhoneNumberInstances(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	const projectName = checked(this.getNode(), undefined, 'Project', () => resolveProjectName(this.getNodeParameter('project', ''), credentials));
	const qs: Record<string, string | number> = { pageSize: 100 };
	const search = filter?.trim() ?? '';
	const prefix = search === '' ? undefined : prefixOf(this.getNode(), search);
	if (prefix) qs.prefix = prefix;
	if (paginationToken) qs.pageToken = paginationToken;
	const page = await enfonicaApiListPage.call(this, projectName, qs);
	const text = search.toLowerCase();
	const instances = (page.items as PhoneNumberInstance[]).filter(
		(instance) => prefix !== undefined || text === '' || (instance.displayName ?? '').toLowerCase().includes(text),
	);
	return {
		results: instances.map((instance) => ({ name: label(instance), value: instance.name ?? '' })),
		paginationToken: page.nextPageToken,
	};
}
