/** Opaque list page tokens: a signed cursor (last item's createTime + id) bound to the parent and filters. */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { invalidArgument } from './errors';

export interface Cursor {
	createTime: number;
	id: string;
}

export class PageTokenCodec {
	/** Per emulator, so tokens are tamper-proof and useless against another emulator. */
	private readonly secret = randomBytes(32);

	encode(scope: string, cursor: Cursor): string {
		const payload = Buffer.from(JSON.stringify({ s: scope, t: cursor.createTime, i: cursor.id })).toString('base64url');
		return `${payload}.${this.sign(payload)}`;
	}

	/** Throws INVALID_ARGUMENT for garbage, tampering, or a token minted for another parent/filter. */
	decode(token: string, scope: string): Cursor {
		const [payload, signature, extra] = token.split('.');
		const expected = payload === undefined ? '' : this.sign(payload);
		if (extra !== undefined || !signature || signature.length !== expected.length || !timingSafeEqual(Buffer.from(signature), Buffer.from(expected))) {
			throw invalidArgument('Invalid page token.', 'pageToken');
		}
		const data = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { s: string; t: number; i: string };
		if (data.s !== scope) {
			throw invalidArgument('The page token does not match the request: parent, prefix and includeDeleted must stay the same while paging.', 'pageToken');
		}
		return { createTime: data.t, id: data.i };
	}

	private sign(payload: string): string {
		return createHmac('sha256', this.secret).update(payload).digest('base64url').slice(0, 22);
	}
}
