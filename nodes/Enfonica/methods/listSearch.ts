import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { toListPrefix } from '../helpers/phoneNumbers';
import { resolveProjectName } from '../helpers/project';
import type { PhoneNumberInstance } from '../helpers/simplify';
import { CREDENTIAL_TYPE, enfonicaApiListPage } from '../transport';

function label(instance: PhoneNumberInstance): string {
	const number = instance.range
		? `${instance.range.startPhoneNumber ?? ''} – ${instance.range.endPhoneNumber ?? ''}`
		: (instance.phoneNumber?.phoneNumber ?? '');
	const parts = [number, instance.displayName, instance.lifecycleState ?? ''].filter(Boolean);
	return parts.join(' · ');
}

/** "From List" dropdown: typed text searches by number prefix on the server; pages with nextPageToken. */
export async function searchPhoneNumberInstances(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	const projectName = resolveProjectName(this.getNodeParameter('project', '') as string, credentials);
	const qs: Record<string, string | number> = { pageSize: 100 };
	const search = filter?.trim();
	if (search) qs.prefix = toListPrefix(search);
	if (paginationToken) qs.pageToken = paginationToken;
	const page = await enfonicaApiListPage.call(this, projectName, qs);
	return {
		results: (page.items as PhoneNumberInstance[]).map((instance) => ({
			name: label(instance),
			value: instance.name ?? '',
		})),
		paginationToken: page.nextPageToken,
	};
}
