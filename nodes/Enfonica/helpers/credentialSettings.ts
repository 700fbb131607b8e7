import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

/** Enfonica's endpoints and client deadline: the credential's defaults and the fallbacks when a field is empty. */
export const DEFAULT_BASE_URL = 'https://numbering.api.enfonica.com';
export const DEFAULT_TOKEN_URL = 'https://oauth2.api.enfonica.com/token';
/** Enfonica's client libraries use a 10 s deadline per call. */
export const DEFAULT_TIMEOUT_SECONDS = 10;

export function baseUrlOf(credentials: ICredentialDataDecryptedObject): string {
	return String(credentials.baseUrl || DEFAULT_BASE_URL).replace(/\/+$/, '');
}

export function tokenUrlOf(credentials: ICredentialDataDecryptedObject): string {
	return String(credentials.tokenUrl || DEFAULT_TOKEN_URL);
}

export function timeoutMsOf(credentials: ICredentialDataDecryptedObject): number {
	return Math.max(1, Number(credentials.timeoutSeconds) || DEFAULT_TIMEOUT_SECONDS) * 1000;
}
