/**
 * The harness's poll: a polling trigger through PollContext (poll.ts), against a tiny fixture package shaped like ours
 * (test/harness/fixture) and its loopback API, so these checks do not move with our nodes.
 */
import { useHarnessFixture } from '../support/harnessFixture';

const fixture = useHarnessFixture();

describe('poll', () => {
	it('runs poll() through PollContext and carries the node’s static data between polls', async () => {
		const first = await fixture.harness.poll({ parameters: {}, credentialId: fixture.credentialId });
		expect(first).toEqual({ result: null, staticData: { seen: ['a', 'b'] }, workflowStaticData: { 'node:Trigger': { seen: ['a', 'b'] } }, staticDataChanged: true });

		fixture.api.items.push({ id: 'c', name: 'Item C' });
		const second = await fixture.harness.poll({ parameters: {}, credentialId: fixture.credentialId, staticData: first.staticData });

		expect(second.error).toBeUndefined();
		expect(second.result).toEqual([[{ json: { id: 'c', name: 'Item C' } }]]);
		expect(second.staticData).toEqual({ seen: ['a', 'b', 'c'] });
	});

	it('runs "Fetch Test Event" in manual mode', async () => {
		const manual = await fixture.harness.poll({ parameters: {}, credentialId: fixture.credentialId, staticData: { seen: ['a'] }, mode: 'manual' });

		expect(manual.result).toEqual([[{ json: { id: 'a', name: 'Item A' } }]]);
		expect(manual).toMatchObject({ staticData: { seen: ['a'] }, staticDataChanged: false });
	});

	it('reports a failing poll as an error, as n8n would', async () => {
		const broken = fixture.harness.addCredential({ apiKey: 'wrong', baseUrl: fixture.api.url });

		const polled = await fixture.harness.poll({ parameters: {}, credentialId: broken.id, staticData: { seen: ['a'] } });

		expect(polled.result).toBeNull();
		expect(polled.error).toBeInstanceOf(Error);
		expect(polled.staticData).toEqual({ seen: ['a'] });
	});
});
