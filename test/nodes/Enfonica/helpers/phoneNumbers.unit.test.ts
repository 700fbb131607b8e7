import { toE164, toListPrefix } from '../../../../nodes/Enfonica/helpers/phoneNumbers';

describe('phone numbers', () => {
	it('normalises written forms to E.164', () => {
		expect(toE164('+61 2 5550 1100')).toBe('+61255501100');
		expect(toE164('02 5550 1100', 'AU')).toBe('+61255501100');
		expect(toE164('(02) 5550-1100', 'au')).toBe('+61255501100');
	});

	it('refuses what libphonenumber-js rejects, saying why', () => {
		expect(() => toE164('02 5550 1100')).toThrow(/Default Country/);
		expect(() => toE164('+61 2 555')).toThrow(/not a valid phone number/);
		expect(() => toE164('hello')).toThrow(/not a phone number/);
		expect(() => toE164('02 5550 1100', 'XX')).toThrow(/ISO 3166/);
	});

	it('accepts list prefixes in E.164 or national form', () => {
		expect(toListPrefix('+61 2')).toBe('+612');
		expect(toListPrefix('02')).toBe('02');
		expect(() => toListPrefix('612')).toThrow(/not a number prefix/);
		expect(() => toListPrefix('+')).toThrow(/not a number prefix/);
	});
});
