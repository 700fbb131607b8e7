/** The baseline: the same list pages fetched directly with fetch, no n8n, no node code. */
export async function bareListAll(baseUrl: string, project: string, token: string, extra: Record<string, string> = {}): Promise<{ items: number; requests: number }> {
	let pageToken = '';
	let items = 0;
	let requests = 0;
	do {
		const query = new URLSearchParams({ pageSize: '100', ...extra, ...(pageToken ? { pageToken } : {}) });
		const response = await fetch(`${baseUrl}/v1beta1/projects/${project}/phoneNumberInstances?${query}`, { headers: { authorization: `Bearer ${token}` } });
		const page = (await response.json()) as { phoneNumberInstances?: unknown[]; nextPageToken?: string };
		requests++;
		items += page.phoneNumberInstances?.length ?? 0;
		pageToken = page.nextPageToken ?? '';
	} while (pageToken);
	return { items, requests };
}
