/** Injected faults: ordered rules, each failing a window of its matching requests. */
import type { FaultRule } from './types';

interface ActiveRule {
	rule: FaultRule;
	/** Matching requests seen since injection. */
	seen: number;
	first: number;
	last: number;
}

function matches(rule: FaultRule, method: string, path: string): boolean {
	if (rule.method !== undefined && rule.method.toUpperCase() !== method.toUpperCase()) return false;
	if (rule.path === undefined) return true;
	if (typeof rule.path === 'string') return rule.path === path;
	rule.path.lastIndex = 0; // a /g or /y regex would otherwise remember its last position
	return rule.path.test(path);
}

export function describeFault(rule: FaultRule): string {
	const fault = rule.fault;
	switch (fault.kind) {
		case 'status':
			return `status:${fault.status}`;
		case 'hang':
			return fault.ms === undefined ? 'hang' : `hang:${fault.ms}ms`;
		case 'answer':
			return `answer:${fault.status}`;
		default:
			return fault.kind;
	}
}

export class FaultBook {
	private rules: ActiveRule[] = [];

	add(rule: FaultRule): void {
		const nth = rule.nth ?? 1;
		const times = rule.times ?? 1;
		if (!Number.isInteger(nth) || nth < 1) throw new Error(`FaultRule.nth must be an integer >= 1, got ${nth}`);
		if (!Number.isInteger(times) || times < 1) throw new Error(`FaultRule.times must be an integer >= 1, got ${times}`);
		this.rules.push({ rule, seen: 0, first: nth, last: nth + times - 1 });
	}

	clear(): void {
		this.rules = [];
	}

	/**
	 * Counts the request against every matching rule and returns the first rule whose window covers it.
	 * A rule that is due but loses to an earlier one still uses up that slot of its window.
	 */
	take(method: string, path: string): FaultRule | undefined {
		let chosen: FaultRule | undefined;
		for (const active of this.rules) {
			if (!matches(active.rule, method, path)) continue;
			active.seen++;
			if (!chosen && active.seen >= active.first && active.seen <= active.last) chosen = active.rule;
		}
		this.rules = this.rules.filter((active) => active.seen < active.last);
		return chosen;
	}
}
