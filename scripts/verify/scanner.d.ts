/** The parts of n8n's verification scanner (plain JavaScript, no types of its own) that scan.mjs uses. */
declare module '@n8n/scan-community-package/scanner/scanner.mjs' {
	/** The source files the scanner lints: package.json, nodes/ and credentials/. */
	export const SOURCE_FILE_PATTERNS: string[];
	/** Lints `packageDir`'s files matching `patterns` with the scanner's rules. */
	export function analyzePackage(
		packageDir: string,
		patterns: string[],
	): Promise<{ passed: boolean; message?: string; details?: string; error?: unknown }>;
}
