/** Where our URL goes in a number's handler list (priority order: the first is the primary). */

import { MAX_HANDLER_URIS } from '../helpers/handlerUris';

export type HandlerPosition = 'first' | 'last';

/** Whether the list already has our URL where it was asked for: nothing to change then. */
export function isInPlace(list: readonly string[], url: string, position: HandlerPosition): boolean {
	return position === 'first' ? list[0] === url : list.includes(url);
}

/** The URLs others put there, in their order, without ours. */
export function othersIn(list: readonly string[], urls: readonly string[]): string[] {
	return list.filter((entry) => !urls.includes(entry));
}

/** Whether our URL fits: a list of 5 others has no room (Enfonica allows at most 5). */
export function hasRoom(list: readonly string[], url: string): boolean {
	return othersIn(list, [url]).length < MAX_HANDLER_URIS;
}

/** The list with our URL once, at `position`, the others kept in their order. */
export function placed(list: readonly string[], url: string, position: HandlerPosition): string[] {
	const others = othersIn(list, [url]);
	return position === 'first' ? [url, ...others] : [...others, url];
}
