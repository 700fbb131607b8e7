/** E.164 syntax and arithmetic; numbers are digit strings without leading zeros, so BigInt order is number order. */

const E164_PATTERN = /^\+[1-9]\d{1,14}$/;

export function isE164(value: string): boolean {
	return E164_PATTERN.test(value);
}

export function e164Value(number: string): bigint {
	return BigInt(number.slice(1));
}

export function offsetNumber(number: string, offset: number): string {
	return `+${(e164Value(number) + BigInt(offset)).toString()}`;
}

export function lastNumber(start: string, size: number): string {
	return offsetNumber(start, size - 1);
}

/** Whether [aStart, aStart+aSize) and [bStart, bStart+bSize) share a number. */
export function rangesOverlap(aStart: string, aSize: number, bStart: string, bSize: number): boolean {
	const a = e164Value(aStart);
	const b = e164Value(bStart);
	return a < b + BigInt(bSize) && b < a + BigInt(aSize);
}

/** Whether any number in [start, start+size) has `prefixDigits` (no '+') as its leading digits. */
export function rangeHasDigitPrefix(start: string, size: number, prefixDigits: string): boolean {
	const startDigits = start.slice(1);
	if (size === 1) return startDigits.startsWith(prefixDigits);
	const first = BigInt(startDigits);
	const last = first + BigInt(size - 1);
	const prefix = BigInt(prefixDigits);
	// A range may cross a digit-count boundary (…999 → 1000…); check each length it spans.
	for (let length = startDigits.length; length <= last.toString().length; length++) {
		if (prefixDigits.length > length) continue;
		const scale = 10n ** BigInt(length - prefixDigits.length);
		const low = prefix * scale;
		const high = low + scale - 1n;
		const spanLow = first > 10n ** BigInt(length - 1) ? first : 10n ** BigInt(length - 1);
		const spanHigh = last < 10n ** BigInt(length) - 1n ? last : 10n ** BigInt(length) - 1n;
		if (low <= spanHigh && spanLow <= high) return true;
	}
	return false;
}
