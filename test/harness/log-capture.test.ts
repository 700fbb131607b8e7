/**
 * The harness's the log lines a run leaves (log-capture.ts), against a tiny fixture package shaped like ours
 * (test/harness/fixture) and its loopback API, so these checks do not move with our nodes.
 */
import { useHarnessFixture } from '../support/harnessFixture';

const fixture = useHarnessFixture();

describe('logs', () => {
	it('captures what the engine and the node log, and prints nothing', async () => {
		const printed = jest.spyOn(process.stdout, 'write');
		const printedErrors = jest.spyOn(process.stderr, 'write');

		await fixture.getItem('a');
		await fixture.harness.testCredential({ apiKey: 'wrong', baseUrl: fixture.api.url });

		expect(fixture.harness.logs).toContainEqual({ level: 'info', message: 'Fixture node running', meta: { items: 1 } });
		expect(fixture.harness.logs).toContainEqual(
			expect.objectContaining({ level: 'debug', message: 'Workflow execution finished successfully' }),
		);
		expect(fixture.harness.logs.some((entry) => entry.level === 'error')).toBe(true);
		expect(printed).not.toHaveBeenCalled();
		expect(printedErrors).not.toHaveBeenCalled();
		printed.mockRestore();
		printedErrors.mockRestore();
	});
});
