import { hasRoom, isInPlace, placed } from '../../../../nodes/Enfonica/inbound/handlerList';

describe('where the URL goes in a handler list', () => {
	const ours = 'https://n8n.example.com/webhook/abc/message';
	it('first: ours becomes the primary, the others keep their order; never twice', () => {
		expect(placed(['https://a', 'https://b'], ours, 'first')).toEqual([ours, 'https://a', 'https://b']);
		expect(placed(['https://a', ours, 'https://b'], ours, 'first')).toEqual([ours, 'https://a', 'https://b']);
		expect(isInPlace([ours, 'https://a'], ours, 'first')).toBe(true);
		expect(isInPlace(['https://a', ours], ours, 'first')).toBe(false);
	});

	it('last: a failover after the others', () => {
		expect(placed(['https://a', 'https://b'], ours, 'last')).toEqual(['https://a', 'https://b', ours]);
		expect(isInPlace(['https://a', ours, 'https://b'], ours, 'last')).toBe(true);
	});

	it('five others leave no room; four others, or ours among five, do', () => {
		const others = ['https://a', 'https://b', 'https://c', 'https://d'];
		expect(hasRoom(others, ours)).toBe(true);
		expect(hasRoom([...others, ours], ours)).toBe(true);
		expect(hasRoom([...others, 'https://e'], ours)).toBe(false);
	});
});
