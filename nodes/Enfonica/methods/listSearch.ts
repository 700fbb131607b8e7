import type { IDataObject, ILoadOptionsFunctions, INode, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import type { EnfonicaListCall } from '../api';
import { phoneNumberInstances, regulatoryListings } from '../api';
import { asNodeError } from '../errors';
import { PhoneNumberError, toListPrefix } from '../helpers/phoneNumbers';
import type { PhoneNumberInstance } from '../models/phoneNumberInstance';
import { numberOf } from '../models/phoneNumberInstance';
import type { RegulatoryListing } from '../models/regulatoryListing';
import { entityTypeOf } from '../models/regulatoryListing';
import { nodeProject } from '../shared/nodeProject';
import type { RequestSettings } from '../transport';
import { enfonicaApiListPage, requestSettings } from '../transport';

/** A dropdown is interactive: it gives up sooner than a workflow run (2 attempts, at most 10 s each). */
const DROPDOWN_ATTEMPTS = 2;
const DROPDOWN_TIMEOUT_MS = 10_000;
/**
 * n8n's dropdown shows "No results" for an empty filtered answer and does not ask for the next page:
 * a filtered search reads on until it has matches, up to this many pages of 100 per answer.
 */
export const MAX_FILTER_PAGES = 50;

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

/** Digits typed without + or a leading 0 (`61255700123`, a label's number without its +): tried as an E.164 prefix. */
function bareDigitsPrefix(node: INode, search: string): string | undefined {
	return /^[1-9][\d\s().-]*$/.test(search) ? prefixOf(node, `+${search}`) : undefined;
}

/** The node's Project, else the credential's, for a dropdown (which has no item). */
async function dropdownProject(this: ILoadOptionsFunctions): Promise<string> {
	return await nodeProject.call(this);
}

async function dropdownSettings(this: ILoadOptionsFunctions): Promise<RequestSettings> {
	const settings = await requestSettings.call(this);
	return { ...settings, maxAttempts: DROPDOWN_ATTEMPTS, timeoutMs: Math.min(settings.timeoutMs, DROPDOWN_TIMEOUT_MS) };
}

interface Search<T> {
	list: EnfonicaListCall<T>;
	parent: string;
	qs?: IDataObject;
	/** Undefined: every item of a page is a result. */
	keep?: (item: T) => boolean;
	toResult: (item: T) => INodeListSearchItems;
	/** What the filter is, for the answer when the bound is reached without a match. */
	describe: string;
}

/**
 * One answer of a dropdown: a page, or with a filter as many pages as it takes to find matches
 * (at most MAX_FILTER_PAGES). The token lets n8n ask for more when the user scrolls.
 */
async function searchPages<T>(context: ILoadOptionsFunctions, search: Search<T>, paginationToken?: string): Promise<INodeListSearchResult> {
	const settings = await dropdownSettings.call(context);
	let pageToken = paginationToken;
	for (let pages = 1; ; pages++) {
		const page = await enfonicaApiListPage(context, search.list, { parent: search.parent, qs: { ...search.qs, pageSize: 100, ...(pageToken ? { pageToken } : {}) } }, settings);
		const kept = search.keep ? page.items.filter(search.keep) : page.items;
		pageToken = page.nextPageToken;
		if (kept.length > 0 || !search.keep || pageToken === undefined) {
			return { results: kept.map(search.toResult), paginationToken: pageToken };
		}
		if (pages >= MAX_FILTER_PAGES) {
			return {
				results: [{ name: `No ${search.describe} among the next ${(MAX_FILTER_PAGES * 100).toLocaleString('en-US')} read: type more of it, or use By ID / Phone Number`, value: '' }],
				paginationToken: pageToken,
			};
		}
	}
}

/**
 * "From List" dropdown: typed digits search by number prefix on the server (with or without + or a
 * leading 0); other text keeps the instances whose display name contains it.
 */
export async function searchPhoneNumberInstances(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const text = filter?.trim() ?? '';
	const parent = await dropdownProject.call(this);
	const toResult = (instance: PhoneNumberInstance) => ({ name: label(instance), value: instance.name ?? '' });
	const prefix = text === '' ? undefined : (prefixOf(this.getNode(), text) ?? bareDigitsPrefix(this.getNode(), text));
	if (prefix) {
		const byNumber = await searchPages<PhoneNumberInstance>(this, { list: phoneNumberInstances.list, parent, qs: { prefix }, toResult, describe: '' }, paginationToken);
		// Digits typed bare may be part of a display name ("Office 2024") rather than a number.
		const typedAsNumber = /^[+0]/.test(text);
		if (typedAsNumber || byNumber.results.length > 0 || paginationToken) return byNumber;
	}
	const lower = text.toLowerCase();
	return await searchPages<PhoneNumberInstance>(
		this,
		{
			list: phoneNumberInstances.list,
			parent,
			keep: lower === '' ? undefined : (instance: PhoneNumberInstance) => (instance.displayName ?? '').toLowerCase().includes(lower),
			toResult,
			describe: `display name contains "${text}"`,
		},
		paginationToken,
	);
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
	const parent = await dropdownProject.call(this);
	const text = filter?.trim() ?? '';
	const lower = text.toLowerCase();
	return await searchPages<RegulatoryListing>(
		this,
		{
			list: regulatoryListings.list,
			parent,
			keep: lower === '' ? undefined : (listing: RegulatoryListing) => `${listing.displayName ?? ''} ${entityNameOf(listing)}`.toLowerCase().includes(lower),
			toResult: (listing: RegulatoryListing) => ({ name: listingLabel(listing), value: listing.name ?? '' }),
			describe: `display or legal name contains "${text}"`,
		},
		paginationToken,
	);
}
