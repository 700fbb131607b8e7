import type { ICredentialDataDecryptedObject, IHttpRequestHelper } from 'n8n-workflow';

import { networkProblemOf } from '../errors/network';
import { baseUrlOf, DEFAULT_BASE_URL, timeoutMsOf } from './credentialSettings';

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
