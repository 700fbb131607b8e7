/**
 * The formats as shipped: helpers/phoneNumberFormats running on libphonenumber-js as the build
 * bundles it into dist (minified, console calls dropped, shared by both nodes), over the corpus
 * that phoneNumbers.formats.test.ts checks from the sources.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import type * as PhoneNumberFormats from '../../../../nodes/Enfonica/helpers/phoneNumberFormats';
import { corpus, mismatches, reference } from '../../../support/phoneNumberCorpus';

const BUNDLED_LIBRARY = join(__dirname, '../../../..', 'dist/nodes/Enfonica/vendor/libphonenumber.js');

/** The formatter's source with its `../vendor/libphonenumber` import answered by the bundle in dist. */
function formatsOnTheBundle(): { formats: typeof PhoneNumberFormats; bundleLoaded: boolean } {
	if (!existsSync(BUNDLED_LIBRARY)) throw new Error(`${BUNDLED_LIBRARY} is missing: run \`npm run build\` first`);
	let formats: typeof PhoneNumberFormats | undefined;
	let bundleLoaded = false;
	jest.isolateModules(() => {
		jest.doMock('../../../../nodes/Enfonica/vendor/libphonenumber', () => {
			bundleLoaded = true;
			// eslint-disable-next-line @typescript-eslint/no-require-imports
			return require(BUNDLED_LIBRARY);
		});
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		formats = require('../../../../nodes/Enfonica/helpers/phoneNumberFormats');
	});
	return { formats: formats as typeof PhoneNumberFormats, bundleLoaded };
}

describe('formatsOf on the bundled library is exactly libphonenumber-js', () => {
	it('for every number of the corpus', () => {
		const { formats, bundleLoaded } = formatsOnTheBundle();
		expect(bundleLoaded).toBe(true);
		const numbers = corpus();
		expect(numbers.length).toBeGreaterThan(150_000);
		expect(mismatches(formats.formatsOf, numbers, numbers.map(reference)).slice(0, 20)).toEqual([]);
	});
});
