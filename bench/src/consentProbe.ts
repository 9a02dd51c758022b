import pg from 'pg';

/**
 * Queries on a side's consent database as its owner, outside the side's counted SQL (audit rows
 * written, grants, a plan), with unqualified table names. On PostgreSQL the parent's own
 * connection to the side's schema; on PGlite, whose folder only the side's process may open, the
 * side runs them for the parent (child.ts, message `sql`).
 */
export interface ConsentProbe {
  query<Row extends Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<Row[]>;
  close(): Promise<void>;
}

/** A connection to the schema named by the URL's `schema` parameter (as the services read it). */
export async function postgresProbe(consentUrl: string): Promise<ConsentProbe> {
  const url = new URL(consentUrl);
  const schema = url.searchParams.get('schema') ?? 'public';
  url.searchParams.delete('schema');
  const client = new pg.Client({ connectionString: url.toString(), options: `-c search_path="${schema.replace(/"/g, '')}"` });
  await client.connect();
  return {
    query: async <Row extends Record<string, unknown>>(text: string, params: readonly unknown[] = []) => (await client.query(text, params as unknown[])).rows as Row[],
    close: () => client.end(),
  };
}

/** Through a side's process: `ask` sends it a message and waits for the answer of that type. */
export function sideProbe(ask: <T>(type: string, extra?: object) => Promise<T>): ConsentProbe {
  return {
    query: async <Row extends Record<string, unknown>>(text: string, params: readonly unknown[] = []) => (await ask<{ rows: Row[] }>('sql', { text, params })).rows,
    close: async () => undefined,
  };
}
