import type { ILoadOptionsFunctions, INode, INodeListSearchResult } from 'n8n-workflow';

import { asNodeError, checked } from '../helpers/inputError';
import { PhoneNumberError, toListPrefix } from '../helpers/phoneNumbers';
import { resolveProjectName } from '../helpers/project';
import { instancesIn, listingsIn } from '../helpers/resourceNames';
import type { PhoneNumberInstance } from '../models/phoneNumberInstance';
import { numberOf } from '../models/phoneNumberInstance';
import type { RegulatoryListing } from '../models/regulatoryListing';
import { entityTypeOf } from '../models/regulatoryListing';
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

/** The node's Project, else the credential's, for a dropdown (which has no item). */
async function dropdownProject(this: ILoadOptionsFunctions): Promise<string> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	return checked(this.getNode(), undefined, 'Project', () => resolveProjectName(this.getNodeParameter('project', ''), credentials));
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
	const projectName = await dropdownProject.call(this);
	const qs: Record<string, string | number> = { pageSize: 100 };
	const search = filter?.trim() ?? '';
	const prefix = search === '' ? undefined : prefixOf(this.getNode(), search);
	if (prefix) qs.prefix = prefix;
	if (paginationToken) qs.pageToken = paginationToken;
	const page = await enfonicaApiListPage.call(this, instancesIn(projectName), qs);
	const text = search.toLowerCase();
	const instances = (page.items as PhoneNumberInstance[]).filter(
		(instance) => prefix !== undefined || text === '' || (instance.displayName ?? '').toLowerCase().includes(text),
	);
	return {
		results: instances.map((instance) => ({ name: label(instance), value: instance.name ?? '' })),
		paginationToken: page.nextPageToken,
	};
}

function entityNameOf(listing: RegulatoryListing): string {
	if (listing.business) return listing.business.business ?? '';
	return [listing.person?.givenName, listing.person?.familyName].filter(Boolean).join(' ');
}

function listingLabel(listing: RegulatoryListing): string {
	const review = [listing.valid ? 'valid' : 'not valid', listing.verified ? 'verified' : 'not verified'].join(', ');
	const entity = `${entityTypeOf(listing) || 'unknown'}${listing.displayName ? `: ${entityNameOf(listing)}` : ''}`;
	return [listing.displayName || entityNameOf(listing), entity, listing.address?.regionCode ?? '', review].filter(Boolean).join(' · ');
}

/** "From List" dropdown of regulatory listings: text keeps those whose display or legal name contains it. */
export async function searchRegulatoryListings(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const projectName = await dropdownProject.call(this);
	const page = await enfonicaApiListPage.call(this, listingsIn(projectName), { pageSize: 100, ...(paginationToken ? { pageToken: paginationToken } : {}) });
	const text = filter?.trim().toLowerCase() ?? '';
	const listings = (page.items as RegulatoryListing[]).filter(
		(listing) => text === '' || `${listing.displayName ?? ''} ${entityNameOf(listing)}`.toLowerCase().includes(text),
	);
	return {
		results: listings.map((listing) => ({ name: listingLabel(listing), value: listing.name ?? '' })),
		paginationToken: page.nextPageToken,
	};
}
