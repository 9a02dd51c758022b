import type { ClientFilter } from './gql/graphql.ts';

/** The longest name the graph accepts in `ClientFilter.name`. */
const MAX_NAME_LENGTH = 100;

/**
 * The graph's filter for what was typed into the client list's search: a term that looks like
 * (the start of) a KIM id — `K`, `K-`, `K-0001` — searches ids; anything else searches names.
 */
export function searchFilter(term: string): Pick<ClientFilter, 'name' | 'idPrefix'> {
  const t = term.trim();
  if (!t) return {};
  return /^k(-\d*)?$/i.test(t) ? { idPrefix: t.toUpperCase() } : { name: t.slice(0, MAX_NAME_LENGTH) };
}
