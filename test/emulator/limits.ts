/** Documented field limits of PhoneNumberInstance (and the length checks listings share); each failure names the field. */
import { isValidPhoneNumber } from 'libphonenumber-js/max';

import { invalidField } from './errors';
import type { UpdatableField } from './model';
import type { InstanceInput } from './instanceInput';

const MAX_DISPLAY_NAME = 100;
const MAX_LABELS = 50;
const MAX_LABEL_KEY = 100;
const MAX_LABEL_VALUE = 1000;
const MAX_URIS = 5;

/** Limits count characters (code points), not UTF-16 units. */
function length(text: string): number {
	return [...text].length;
}

/**
 * A URL the service can call: absolute http(s), a host, no user:password (the service has no use
 * for them and would leak them into logs), no white space or control characters, a real port.
 */
function isHttpUrl(uri: string): boolean {
	if (!/^https?:\/\/[^/?#\\@]/i.test(uri)) return false;
	if ([...uri].some((char) => char.charCodeAt(0) <= 0x20 || char.charCodeAt(0) === 0x7f || /\s/.test(char))) return false;
	const authority = uri.replace(/^https?:\/\//i, '').split(/[/?#\\]/, 1)[0];
	if (authority.includes('@')) return false;
	try {
		const url = new URL(uri);
		return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' && url.port !== '0';
	} catch {
		return false;
	}
}

const SIP_URI = /^sip:[^@\s:;?]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*(?::(\d{1,5}))?$/;
const TEL_URI = /^tel:(\+[1-9]\d{1,14})$/;

function isCallUri(uri: string): boolean {
	if (isHttpUrl(uri)) return true;
	const sip = SIP_URI.exec(uri);
	if (sip) return sip[1] === undefined || (Number(sip[1]) >= 1 && Number(sip[1]) <= 65535);
	// A tel: target is a number the service can dial: E.164 and valid in its numbering plan.
	const tel = TEL_URI.exec(uri);
	return tel !== null && isValidPhoneNumber(tel[1]);
}

/** A string field with a maximum length (in code points); the message names the field. */
export function checkMaxLength(field: string, value: string, max: number): void {
	if (length(value) > max) throw invalidField(field, `must be at most ${max} characters (got ${length(value)}).`);
}

/** Instances and listings share the 100-character display name. */
export function checkDisplayName(value: string): void {
	checkMaxLength('displayName', value, MAX_DISPLAY_NAME);
}

function checkLabels(labels: Record<string, string>): void {
	const keys = Object.keys(labels);
	if (keys.length > MAX_LABELS) throw invalidField('labels', `at most ${MAX_LABELS} labels are allowed (got ${keys.length}).`);
	for (const key of keys) {
		if (key === '') throw invalidField('labels', 'label keys must not be empty.');
		if (length(key) > MAX_LABEL_KEY) {
			throw invalidField('labels', `label key "${key.slice(0, 20)}…" is longer than ${MAX_LABEL_KEY} characters (${length(key)}).`);
		}
		if (length(labels[key]) > MAX_LABEL_VALUE) {
			throw invalidField('labels', `the value of label "${key}" is longer than ${MAX_LABEL_VALUE} characters (${length(labels[key])}).`);
		}
	}
}

function checkUris(field: string, uris: string[], accepts: (uri: string) => boolean, expected: string): void {
	if (uris.length > MAX_URIS) throw invalidField(field, `at most ${MAX_URIS} URIs are allowed (got ${uris.length}).`);
	uris.forEach((uri, i) => {
		if (!accepts(uri)) throw invalidField(`${field}[${i}]`, `"${uri}" is not ${expected}.`);
	});
}

/** Validates the given updatable fields of an input (all of them when `fields` is omitted). */
export function checkLimits(input: InstanceInput, fields: readonly UpdatableField[]): void {
	for (const field of fields) {
		switch (field) {
			case 'displayName':
				if (input.displayName !== undefined) checkDisplayName(input.displayName);
				break;
			case 'labels':
				if (input.labels !== undefined) checkLabels(input.labels);
				break;
			case 'incomingMessageHandlerUris':
				if (input.incomingMessageHandlerUris !== undefined) {
					checkUris(field, input.incomingMessageHandlerUris, isHttpUrl, 'an absolute http or https URL');
				}
				break;
			case 'incomingCallHandlerUris':
				if (input.incomingCallHandlerUris !== undefined) {
					checkUris(field, input.incomingCallHandlerUris, isCallUri, 'an absolute http(s) URL, sip:user@domain[:port] or tel:+number');
				}
				break;
			case 'callRecordingTrigger':
				break; // the enum decoder already rejected unknown values
		}
	}
}
