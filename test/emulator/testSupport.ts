/** Helpers for tests that talk to the emulator over raw HTTP (global fetch). */
import { createSign } from 'node:crypto';

import { startEmulator, type Emulator } from './emulator';
import { JWT_BEARER_GRANT, NUMBERING_SCOPE, type RegulatoryListingJson, type ServiceAccountKey } from './types';

export function base64UrlJson(value: unknown): string {
	return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function signJwt(header: Record<string, unknown>, claims: Record<string, unknown>, privateKeyPem: string): string {
	const unsigned = `${base64UrlJson(header)}.${base64UrlJson(claims)}`;
	const signature = createSign('RSA-SHA256').update(unsigned).sign(privateKeyPem).toString('base64url');
	return `${unsigned}.${signature}`;
}

export interface AssertionOptions {
	/** Default key.token_uri. */
	audience?: string;
	scope?: string;
	nowSeconds?: number;
	lifetimeSeconds?: number;
	/** Merged over the standard header / claims (undefined values delete the entry). */
	header?: Record<string, unknown>;
	claims?: Record<string, unknown>;
	/** Sign with this PEM instead of the key's own. */
	signingKeyPem?: string;
}

function merge(base: Record<string, unknown>, overrides: Record<string, unknown> = {}): Record<string, unknown> {
	const result = { ...base, ...overrides };
	for (const [name, value] of Object.entries(result)) if (value === undefined) delete result[name];
	return result;
}

/** The assertion Enfonica's client libraries build from a service-account key. */
export function serviceAccountAssertion(key: ServiceAccountKey, options: AssertionOptions = {}): string {
	const now = options.nowSeconds ?? Math.floor(Date.now() / 1000);
	const header = merge({ alg: 'RS256', typ: 'JWT', kid: key.private_key_id }, options.header);
	const claims = merge(
		{
			iss: key.client_email,
			aud: options.audience ?? key.token_uri,
			iat: now,
			exp: now + (options.lifetimeSeconds ?? 3600),
			scope: options.scope ?? NUMBERING_SCOPE,
		},
		options.claims,
	);
	return signJwt(header, claims, options.signingKeyPem ?? key.private_key);
}

export interface HttpResult {
	status: number;
	headers: Headers;
	text: string;
	/** Parsed JSON, or undefined if the body is not JSON. */
	json: any;
}

async function toResult(response: Response): Promise<HttpResult> {
	const text = await response.text();
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: response.status, headers: response.headers, text, json };
}

export async function postToken(tokenUrl: string, form: Record<string, string>): Promise<HttpResult> {
	const response = await fetch(tokenUrl, {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(form).toString(),
	});
	return toResult(response);
}

export async function exchangeKey(key: ServiceAccountKey, options?: AssertionOptions): Promise<HttpResult> {
	return postToken(key.token_uri, { grant_type: JWT_BEARER_GRANT, assertion: serviceAccountAssertion(key, options) });
}

/** Raw API calls: `path` is appended to the base URL as given (so tests control percent-encoding). */
export function apiClient(baseUrl: string, token?: string) {
	return async (method: string, path: string, body?: unknown, init: { headers?: Record<string, string>; rawBody?: string } = {}): Promise<HttpResult> => {
		const headers: Record<string, string> = { ...init.headers };
		if (token !== undefined) headers.Authorization = `Bearer ${token}`;
		let payload: string | undefined = init.rawBody;
		if (body !== undefined) {
			payload = JSON.stringify(body);
			headers['Content-Type'] = 'application/json';
		}
		return toResult(await fetch(`${baseUrl}${path}`, { method, headers, body: payload }));
	};
}

export type ApiClient = ReturnType<typeof apiClient>;

export function collectionPath(project: string): string {
	return `/v1beta1/projects/${project}/phoneNumberInstances`;
}

/** '/v1beta1/' + a full resource name. */
export function resourcePath(name: string): string {
	return `/v1beta1/${name}`;
}

/** Follows nextPageToken from `path?query` to the end; the items under `field` and each page's size. Throws on a non-200. */
export async function collectPages<T>(api: ApiClient, path: string, query: string, field: string): Promise<{ items: T[]; pageSizes: number[] }> {
	const items: T[] = [];
	const pageSizes: number[] = [];
	let token: string | undefined;
	do {
		const params = [query, token ? `pageToken=${encodeURIComponent(token)}` : ''].filter(Boolean).join('&');
		const result = await api('GET', `${path}?${params}`);
		if (result.status !== 200) throw new Error(`GET ${path}?${params} answered ${result.status}: ${result.text}`);
		const page = (result.json[field] ?? []) as T[];
		pageSizes.push(page.length);
		items.push(...page);
		token = result.json.nextPageToken;
		if (token === '') throw new Error('nextPageToken is present but empty');
	} while (token);
	return { items, pageSizes };
}

/** An RFC 3339 timestamp as the emulator renders it (milliseconds, UTC). */
export const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** A Google-style error answer: HTTP status, error.code and error.status, and part of the message. */
export function expectGoogleError(result: { status: number; json: any }, code: number, status: string, messagePart?: string): void {
	expect(result.status).toBe(code);
	expect(result.json.error.code).toBe(code);
	expect(result.json.error.status).toBe(status);
	if (messagePart !== undefined) expect(result.json.error.message).toContain(messagePart);
}

/** Regulatory listings: the collection of a project, and a search in it. */
export const listingsPath = (project: string): string => `/v1beta1/projects/${project}/regulatoryListings`;
export const searchPath = (project: string, query: string): string => `${listingsPath(project)}:search?${query}`;

/** Addresses and entities a listing accepts. */
export const AU_ADDRESS = { addressLines: ['Level 2', '10 Example Street'], locality: 'Sydney', administrativeArea: 'NSW', postalCode: '2000', regionCode: 'AU' };
export const NZ_ADDRESS = { addressLines: ['3 Quay Street'], locality: 'Auckland', administrativeArea: 'Auckland', postalCode: '1010', regionCode: 'NZ' };
export const US_ADDRESS = { addressLines: ['1600 Example Ave NW'], locality: 'Washington', administrativeArea: 'DC', postalCode: '20500', regionCode: 'US' };
export const BUSINESS = { business: { business: 'Example Pty Ltd' }, address: AU_ADDRESS };
export const PERSON = { person: { givenName: 'Jane', familyName: 'Citizen' }, address: AU_ADDRESS };

/** An error answer with this HTTP status and Google status, and part of the message. */
export function expectError(result: { status: number; json: any }, code: number, status: string, messagePart?: string): void {
	expect(result.status).toBe(code);
	expect(result.json.error.status).toBe(status);
	if (messagePart !== undefined) expect(result.json.error.message).toContain(messagePart);
}

/** A 400 INVALID_ARGUMENT naming `field` in its first field violation. */
export function expectFieldViolation(result: { status: number; json: any }, field: string, messagePart?: string): void {
	expectError(result, 400, 'INVALID_ARGUMENT', messagePart);
	expect(result.json.error.details[0].fieldViolations[0].field).toBe(field);
}

/** Creates a listing through the API and returns it (status 200 expected). */
export async function createListing(api: ApiClient, project: string, body: unknown): Promise<RegulatoryListingJson> {
	const result = await api('POST', listingsPath(project), body);
	expect(result.status).toBe(200);
	return result.json;
}

/** A test file's emulator and an API client holding one bearer token: started before the file's tests, closed after them. */
export function useEmulatorApi(token: string, label?: string): { emu: Emulator; api: ApiClient } {
	const bed = {} as { emu: Emulator; api: ApiClient };
	beforeAll(async () => {
		bed.emu = await startEmulator();
		bed.emu.addBearerToken(token, label === undefined ? undefined : { label });
		bed.api = apiClient(bed.emu.baseUrl, token);
	});
	afterAll(() => bed.emu.close());
	return bed;
}
