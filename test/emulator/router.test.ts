/**
 * The emulator routes with the node's catalogue of calls: every call the node can send reaches the
 * emulator's endpoint of the same name, with the project and resource ID from its path.
 */
import { ENFONICA_CALLS, pathOf } from '../../nodes/Enfonica/api';
import { route } from './router';

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
