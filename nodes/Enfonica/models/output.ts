import type { IDataObject } from 'n8n-workflow';

/** One output field: its label in Selected Fields, and how it is read from a resource's context. */
export interface OutputField<C> {
	name: string;
	read(context: C): unknown;
}

/**
 * How one resource is output, declared once: every field Selected Fields offers, the ≤ 10 flat
 * fields of Simplified, and `legacy` — what node version 1's Simplify returned, kept for the
 * workflows that store it. `context` computes what several fields share (the number's formats).
 */
export interface OutputModel<T, C = T> {
	/** Always output under Selected Fields: what identifies the resource in a later step. */
	identity: string;
	simplified: readonly string[];
	legacy: readonly string[];
	fields: Record<string, OutputField<C>>;
	context(resource: T): C;
}

/** Which fields an output keeps, in order; 'raw' = the API object as returned. */
export type OutputShape = 'raw' | readonly string[];

/** A function from a resource to its output in `shape`. */
export function presenter<T, C>(model: OutputModel<T, C>, shape: OutputShape): (resource: T) => IDataObject {
	return shape === 'raw' ? (resource) => resource as IDataObject : shaper(model, shape);
}

/** A function that outputs those fields of a resource, in that order. */
export function shaper<T, C>(model: OutputModel<T, C>, keys: readonly string[]): (resource: T) => IDataObject {
	const readers = keys.map((key) => [key, model.fields[key].read] as const);
	return (resource) => {
		const context = model.context(resource);
		const json: IDataObject = {};
		for (const [key, read] of readers) json[key] = read(context) as IDataObject[string];
		return json;
	};
}

/** Computes `compute()` on first use only (the number's formats cost more than the rest together). */
export function once<V>(compute: () => V): () => V {
	let value: V | undefined;
	let done = false;
	return () => {
		if (!done) {
			value = compute();
			done = true;
		}
		return value as V;
	};
}
