import type { PhoneNumberInstance } from '../models/phoneNumberInstance';

/**
 * A short fingerprint of a number's configuration, so Configuration Changed can name what changed
 * without the state keeping the values (12 characters per number): four 18-bit groups of
 * base64url characters, one per field hash, the last shared by the call handlers (14 bits) and
 * the call recording trigger (4 bits, exact for the values Enfonica documents).
 */
export const CONFIGURATION_FIELDS = ['displayName', 'labels', 'incomingMessageHandlerUris', 'incomingCallHandlerUris', 'callRecordingTrigger'] as const;
export type ConfigurationField = (typeof CONFIGURATION_FIELDS)[number];

export const FINGERPRINT_LENGTH = 12;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const GROUP_BITS = 18;
const RECORDING_BITS = 4;
/** Missing and unspecified mean Enfonica's default, DISABLED, as in the simplified output. */
const RECORDING_CODES: Record<string, number> = { '': 0, RECORDING_TRIGGER_UNSPECIFIED: 0, DISABLED: 0, ANSWER: 1, BRIDGE: 2 };
const FINGERPRINT = new RegExp(`^[A-Za-z0-9_-]{${FINGERPRINT_LENGTH}}$`);

/** FNV-1a over UTF-16 code units, then murmur3's finaliser so the top bits are well mixed. */
function hash(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	return (h ^ (h >>> 16)) >>> 0;
}

function recordingCode(value: string): number {
	return RECORDING_CODES[value] ?? 3 + (hash(value) % (2 ** RECORDING_BITS - 3));
}

function group(value: number): string {
	return ALPHABET[(value >>> 12) & 63] + ALPHABET[(value >>> 6) & 63] + ALPHABET[value & 63];
}

function ungroup(text: string, at: number): number {
	return (ALPHABET.indexOf(text[at]) << 12) | (ALPHABET.indexOf(text[at + 1]) << 6) | ALPHABET.indexOf(text[at + 2]);
}

function labelsText(labels: Record<string, string> | undefined): string {
	if (!labels) return '';
	return Object.keys(labels)
		.sort()
		.map((key) => `${key}\u0000${labels[key]}`)
		.join('\u0001');
}

/** The fingerprint of an instance's configuration as listed (absent fields are their defaults). */
export function fingerprintOf(instance: PhoneNumberInstance): string {
	const top = (text: string) => hash(text) >>> (32 - GROUP_BITS);
	const calls = hash((instance.incomingCallHandlerUris ?? []).join('\u0000')) >>> (32 - GROUP_BITS + RECORDING_BITS);
	return (
		group(top(instance.displayName ?? '')) +
		group(top(labelsText(instance.labels))) +
		group(top((instance.incomingMessageHandlerUris ?? []).join('\u0000'))) +
		group((calls << RECORDING_BITS) | recordingCode(instance.callRecordingTrigger ?? ''))
	);
}

export function isFingerprint(value: unknown): value is string {
	return typeof value === 'string' && FINGERPRINT.test(value);
}

/** The fields whose part of the two fingerprints differs, in the API's order. */
export function changedFields(before: string, after: string): ConfigurationField[] {
	const changed: ConfigurationField[] = [];
	for (let index = 0; index < 3; index++) {
		if (ungroup(before, index * 3) !== ungroup(after, index * 3)) changed.push(CONFIGURATION_FIELDS[index]);
	}
	const [wasLast, nowLast] = [ungroup(before, 9), ungroup(after, 9)];
	if (wasLast >>> RECORDING_BITS !== nowLast >>> RECORDING_BITS) changed.push('incomingCallHandlerUris');
	if ((wasLast & (2 ** RECORDING_BITS - 1)) !== (nowLast & (2 ** RECORDING_BITS - 1))) changed.push('callRecordingTrigger');
	return changed;
}
