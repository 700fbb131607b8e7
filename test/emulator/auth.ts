/** Principals (service accounts, bearer tokens), the access tokens issued to them, and permission checks. */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { ALL_PERMISSIONS, type BearerTokenOptions, type ServiceAccountKey, type ServiceAccountOptions } from './types';
import { randomDigits, randomHex, randomTokenString } from './ids';

export interface Principal {
	/** What the request log shows: a client_email or a bearer-token label. */
	label: string;
	projects: ReadonlySet<string> | '*';
	/** Full permission names, e.g. numbering.regulatoryListings.get. */
	permissions: ReadonlySet<string>;
}

export interface RegisteredKey {
	clientEmail: string;
	publicKey: KeyObject;
	principal: Principal;
}

interface AccessToken {
	principal: Principal;
	expiresAt: number;
}

export type Authentication = { ok: true; principal: Principal } | { ok: false; reason: 'missing' | 'invalid' | 'expired'; label?: string };

function permissionsFrom(permissions: string[] | undefined): Set<string> {
	if (permissions === undefined) return new Set(ALL_PERMISSIONS);
	for (const permission of permissions) {
		// A typo here would silently make a test about 403s pass for the wrong reason.
		if (!ALL_PERMISSIONS.includes(permission)) throw new Error(`Unknown permission '${permission}'`);
	}
	return new Set(permissions);
}

function projectsFrom(projects: string[] | '*' | undefined, fallback: string[] | '*'): ReadonlySet<string> | '*' {
	const chosen = projects ?? fallback;
	return chosen === '*' ? '*' : new Set(chosen);
}

export function allows(principal: Principal, project: string, permission: string): boolean {
	return principal.permissions.has(permission) && (principal.projects === '*' || principal.projects.has(project));
}

export class AuthRegistry {
	private readonly keys = new Map<string, RegisteredKey>();
	private readonly bearers = new Map<string, Principal>();
	private readonly accessTokens = new Map<string, AccessToken>();
	private serviceAccountCount = 0;
	private bearerCount = 0;

	createServiceAccount(options: ServiceAccountOptions, tokenUrl: string): ServiceAccountKey {
		const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
		const privateKeyId = randomHex(20);
		this.serviceAccountCount++;
		const clientEmail = options.clientEmail ?? `emulator-sa-${this.serviceAccountCount}@${options.projectId}.iam.enfonica.test`;
		const principal: Principal = {
			label: clientEmail,
			projects: projectsFrom(options.projects, [options.projectId]),
			permissions: permissionsFrom(options.permissions),
		};
		this.keys.set(privateKeyId, { clientEmail, publicKey, principal });
		return {
			type: 'service_account',
			project_id: options.projectId,
			private_key_id: privateKeyId,
			private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
			client_email: clientEmail,
			client_id: randomDigits(21),
			token_uri: tokenUrl,
		};
	}

	/** Every key of a service account: an assertion without `kid` is checked against each. */
	keysByEmail(clientEmail: string): RegisteredKey[] {
		return [...this.keys.values()].filter((key) => key.clientEmail === clientEmail);
	}

	keyById(kid: string): RegisteredKey | undefined {
		return this.keys.get(kid);
	}

	addBearerToken(token: string, options: BearerTokenOptions = {}): void {
		if (!/^\S+$/.test(token)) throw new Error('A bearer token must be a non-empty string without whitespace');
		const permissions = permissionsFrom(options.permissions);
		this.bearerCount++;
		this.bearers.set(token, {
			label: options.label ?? `bearer-token-${this.bearerCount}`,
			projects: projectsFrom(options.projects, '*'),
			permissions,
		});
	}

	issueAccessToken(principal: Principal, ttlSeconds: number): string {
		const token = randomTokenString('emu.');
		this.accessTokens.set(token, { principal, expiresAt: Date.now() + ttlSeconds * 1000 });
		return token;
	}

	/** Issued access tokens only; long-lived bearer tokens are not access tokens and keep working. */
	expireAccessTokens(): void {
		for (const token of this.accessTokens.values()) token.expiresAt = 0;
	}

	authenticate(authorization: string | undefined): Authentication {
		if (authorization === undefined || authorization.trim() === '') return { ok: false, reason: 'missing' };
		const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
		if (!match) return { ok: false, reason: 'invalid' };
		const bearer = this.bearers.get(match[1]);
		if (bearer) return { ok: true, principal: bearer };
		const access = this.accessTokens.get(match[1]);
		if (!access) return { ok: false, reason: 'invalid' };
		if (Date.now() >= access.expiresAt) return { ok: false, reason: 'expired', label: access.principal.label };
		return { ok: true, principal: access.principal };
	}
}
