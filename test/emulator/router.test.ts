/**
 * The emulator's routing (router.ts). From the node's catalogue of calls: every call the node can
 * send reaches the emulator's endpoint of the same name, with the project and resource ID from its
 * path. Over raw HTTP: unknown paths and verbs, encoded colons, no test controls over HTTP.
 */
import { ENFONICA_CALLS, pathOf } from '../../nodes/Enfonica/api';
import { route } from './router';
import { collectionPath, expectGoogleError, resourcePath, useEmulatorApi } from './testSupport';

const bed = useEmulatorApi('api-token', 'api-tests');

describe('routing', () => {
	it('answers unknown paths with a Google 404', async () => {
		expectGoogleError(await bed.api('GET', '/v1beta1/projects/p/numbers'), 404, 'NOT_FOUND');
		expectGoogleError(await bed.api('GET', '/v1/projects/p/phoneNumberInstances'), 404, 'NOT_FOUND');
		expectGoogleError(await bed.api('POST', `${collectionPath('p')}/abc:refund`, {}), 404, 'NOT_FOUND');
		expectGoogleError(await bed.api('GET', `${collectionPath('p')}/`), 404, 'NOT_FOUND');
	});

	it('answers an unmapped verb with 404 naming the supported ones', async () => {
		const put = await bed.api('PUT', `${collectionPath('p')}/abc`, {});
		expectGoogleError(put, 404, 'NOT_FOUND', 'PUT');
		expect(put.headers.get('allow')).toBe('GET, PATCH, DELETE');
		expectGoogleError(await bed.api('GET', `${collectionPath('p')}/abc:move`), 404, 'NOT_FOUND');
		expectGoogleError(await bed.api('DELETE', collectionPath('p')), 404, 'NOT_FOUND');
	});

	it('decodes a percent-encoded custom-method colon', async () => {
		const [single] = bed.emu.seed('p-route', [{ phoneNumber: '+61255509500' }]);
		const result = await bed.api('POST', `${resourcePath(single.name)}%3Amove`, { destinationParent: 'projects/p-route-2' });
		expect(result.status).toBe(200);
	});

	it('exposes no test controls over HTTP', async () => {
		for (const path of ['/seed', '/v1beta1/emulator/faults', '/v1beta1/projects/p/phoneNumberInstances:seed', '/requests']) {
			expect((await bed.api('POST', path, {})).status).toBe(404);
		}
	});
});

describe('emulator routing from the catalogue', () => {
	it.each(ENFONICA_CALLS.map((call) => [`${call.service}.${call.method}`, call] as const))('%s is routed to its endpoint', (endpoint, call) => {
		const path = pathOf(call, { name: `projects/acme/${call.service}/abc-1`, parent: 'projects/acme' });
		const expected = path.includes('/abc-1') ? { project: 'acme', id: 'abc-1' } : { project: call.service === 'phoneNumbers' ? '' : 'acme', id: undefined };
		expect(route(call.http, path)).toEqual({ kind: 'api', endpoint, ...expected });
	});

	it('answers other verbs on a known path with the verbs it serves, and unknown paths as unknown', () => {
		expect(route('PUT', '/v1beta1/projects/acme/phoneNumberInstances')).toEqual({ kind: 'wrongMethod', allowed: ['GET', 'POST'] });
		expect(route('POST', '/v1beta1/projects/acme/phoneNumberInstances/abc')).toEqual({ kind: 'wrongMethod', allowed: ['GET', 'PATCH', 'DELETE'] });
		expect(route('GET', '/v1beta1/projects/acme/phoneNumberInstances/abc:move')).toEqual({ kind: 'wrongMethod', allowed: ['POST'] });
		expect(route('POST', '/v1beta1/projects/acme/phoneNumberInstances/abc:archive')).toEqual({ kind: 'unknownPath' });
		expect(route('GET', '/v1beta1/projects/acme/phoneNumberInstances/abc/more')).toEqual({ kind: 'unknownPath' });
		expect(route('GET', '/v1beta1/projects/acme/widgets')).toEqual({ kind: 'unknownPath' });
		expect(route('POST', '/token')).toEqual({ kind: 'token' });
	});
});
