/** Strictly increasing millisecond clock, so creation order is always visible in createTime. */
export class Clock {
	private last = 0;

	now(): number {
		const t = Math.max(Date.now(), this.last + 1);
		this.last = t;
		return t;
	}
}

export function toTimestamp(ms: number): string {
	// toISOString always gives milliseconds and 'Z', the form Google renders.
	return new Date(ms).toISOString();
}
