/** Raw-HTTP tests of what every regulatory listing method shares: permissions, routing, the request log and faults. */
import { apiClient, AU_ADDRESS, BUSINESS, collectionPath, exchangeKey, expectError, listingsPath, PERSON, useEmulatorApi } from '../testSupport';

const bed = useEmulatorApi('listing-token', 'listing-tests');

describe('permissions, routing, log and faults', () => {
	const P = 'p-perm';
	let listingName: string;

	beforeAll(() => {
		[{ name: listingName }] = bed.emu.seedListings(P, [{ id: 'perm-listing', person: PERSON.person, address: AU_ADDRESS }]);
	});

	it.each<[string, string, string, unknown, string]>([
		['create', 'POST', listingsPath(P), BUSINESS, 'create'],
		['get', 'GET', `${listingsPath(P)}/perm-listing`, undefined, 'get'],
		['list', 'GET', listingsPath(P), undefined, 'list'],
		['update', 'PATCH', `${listingsPath(P)}/perm-listing?updateMask=displayName`, { displayName: 'x' }, 'update'],
		['delete', 'DELETE', `${listingsPath(P)}/perm-listing`, undefined, 'delete'],
		['search', 'GET', `${listingsPath(P)}:search?regionCode=AU&numberType=LOCAL`, undefined, 'list'],
	])('%s needs numbering.regulatoryListings.%s', async (method, verb, path, body, permission) => {
		const others = ['create', 'get', 'list', 'update', 'delete'].filter((p) => p !== permission).map((p) => `numbering.regulatoryListings.${p}`);
		const token = `perm-without-${method}`;
		bed.emu.addBearerToken(token, { permissions: [...others, 'numbering.phoneNumberInstances.list'] });
		const denied = await apiClient(bed.emu.baseUrl, token)(verb, path, body);
		expectError(denied, 403, 'PERMISSION_DENIED');
		expect(denied.json.error.message).toBe(`Permission 'numbering.regulatoryListings.${permission}' denied on resource 'projects/${P}' (or it may not exist).`);
		const allowedToken = `perm-with-${method}`;
		bed.emu.addBearerToken(allowedToken, { projects: [P], permissions: [`numbering.regulatoryListings.${permission}`] });
		// Query/body errors and 404s come after the permission check, so this proves the permission is enough.
		expect((await apiClient(bed.emu.baseUrl, allowedToken)(verb, path.replace('perm-listing', 'absent'), body)).status).not.toBe(403);
		const otherProject = await apiClient(bed.emu.baseUrl, allowedToken)(verb, path.replace(P, 'p-perm-other'), body);
		expectError(otherProject, 403, 'PERMISSION_DENIED');
		expect(bed.emu.getListing(listingName)).toBeDefined();
	});

	it('answers 401 without credentials, before anything else', async () => {
		expect((await apiClient(bed.emu.baseUrl)('GET', `${listingsPath(P)}/nosuch`)).status).toBe(401);
		expect((await apiClient(bed.emu.baseUrl)('POST', listingsPath(P), {})).status).toBe(401);
	});

	it('service accounts get the listing permissions by default; unknown permission names throw', async () => {
		const key = bed.emu.createServiceAccount({ projectId: P });
		const token = (await exchangeKey(key)).json.access_token;
		expect((await apiClient(bed.emu.baseUrl, token)('GET', `${listingsPath(P)}/perm-listing`)).status).toBe(200);
		expect((await apiClient(bed.emu.baseUrl, token)('GET', `${listingsPath('p-perm-other')}/perm-listing`)).status).toBe(403);
		expect(() => bed.emu.addBearerToken('typo', { permissions: ['numbering.regulatoryListings.search'] })).toThrow(/Unknown permission/);
	});

	it('routes unknown verbs and custom methods to 404', async () => {
		const put = await bed.api('PUT', `${listingsPath(P)}/perm-listing`, {});
		expect(put.status).toBe(404);
		expect(put.headers.get('allow')).toBe('GET, PATCH, DELETE');
		expect((await bed.api('POST', `${listingsPath(P)}:search`, {})).headers.get('allow')).toBe('GET');
		expect((await bed.api('GET', `${listingsPath(P)}:find`)).status).toBe(404);
		expect((await bed.api('POST', `${listingsPath(P)}/perm-listing:move`, {})).status).toBe(404);
		expect((await bed.api('GET', `${collectionPath(P)}:search`)).status).toBe(404);
		expect((await bed.api('GET', `/v1beta1/projects/${P}/regulatoryListing`)).status).toBe(404);
	});

	it('logs listing calls and applies faults to them', async () => {
		bed.emu.clearLog();
		bed.emu.injectFault({ method: 'POST', path: listingsPath(P), fault: { kind: 'status', status: 500 } });
		const faulted = await bed.api('POST', listingsPath(P), { ...BUSINESS, displayName: 'Faulted' });
		expect(faulted.status).toBe(500);
		expect(bed.emu.listStoredListings(P).some((listing) => listing.displayName === 'Faulted')).toBe(false);
		expect((await bed.api('GET', `${listingsPath(P)}?pageSize=1`)).status).toBe(200);
		expect(bed.emu.requests.map((entry) => [entry.method, entry.path, entry.status, entry.principal, entry.fault])).toEqual([
			['POST', listingsPath(P), 500, 'listing-tests', 'status:500'],
			['GET', listingsPath(P), 200, 'listing-tests', undefined],
		]);
		expect(bed.emu.requests[0].body).toMatchObject({ displayName: 'Faulted' });
		expect(bed.emu.requests[1].query).toEqual({ pageSize: '1' });
	});
});
