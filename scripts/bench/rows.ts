/** One line of the bench table. */
export interface Row {
	measure: string;
	value: string;
	target: string;
	met: string;
}

export const verdict = (ok: boolean): string => (ok ? 'yes' : 'NO');
