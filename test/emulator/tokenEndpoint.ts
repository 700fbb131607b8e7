/** POST /token: the OAuth 2.0 JWT-bearer grant (RFC 7523) a service account uses to get an access token. */
import type { EmulatorCore } from './core';
import { isFormContentType, type EmulatorResponse } from './http';
import { checkAssertion } from './jwtAssertion';
import { JWT_BEARER_GRANT } from './types';

function oauthError(error: string, description: string): EmulatorResponse {
	return { status: 400, headers: { 'Cache-Control': 'no-store' }, body: { error, error_description: description } };
}

export function handleToken(core: EmulatorCore, contentType: string | undefined, rawBody: Buffer): EmulatorResponse {
	if (!isFormContentType(contentType)) {
		return oauthError('invalid_request', 'The request body must be application/x-www-form-urlencoded.');
	}
	const form = new URLSearchParams(rawBody.toString('utf8'));
	const grantType = form.get('grant_type');
	if (!grantType) return oauthError('invalid_request', 'Missing required parameter: grant_type');
	if (grantType !== JWT_BEARER_GRANT) return oauthError('unsupported_grant_type', `Unsupported grant_type: ${grantType}`);
	const assertion = form.get('assertion');
	if (!assertion) return oauthError('invalid_request', 'Missing required parameter: assertion');

	const check = checkAssertion(assertion, { byId: (kid) => core.auth.keyById(kid), byEmail: (email) => core.auth.keysByEmail(email) }, core.tokenUrl, Math.floor(Date.now() / 1000));
	if (!check.ok) return oauthError(check.error, check.description);
	const ttl = core.accessTokenTtlSeconds;
	return {
		status: 200,
		headers: { 'Cache-Control': 'no-store' },
		body: {
			access_token: core.auth.issueAccessToken(check.key.principal, ttl),
			token_type: 'Bearer',
			// OAuth wants whole seconds; a fractional test TTL still expires on time server-side.
			expires_in: Math.ceil(ttl),
		},
	};
}
