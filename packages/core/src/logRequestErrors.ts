import type { GraphQLError } from 'graphql';
import type { Logger } from './logger.ts';

/**
 * Logs a request's errors once per code and field (the path with its list indices left out) and
 * what was refused (category, argument, norm), with how many there were: a refusal repeated on
 * every object of a page is one event, not one per object (a page of 40 clients whose one field a
 * role may not read wrote 40 lines at each of gateway and service). The first error of each group
 * is logged whole (`err`). Paths name fields and indices only, never a value.
 */
export function logRequestErrors(log: Logger, requestId: string | undefined, errors: readonly GraphQLError[], message: string, skip: ReadonlySet<unknown>): void {
  const groups = new Map<string, { first: GraphQLError; count: number; fields: Record<string, unknown> }>();
  for (const error of errors) {
    const code = error.extensions?.code;
    if (skip.has(code)) continue;
    const path = error.path?.filter((p) => typeof p === 'string').join('.');
    const refused = { category: error.extensions?.category, argument: error.extensions?.argument, norm: error.extensions?.norm };
    const key = JSON.stringify([code, path, refused]);
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { first: error, count: 1, fields: { code, ...(path ? { path } : {}), ...withoutUndefined(refused) } });
  }
  for (const { first, count, fields } of groups.values()) log.warn({ requestId, ...fields, count, err: first.originalError ?? first }, message);
}

const withoutUndefined = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
