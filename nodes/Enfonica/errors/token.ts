import { networkProblemOf } from './network';

/**
 * A token-exchange failure in words, from the OAuth error body only (never the request).
 * Network codes are put in words: n8n replaces a message that contains one with a generic text.
 */
export function describeTokenFailure(tokenUrl: string, error: unknown, attempts = 1, timeoutMs?: number): string {
	const err = error as { response?: { status?: number; data?: unknown } };
	const status = err?.response?.status;
	const data = err?.response?.data as { error?: unknown; error_description?: unknown } | undefined;
	if (status && status >= 500) {
		return `The Enfonica token endpoint ${tokenUrl} had a temporary problem (HTTP ${status}${attempts > 1 ? `, tried ${attempts} times` : ''}). Try again later.`;
	}
	if (status) {
		const reason = [data?.error, data?.error_description].filter((part) => typeof part === 'string').join(': ');
		return `Enfonica refused the service account key at ${tokenUrl} (HTTP ${status}${reason ? `, ${reason}` : ''}). Check that the key is current and not revoked.`;
	}
	return `Could not reach the Enfonica token endpoint ${tokenUrl} (${networkProblemOf(error, timeoutMs)}). Check the credential's Token URL and that n8n can reach it (network, proxy, firewall).`;
}
