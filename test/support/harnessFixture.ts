import path from 'node:path';

import { createHarness } from '../harness';
import type { Harness } from '../harness';
import { FIXTURE_API_KEY, startFixtureApi } from '../harness/fixture/fixture-api';
import type { FixtureApiServer } from '../harness/fixture/fixture-api';

/** The tiny fixture package shaped like ours, so the harness's own tests do not move with our nodes. */
export const FIXTURE_DIR = path.join(__dirname, '..', 'harness', 'fixture');
export const NODE_TYPE = 'n8n-nodes-harness-fixture.fixture';

export interface HarnessFixture {
	/** The fixture's loopback API, with items a and b. */
	api: FixtureApiServer;
	/** A harness on the fixture package. */
	harness: Harness;
	/** Its API-key credential for `api`. */
	credentialId: string;
	/** Runs the fixture node's get of one item. */
	getItem(itemId: string, extra?: Partial<Parameters<Harness['runNode']>[0]>): ReturnType<Harness['runNode']>;
}

/** A fresh fixture API and harness for each test of the file (beforeEach), the API closed after it. */
export function useHarnessFixture(): HarnessFixture {
	const fixture = {
		getItem: (itemId: string, extra: Partial<Parameters<Harness['runNode']>[0]> = {}) =>
			fixture.harness.runNode({ nodeType: NODE_TYPE, parameters: { itemId }, credentialId: fixture.credentialId, ...extra }),
	} as HarnessFixture;
	beforeEach(async () => {
		fixture.api = await startFixtureApi();
		fixture.api.items.push({ id: 'b', name: 'Item B' });
		fixture.harness = await createHarness({ packageDir: FIXTURE_DIR });
		fixture.credentialId = fixture.harness.addCredential({ apiKey: FIXTURE_API_KEY, baseUrl: fixture.api.url }).id;
	});
	afterEach(async () => {
		await fixture.api.close();
	});
	return fixture;
}
