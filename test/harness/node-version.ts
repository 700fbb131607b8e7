/** The version n8n gives a newly added node: the highest its description lists. */
export function latestVersion(version: number | number[]): number {
	return Array.isArray(version) ? Math.max(...version) : version;
}
