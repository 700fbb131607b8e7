import type { ICredentialDataDecryptedObject, IHttpRequestHelper } from 'n8n-workflow';

import { baseUrlOf, DEFAULT_BASE_URL, timeoutMsOf } from './credentialSettings';

/** Network failures in words: n8n replaces a message that names a code (ECONNREFUSED, …) with a generic text. */
const NETWORK_WORDS: Record<string, string> = {
	ECONNREFUSED: 'connection refused: nothing listens there',
	ECONNRESET: 'connection closed',
	EHOSTUNREACH: 'host unreachable',
	ENETUNREACH: 'network unreachable',
	ENOTFOUND: 'host not found',
	EAI_AGAIN: 'host not found',
};

function networkCodeOf(error: unknown): string | undefined {
	const seen = new Set<unknown>();
	for (let current = error; current && typeof current === 'object' && !seen.has(current); current = (current as { cause?: unknown }).cause) {
		seen.add(current);
		const { code } = current as { code?: unknown };
		if (typeof code === 'string') return code;
	}
	return undefined;
}

/** What went wrong below HTTP, in words without error codes: "host not found", "no answer within 3 s". */
export function networkProblemOf(error: unknown, timeoutMs?: number): string {
	const code = networkCodeOf(error);
	const timedOut = code === 'ECONNABORTED' || code === 'ETIMEDOUT' || /timeout of \d+ms exceeded/i.test(String((error as { message?: unknown } | undefined)?.message));
	if (timedOut) return timeoutMs ? `no answer within ${Math.round(timeoutMs / 1000)} s` : 'timed out';
	return (code && NETWORK_WORDS[code]) ?? 'no answer';
}

/**
 * Whether a server answers at the API Base URL, asked when the credential holds no access token yet:
 * its first use, and its Test until one has passed. n8n's Test shows a network failure of its own
 * request only as the bare code ("ECONNREFUSED"); an error thrown here reaches it as written.
 * Any HTTP status counts as an answer. Nothing of the credential is sent.
 */
export async function checkBaseUrlAnswers(helper: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<void> {
	const baseUrl = baseUrlOf(credentials);
	const timeoutMs = timeoutMsOf(credentials);
	let failure: unknown;
	try {
		await helper.helpers.httpRequest({ method: 'GET', url: `${baseUrl}/`, timeout: timeoutMs, ignoreHttpStatusErrors: true });
		return;
	} catch (error) {
		failure = error;
	}
	// A new error without the original as its cause: n8n's Test would show the cause's code instead.
	throw new Error(
		`Could not reach the API Base URL ${baseUrl} (${networkProblemOf(failure, timeoutMs)}). Check the credential's API Base URL (e.g. ${DEFAULT_BASE_URL}) and that n8n can reach it (network, proxy, firewall).`,
	);
}
