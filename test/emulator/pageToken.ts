/** Opaque page tokens: a signed cursor (the last item's sort key) bound to the parent and filters. */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { invalidArgument } from './errors';

/** The list cursor: the last item's createTime + id (instances and listings sort by these). */
export interface Cursor {
	createTime: number;
	id: string;
}

const LIST_SCOPE_FIELDS = 'parent, prefix and includeDeleted';

export class PageTokenCodec {
	/** Per emulator, so tokens are tamper-proof and useless against another emulator. */
	private readonly secret = randomBytes(32);

	encode(scope: string, cursor: Cursor): string {
		return this.seal({ s: scope, t: cursor.createTime, i: cursor.id });
	}

	/**
	 * Throws INVALID_ARGUMENT for garbage, tampering, or a token minted for another parent/filter;
	 * `scopeFields` names what must stay the same while paging (for the message).
	 */
	decode(token: string, scope: string, scopeFields = LIST_SCOPE_FIELDS): Cursor {
		const data = this.open(token, scope, scopeFields) as { t: number; i: string };
		return { createTime: data.t, id: data.i };
	}

	/** A cursor that is a single sort key (phoneNumbers:search pages by number). */
	encodeKey(scope: string, key: string): string {
		return this.seal({ s: scope, k: key });
	}

	decodeKey(token: string, scope: string, scopeFields: string): string {
		return (this.open(token, scope, scopeFields) as { k: string }).k;
	}

	private seal(data: { s: string } & Record<string, unknown>): string {
		const payload = Buffer.from(JSON.stringify(data)).toString('base64url');
		return `${payload}.${this.sign(payload)}`;
	}

	private open(token: string, scope: string, scopeFields: string): Record<string, unknown> {
		const [payload, signature, extra] = token.split('.');
		const expected = payload === undefined ? '' : this.sign(payload);
		if (extra !== undefined || !signature || signature.length !== expected.length || !timingSafeEqual(Buffer.from(signature), Buffer.from(expected))) {
			throw invalidArgument('Invalid page token.', 'pageToken');
		}
		const data = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
		if (data.s !== scope) {
			throw invalidArgument(`The page token does not match the request: ${scopeFields} must stay the same while paging.`, 'pageToken');
		}
		return data;
	}

	private sign(payload: string): string {
		return createHmac('sha256', this.secret).update(payload).digest('base64url').slice(0, 22);
	}
}
