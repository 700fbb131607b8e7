/** Failures below HTTP (Node's and undici's error codes): the one table of them, and how each reads. */

interface NetworkFailure {
	/** Worth sending again (a read, or a repeatable change): the next attempt may get through. */
	transient: boolean;
	/** The request went unanswered within the Request Timeout. */
	timedOut?: boolean;
	/** In words, for messages: n8n replaces a message that names a code (ECONNREFUSED, …) with a generic text. */
	words?: string;
}

const NETWORK_FAILURES: Readonly<Record<string, NetworkFailure>> = {
	ECONNRESET: { transient: true, words: 'connection closed' },
	ECONNREFUSED: { transient: true, words: 'connection refused: nothing listens there' },
	ECONNABORTED: { transient: true, timedOut: true },
	ETIMEDOUT: { transient: true, timedOut: true },
	EPIPE: { transient: true },
	EHOSTUNREACH: { transient: true, words: 'host unreachable' },
	ENETUNREACH: { transient: true, words: 'network unreachable' },
	EAI_AGAIN: { transient: true, words: 'host not found' },
	UND_ERR_SOCKET: { transient: true },
	// A name that does not resolve will not resolve on the next attempt either.
	ENOTFOUND: { transient: false, words: 'host not found' },
};

function failureOf(code: unknown): NetworkFailure | undefined {
	return typeof code === 'string' && Object.hasOwn(NETWORK_FAILURES, code) ? NETWORK_FAILURES[code] : undefined;
}

/** The code of a transient failure below HTTP anywhere in an error's causes (a retry may get through), else undefined. */
export function networkErrorCode(error: unknown): string | undefined {
	const seen = new Set<unknown>();
	let current: unknown = error;
	while (current && typeof current === 'object' && !seen.has(current)) {
		seen.add(current);
		const { code, message } = current as { code?: unknown; message?: unknown };
		if (failureOf(code)?.transient) return code as string;
		if (typeof message === 'string' && /timeout of \d+ms exceeded|socket hang up/i.test(message)) {
			return /timeout/i.test(message) ? 'ETIMEDOUT' : 'ECONNRESET';
		}
		current = (current as { cause?: unknown }).cause;
	}
	return undefined;
}

/** Whether the code means nothing came back within the timeout. */
export function isTimeoutCode(code: unknown): boolean {
	return failureOf(code)?.timedOut === true;
}

/** The first code in an error's causes, whatever it is. */
function codeOf(error: unknown): string | undefined {
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
	const code = codeOf(error);
	const timedOut = isTimeoutCode(code) || /timeout of \d+ms exceeded/i.test(String((error as { message?: unknown } | undefined)?.message));
	if (timedOut) return timeoutMs ? `no answer within ${Math.round(timeoutMs / 1000)} s` : 'timed out';
	return failureOf(code)?.words ?? 'no answer';
}
