/**
 * Enfonica's field limits (helpers/validation.ts), from the sources: each check returns the
 * cleaned value or throws an InvalidValueError saying what is wrong (the caller adds the field
 * and the item; the engine tests check that part and that nothing is sent).
 */
import { InvalidValueError } from '../../../../nodes/Enfonica/errors';
import {
	MAX_DISPLAY_NAME,
	MAX_LABELS,
	checkChoice,
	checkChoices,
	checkDisplayName,
	checkLabels,
	checkWholeNumber,
	length,
} from '../../../../nodes/Enfonica/helpers/validation';

function refusal(check: () => unknown): string {
	try {
		check();
	} catch (error) {
		expect(error).toBeInstanceOf(InvalidValueError);
		return (error as Error).message;
	}
	throw new Error('accepted');
}

describe('validation', () => {
	it('counts characters as people do (code points)', () => {
		expect(length('👋🏽 hi')).toBe(5);
		expect(checkDisplayName('🦘'.repeat(MAX_DISPLAY_NAME))).toBe('🦘'.repeat(MAX_DISPLAY_NAME));
		expect(refusal(() => checkDisplayName('🦘'.repeat(MAX_DISPLAY_NAME + 1)))).toBe(`is ${MAX_DISPLAY_NAME + 1} characters long: Enfonica allows at most ${MAX_DISPLAY_NAME}`);
		expect(refusal(() => checkDisplayName({ text: 'x' }))).toMatch(/^must be text/);
		expect(checkDisplayName(42)).toBe('42');
	});

	it('turns label pairs into a map; refuses empty and repeated keys and too many labels', () => {
		expect(checkLabels([{ key: ' team ', value: 'ops' }, { key: 'cost', value: 7 }])).toEqual({ team: 'ops', cost: '7' });
		expect(refusal(() => checkLabels([{ key: 'a', value: '1' }, { key: '', value: '2' }]))).toBe('has an empty key (pair 2)');
		expect(refusal(() => checkLabels([{ key: 'a' }, { key: 'a ' }]))).toBe('has the key "a" more than once');
		const many = Array.from({ length: MAX_LABELS + 1 }, (_, index) => ({ key: `k${index}`, value: '' }));
		expect(refusal(() => checkLabels(many))).toBe(`has ${MAX_LABELS + 1} labels: Enfonica allows at most ${MAX_LABELS}`);
	});


	it('takes whole numbers of at least 1, from a number field or an expression', () => {
		expect(checkWholeNumber(3, 1)).toBe(3);
		expect(checkWholeNumber(' 12 ', 1)).toBe(12);
		for (const bad of [0, -1, 1.5, '', ' ', 'ten', null, undefined]) expect(refusal(() => checkWholeNumber(bad, 1))).toMatch(/^must be a whole number of at least 1 \(got /);
		expect(refusal(() => checkWholeNumber(undefined, 1))).toBe('must be a whole number of at least 1 (got nothing)');
	});

	it('takes whole numbers in a range, or from 0 up, by the same rule', () => {
		expect(checkWholeNumber('20', 1, 20)).toBe(20);
		expect(refusal(() => checkWholeNumber(21, 1, 20))).toBe('must be a whole number from 1 to 20 (got 21)');
		expect(refusal(() => checkWholeNumber('0', 1, 20))).toBe('must be a whole number from 1 to 20 (got "0")');
		expect(checkWholeNumber(0, 0)).toBe(0);
		expect(checkWholeNumber('7', 0)).toBe(7);
		expect(refusal(() => checkWholeNumber(-1, 0))).toBe('must be a whole number, 0 or more (got -1)');
		expect(refusal(() => checkWholeNumber('2.5', 0))).toBe('must be a whole number, 0 or more (got "2.5")');
	});

	it('takes options from a list or comma-separated text, one where one is expected', () => {
		expect(checkChoices('a, b', ['a', 'b', 'c'])).toEqual(['a', 'b']);
		expect(checkChoice('', ['a'])).toBe('');
		expect(refusal(() => checkChoices(['a', 'x'], ['a', 'b']))).toBe('has "x": use a, b');
		expect(refusal(() => checkChoice(['a', 'b'], ['a', 'b']))).toBe('has 2 values (a, b): choose one of a, b');
	});
});
