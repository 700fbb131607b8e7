/** Google-style API errors (google.rpc.Status rendered as JSON). */

/** Canonical status name for an HTTP code, as Google's HTTP mapping does it. */
const STATUS_BY_HTTP: Readonly<Record<number, string>> = {
	400: 'INVALID_ARGUMENT',
	401: 'UNAUTHENTICATED',
	403: 'PERMISSION_DENIED',
	404: 'NOT_FOUND',
	409: 'ALREADY_EXISTS', // the reference lists it first; ABORTED via FaultSpec.statusName
	412: 'FAILED_PRECONDITION',
	416: 'OUT_OF_RANGE',
	429: 'RESOURCE_EXHAUSTED',
	499: 'CANCELLED',
	500: 'INTERNAL',
	501: 'UNIMPLEMENTED',
	502: 'UNAVAILABLE',
	503: 'UNAVAILABLE',
	504: 'DEADLINE_EXCEEDED',
};

export function statusNameFor(httpStatus: number): string {
	return STATUS_BY_HTTP[httpStatus] ?? 'UNKNOWN';
}

export class ApiError extends Error {
	constructor(
		readonly httpStatus: number,
		readonly status: string,
		message: string,
		readonly details: unknown[] = [],
		readonly headers: Record<string, string> = {},
	) {
		super(message);
	}

	toBody(): { error: { code: number; message: string; status: string; details?: unknown[] } } {
		const error: { code: number; message: string; status: string; details?: unknown[] } = {
			code: this.httpStatus,
			message: this.message,
			status: this.status,
		};
		if (this.details.length > 0) error.details = this.details;
		return { error };
	}
}

export function invalidArgument(message: string, field?: string): ApiError {
	// BadRequest details let a client point at the offending field without parsing the message.
	const details = field
		? [{ '@type': 'type.googleapis.com/google.rpc.BadRequest', fieldViolations: [{ field, description: message }] }]
		: [];
	return new ApiError(400, 'INVALID_ARGUMENT', message, details);
}

/** A field that breaks a documented limit: the message always names the field. */
export function invalidField(field: string, problem: string): ApiError {
	return invalidArgument(`Invalid value for field '${field}': ${problem}`, field);
}

export function failedPrecondition(message: string): ApiError {
	return new ApiError(400, 'FAILED_PRECONDITION', message);
}

export function notFound(message: string): ApiError {
	return new ApiError(404, 'NOT_FOUND', message);
}

export function alreadyExists(message: string): ApiError {
	return new ApiError(409, 'ALREADY_EXISTS', message);
}

export function permissionDenied(permission: string, resource: string): ApiError {
	return new ApiError(403, 'PERMISSION_DENIED', `Permission '${permission}' denied on resource '${resource}' (or it may not exist).`, [
		{
			'@type': 'type.googleapis.com/google.rpc.ErrorInfo',
			reason: 'IAM_PERMISSION_DENIED',
			domain: 'enfonica.com',
			metadata: { permission, resource },
		},
	]);
}

const CREDENTIAL_HINT = 'Expected OAuth 2 access token, login cookie or other valid authentication credential.';

export function unauthenticated(reason: 'missing' | 'invalid' | 'expired'): ApiError {
	const message =
		reason === 'missing'
			? `Request is missing required authentication credential. ${CREDENTIAL_HINT}`
			: `Request had invalid authentication credentials. ${CREDENTIAL_HINT}`;
	const errorInfo = {
		'@type': 'type.googleapis.com/google.rpc.ErrorInfo',
		reason: reason === 'missing' ? 'CREDENTIALS_MISSING' : reason === 'expired' ? 'ACCESS_TOKEN_EXPIRED' : 'ACCESS_TOKEN_INVALID',
		domain: 'enfonica.com',
	};
	const challenge = reason === 'missing' ? 'Bearer realm="enfonica"' : 'Bearer realm="enfonica", error="invalid_token"';
	return new ApiError(401, 'UNAUTHENTICATED', message, [errorInfo], { 'WWW-Authenticate': challenge });
}
