import { createPrivateKey, createSign } from 'node:crypto';
import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestHelper } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { timeoutMsOf, tokenUrlOf } from './credentialSettings';
import { describeTokenFailure, InvalidSourceError } from '../errors';

export const NUMBERING_SCOPE = 'https://api.enfonica.com/auth/numbering';

export interface ServiceAccountKey {
	clientEmail: string;
	privateKey: string;
	/** Optional, as in Enfonica's own key loader: without it the assertion has no `kid`. */
	privateKeyId?: string;
	projectId?: string;
}

/** Thrown for a key that cannot be used; its message never contains key material. */
export class ServiceAccountKeyError extends InvalidSourceError {}

function requireString(raw: Record<string, unknown>, field: string): string {
	const value = raw[field];
	if (typeof value !== 'string' || value.trim() === '') {
		throw new ServiceAccountKeyError(`The service account key has no "${field}" field`);
	}
	return value;
}

/** JSON.parse, or undefined: its error message quotes the input (key material), so it is never passed on. */
function parsedOrUndefined(json: string): unknown {
	try {
		return JSON.parse(json) as unknown;
	} catch {
		return undefined;
	}
}

/** Whether Node can read the PEM text as a private key. */
function isReadablePrivateKey(pem: string): boolean {
	try {
		createPrivateKey(pem);
		return true;
	} catch {
		return false;
	}
}

/** The key file as a JSON object, or an error saying what is wrong (never quoting the key). */
function parseKeyJson(json: unknown): Record<string, unknown> {
	if (typeof json !== 'string' || json.trim() === '') {
		throw new ServiceAccountKeyError('The service account key is empty: paste the whole JSON key file');
	}
	const raw = parsedOrUndefined(json);
	if (raw === undefined) {
		throw new ServiceAccountKeyError('The service account key is not valid JSON: paste the whole JSON key file, including the braces');
	}
	if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
		throw new ServiceAccountKeyError('The service account key is not a JSON object: paste the whole JSON key file');
	}
	return raw as Record<string, unknown>;
}

/** Only the key's project_id: cheap, for every item (the token exchange checks the whole key). */
export function projectIdOfKey(json: unknown): string | undefined {
	const { project_id: projectId } = parseKeyJson(json);
	return typeof projectId === 'string' && projectId !== '' ? projectId : undefined;
}

/** Parses the JSON key file from the Enfonica Console and checks the fields the token exchange needs. */
export function parseServiceAccountKey(json: unknown): ServiceAccountKey {
	const fields = parseKeyJson(json);
	if (fields.type !== 'service_account') {
		throw new ServiceAccountKeyError('The service account key must have "type": "service_account"');
	}
	const clientEmail = requireString(fields, 'client_email');
	const privateKeyId = typeof fields.private_key_id === 'string' && fields.private_key_id.trim() !== '' ? fields.private_key_id : undefined;
	const privateKey = requireString(fields, 'private_key');
	if (!/-----BEGIN (RSA )?PRIVATE KEY-----/.test(privateKey)) {
		throw new ServiceAccountKeyError('The service account key\'s "private_key" is not a PEM private key');
	}
	if (!isReadablePrivateKey(privateKey)) {
		throw new ServiceAccountKeyError('The service account key\'s "private_key" could not be read as a PEM private key');
	}
	const projectId = typeof fields.project_id === 'string' && fields.project_id ? fields.project_id : undefined;
	return { clientEmail, privateKey, privateKeyId, projectId };
}

function base64Url(value: string | Buffer): string {
	return Buffer.from(value).toString('base64url');
}

/** RS256 assertion for the OAuth 2.0 JWT bearer grant, as Enfonica's client libraries build it. */
export function createTokenAssertion(key: ServiceAccountKey, tokenUrl: string, nowSeconds = Math.floor(Date.now() / 1000)): string {
	const header = { alg: 'RS256', typ: 'JWT', ...(key.privateKeyId ? { kid: key.privateKeyId } : {}) };
	const claims = {
		iss: key.clientEmail,
		aud: tokenUrl,
		iat: nowSeconds,
		exp: nowSeconds + 3600,
		scope: NUMBERING_SCOPE,
	};
	const unsigned = `${base64Url(JSON.stringify(header))}.${base64Url(JSON.stringify(claims))}`;
	const signature = createSign('RSA-SHA256').update(unsigned).sign(key.privateKey);
	return `${unsigned}.${base64Url(signature)}`;
}

/**
 * The bearer token, unless the field holds something that must never be sent as one: a service
 * account key (its private key would leave n8n in a header). The message never quotes the field.
 */
export function checkBearerToken(token: unknown): string {
	const value = typeof token === 'string' ? token.trim() : '';
	if (value === '') throw new InvalidSourceError('Bearer Token is empty: paste the token Enfonica support issued, or choose Service Account Key as Authentication');
	if (value.startsWith('{') || /PRIVATE KEY|"private_key"|service_account/.test(value)) {
		throw new InvalidSourceError(
			'Bearer Token holds a service account key (JSON), which must not be sent as a token: it was not sent. Choose Service Account Key as Authentication and paste the key file there.',
		);
	}
	return value;
}

/** The token endpoint's 503 is retried as Enfonica's .NET library does: a few times, after 1 s then 2 s. */
const TOKEN_ATTEMPTS = 3;
const TOKEN_RETRY_DELAY_MS = 1_000;

function statusOf(error: unknown): number | undefined {
	const status = (error as { response?: { status?: unknown } } | undefined)?.response?.status;
	return typeof status === 'number' ? status : undefined;
}

/** The OAuth 2.0 JWT bearer grant: the key's signed assertion for an access token (the key itself never leaves). */
export async function exchangeKeyForToken(helper: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<string> {
	const key = parseServiceAccountKey(credentials.serviceAccountKey);
	const tokenUrl = tokenUrlOf(credentials);
	let response: IDataObject | undefined;
	let failure: unknown;
	for (let attempt = 1; response === undefined; attempt++) {
		try {
			response = (await helper.helpers.httpRequest({
				method: 'POST',
				url: tokenUrl,
				headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
				// A new assertion for every attempt: each is signed with its own issue time.
				body: new URLSearchParams({
					grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
					assertion: createTokenAssertion(key, tokenUrl),
				}).toString(),
				json: true,
				timeout: timeoutMsOf(credentials),
			})) as IDataObject;
		} catch (error) {
			failure = error;
		}
		if (response !== undefined) break;
		if (statusOf(failure) !== 503 || attempt >= TOKEN_ATTEMPTS) {
			// Only words from the answer: the HTTP error carries the request, and with it the signed assertion.
			throw new Error(describeTokenFailure(tokenUrl, failure, attempt, timeoutMsOf(credentials)));
		}
		await sleep(TOKEN_RETRY_DELAY_MS * attempt);
	}
	if (typeof response?.access_token !== 'string' || response.access_token === '') {
		throw new Error(`The token endpoint ${tokenUrl} answered without an access_token`);
	}
	return response.access_token;
}
