/** Compact fixed-width tables for terminal output (no JSON walls). */
export function table(rows: Array<Record<string, unknown>>, columns: string[], maxWidth = 44): string {
	if (rows.length === 0) return '  (no rows)';
	const cell = (value: unknown) => (value === undefined || value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value));
	const clip = (text: string) => (text.length > maxWidth ? `${text.slice(0, maxWidth - 1)}…` : text);
	const cells = rows.map((row) => columns.map((column) => clip(cell(row[column]))));
	const widths = columns.map((column, index) => Math.max(column.length, ...cells.map((row) => row[index].length)));
	const line = (values: string[]) => '  ' + values.map((value, index) => value.padEnd(widths[index])).join('  ').trimEnd();
	return [line(columns), line(widths.map((width) => '-'.repeat(width))), ...cells.map(line)].join('\n');
}
