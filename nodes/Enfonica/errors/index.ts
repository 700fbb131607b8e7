/**
 * Every error this package shows, shaped in one place:
 * - input.ts: bad input, caught before any request (`inputError`, `checked`, `toInputError`), and
 *   any other error as one n8n shows well (`asNodeError`);
 * - answers.ts: what Enfonica answered (a refusal, no answer, a listing that repeats a page token),
 *   as what happened and how to fix it;
 * - outcome.ts: reading such an error afterwards (sent how often, not found, may the change have
 *   happened) and saying that a read found the change not made;
 * - item.ts: an item's failure under Continue On Fail or not;
 * - network.ts: the one table of failures below HTTP (which are retried, which mean a timeout, their words);
 * - token.ts: a failed exchange of the service account key for an access token.
 */
export * from './answers';
export * from './input';
export * from './item';
export * from './network';
export * from './outcome';
export * from './token';
