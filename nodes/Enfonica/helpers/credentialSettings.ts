import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

/** Enfonica's endpoints and client deadline: the credential's defaults and the fallbacks when a field is empty. */
export const DEFAULT_BASE_URL = 'https://numbering.api.enfonica.com';
export const DEFAULT_TOKEN_URL = 'https://oauth2.api.enfonica.com/token';
/** Enfonica's Node client library gives each call 60 s (its .NET library 10 s); a slow purchase must not be reported as unclear. */
export const DEFAULT_TIMEOUT_SECONDS = 60;

function urlOrUndefined(value: string): URL | undefined {
	try {
		return new URL(value);
	} catch {
		return undefined;
	}
}

/** A credential field that cannot be used: the message names the field and what to type; it never holds a secret. */
export class CredentialSettingError extends Error {}

/** What to do about a CredentialSettingError, for an error's description. */
export const FIX_IN_CREDENTIAL = 'Open the Enfonica API credential, correct the field, and use its Test button.';

/** The version every path starts with; a base URL ending in it is read without it. */
const API_VERSION_SUFFIX = /\/v1beta1$/i;

/** A URL field of the credential, checked: absolute http(s), or a complaint naming the field and the fix. */
function credentialUrl(field: string, input: unknown, fallback: string): string {
	const value = typeof input === 'string' && input.trim() !== '' ? input.trim() : fallback;
	const example = `e.g. ${fallback}`;
	if (!/^https?:\/\//i.test(value)) {
		// Without a scheme, "localhost:1234" parses as the scheme "localhost:": say what to type instead.
		throw new CredentialSettingError(`The credential's ${field} "${value}" must start with https:// (or http:// for a local emulator): ${example}`);
	}
	const url = urlOrUndefined(value);
	if (!url || url.hostname === '') throw new CredentialSettingError(`The credential's ${field} "${value}" is not a valid URL: ${example}`);
	if (url.username || url.password) throw new CredentialSettingError(`The credential's ${field} must not contain a user name or password`);
	if (url.search || url.hash) throw new CredentialSettingError(`The credential's ${field} "${value}" must not have a query or fragment: ${example}`);
	return value;
}

/**
 * The one reader of the API Base URL (the nodes' requests and the credential's Test): checked, without
 * trailing slashes or a trailing /v1beta1 (every path adds the version itself).
 */
export function baseUrlOf(credentials: ICredentialDataDecryptedObject): string {
	return credentialUrl('API Base URL', credentials.baseUrl, DEFAULT_BASE_URL).replace(/\/+$/, '').replace(API_VERSION_SUFFIX, '').replace(/\/+$/, '');
}

export function tokenUrlOf(credentials: ICredentialDataDecryptedObject): string {
	return credentialUrl('Token URL', credentials.tokenUrl, DEFAULT_TOKEN_URL);
}

export function timeoutMsOf(credentials: ICredentialDataDecryptedObject): number {
	return Math.max(1, Number(credentials.timeoutSeconds) || DEFAULT_TIMEOUT_SECONDS) * 1000;
}
