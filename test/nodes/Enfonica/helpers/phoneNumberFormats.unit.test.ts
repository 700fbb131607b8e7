/**
 * Simplify's formats (nationalFormat, internationalFormat, country) must be exactly what
 * libphonenumber-js gives. helpers/phoneNumberFormats formats the API's E.164 numbers by a fast
 * path that mirrors the library's decision procedure (see the comment there); this compares it,
 * from the sources, with `parsePhoneNumberFromString` from node_modules over the corpus of
 * test/support/phoneNumberCorpus. phoneNumbers.bundled.test.ts does the same with the library as
 * bundled into dist.
 */
import { join } from 'node:path';

import * as source from '../../../../nodes/Enfonica/helpers/phoneNumberFormats';
import { VALID_PUNCTUATION } from '../../../../nodes/Enfonica/helpers/phoneNumberMetadata';
import { corpus, mismatches, reference } from '../../../support/phoneNumberCorpus';

const LIBRARY = join(__dirname, '../../../..', 'node_modules/libphonenumber-js');

describe('formatsOf is exactly libphonenumber-js', () => {
	const numbers = corpus();
	const expected = numbers.map(reference);

	it('covers the corpus it claims', () => {
		expect(numbers.length).toBeGreaterThan(150_000);
		const countries = new Set(expected.map((formats) => formats.country));
		for (const country of ['US', 'CA', 'JM', 'AG', 'PR', 'AU', 'CC', 'CX', 'RU', 'KZ', 'GB', 'GG', 'JE', 'IM', 'IT', 'VA', 'RE', 'YT', 'CW', 'BQ', 'NO', 'SJ', 'FI', 'AX', 'MA', 'SH', 'TA']) {
			expect(countries).toContain(country);
		}
		expect(countries.size).toBeGreaterThan(200);
		// Some unparseable, some parsed without a country (no country's patterns match), many formatted.
		expect(expected.filter((formats) => formats.nationalFormat === '').length).toBeGreaterThan(100);
		expect(expected.filter((formats) => formats.nationalFormat !== '' && formats.country === '').length).toBeGreaterThan(100);
	});

	it('as source, for every number of the corpus', () => {
		expect(mismatches(source.formatsOf, numbers, expected).slice(0, 20)).toEqual([]);
	});

	it('takes the fast path for nearly all of it (else the comparison would prove little)', () => {
		const fast = numbers.filter((number) => source.fastFormatsOf(number) !== undefined).length;
		expect(fast / numbers.length).toBeGreaterThan(0.9);
		// The bench's numbers and the API's usual ones all take it.
		for (const number of ['+61370100000', '+61491570156', '+12015550123', '+14165550123', '+442079460000', '+77015550000']) {
			expect(source.fastFormatsOf(number)).toEqual(reference(number));
		}
	});

	it('copies the library constants it relies on', () => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const constants = require(join(LIBRARY, 'build/constants.js')) as { VALID_PUNCTUATION: string };
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const formatting = require(join(LIBRARY, 'build/helpers/formatNationalNumberUsingFormat.js')) as { FIRST_GROUP_PATTERN: RegExp };
		expect(VALID_PUNCTUATION).toBe(constants.VALID_PUNCTUATION);
		expect(source.FIRST_GROUP_PATTERN.source).toBe(formatting.FIRST_GROUP_PATTERN.source);
		expect(source.FIRST_GROUP_PATTERN.flags).toBe(formatting.FIRST_GROUP_PATTERN.flags);
	});
});
