/**
 * The one rule for handler URIs (Incoming Message / Call Handler URIs, in create and update):
 * what Enfonica can call. Pure: returns the cleaned list or throws InvalidValueError.
 *
 * A list is typed one URI per line, or comma-separated; a comma separates only where the next URI
 * starts (`http://`, `https://`, `sip:` or `tel:` follows it), so a comma inside a URL, e.g. in its
 * query, stays part of it. A list from an expression is taken entry by entry, never split.
 */
import { InvalidValueError, restated } from '../errors';
import { toE164 } from './phoneNumbers';
import { kindOf, preview, toText } from './text';

export const MAX_HANDLER_URIS = 5;

const SEPARATOR = /\r?\n|,(?=\s*(?:https?:\/\/|sip:|tel:))/i;

function splitUriList(input: unknown): string[] {
	if (input === undefined || input === null) return [];
	const parts = Array.isArray(input)
		? input.map((part, index) => {
				if (part !== null && typeof part === 'object') throw new InvalidValueError(`has ${kindOf(part)} as URI ${index + 1} (got ${preview(part)}): each URI must be text`);
				return toText(part);
			})
		: toText(input, 'text: URIs one per line or comma-separated').split(SEPARATOR);
	return parts.map((part) => part.trim()).filter((part) => part !== '');
}

const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const HOST_NAME = new RegExp(`^(?=.{1,253}$)${LABEL}(?:\\.${LABEL})*\\.?$`);
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)$/;

/** Why Enfonica could not call `uri` as a web handler, or undefined when it can. */
function webUrlProblem(uri: string): string | undefined {
	if (!/^https?:\/\//i.test(uri)) return 'is not an absolute http:// or https:// URL';
	if (/\s/.test(uri) || [...uri].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f)) return 'contains white space or control characters (put several URIs one per line, or separate them with a comma before each http(s)://, sip: or tel:)';
	const authority = uri.slice(uri.indexOf('//') + 2).split(/[/?#\\]/, 1)[0];
	if (authority === '') return 'has no host';
	if (authority.includes('@')) return 'contains credentials (user:password@): Enfonica cannot use them; sign requests with the project\'s handler signing key instead';
	let url: URL;
	try {
		url = new URL(uri);
	} catch {
		return 'is not a valid URL';
	}
	const host = url.hostname;
	if (host === '') return 'has no host';
	if (!(HOST_NAME.test(host) || IPV4.test(host) || /^\[[0-9a-f:.]+\]$/.test(host))) return `has "${host}", which is not a host name`;
	if (url.port === '0') return 'has port 0';
	return undefined;
}

const SIP_USER = "[A-Za-z0-9\\-_.!~*'()&=+$/%]+";
const SIP_URI = new RegExp(`^sip:${SIP_USER}@([^:;?@\\s]+)(?::(\\d{1,5}))?$`);

/** Why `uri` is not `sip:user@domain[:port]`, or undefined. */
function sipProblem(uri: string): string | undefined {
	const match = SIP_URI.exec(uri);
	const host = match?.[1].toLowerCase() ?? '';
	const port = match?.[2];
	if (!match || !((HOST_NAME.test(host) && !host.endsWith('.')) || IPV4.test(host)) || (port !== undefined && (Number(port) < 1 || Number(port) > 65535))) {
		return 'is not a sip:user@domain[:port] URI';
	}
	return undefined;
}

/** `tel:` and a phone number, read by the phone-number reader: `tel:+61 2 5550 1100` → `tel:+61255501100`. */
function telUri(uri: string): string {
	const number = uri.slice(4);
	if (!number.trim().startsWith('+')) throw new InvalidValueError(`has "${uri}": a tel: target must be a number in international form, tel:+<country code><number>`);
	try {
		return `tel:${toE164(number)}`;
	} catch (error) {
		throw restated(error, (message) => `has "${uri}", whose number ${message.replace(/^"[^"]*" /, '')}`);
	}
}

function checkCount(uris: string[]): void {
	if (uris.length > MAX_HANDLER_URIS) throw new InvalidValueError(`has ${uris.length} URIs: Enfonica allows at most ${MAX_HANDLER_URIS}`);
}

/** Message handlers: absolute http(s) URLs Enfonica can call. */
export function checkMessageHandlerUris(input: unknown): string[] {
	const uris = splitUriList(input);
	checkCount(uris);
	for (const uri of uris) {
		const problem = webUrlProblem(uri);
		if (problem) throw new InvalidValueError(`has "${uri}", which ${problem}`);
	}
	return uris;
}

/** Call handlers: http(s) URLs as above, `sip:user@domain[:port]` or `tel:+<a valid phone number>`. */
export function checkCallHandlerUris(input: unknown): string[] {
	const uris = splitUriList(input);
	checkCount(uris);
	return uris.map((uri) => {
		if (/^tel:/i.test(uri)) return telUri(`tel:${uri.slice(4)}`);
		const problem = /^sip:/i.test(uri) ? sipProblem(uri) : webUrlProblem(uri);
		if (problem === 'is not an absolute http:// or https:// URL') {
			throw new InvalidValueError(`has "${uri}", which is not an http(s) URL, a sip:user@domain[:port] URI or a tel:+<phone number> URI`);
		}
		if (problem) throw new InvalidValueError(`has "${uri}", which ${problem}`);
		return uri;
	});
}
