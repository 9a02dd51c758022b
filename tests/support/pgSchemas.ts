import pg from 'pg';

/** A service database URL on the test server: `base` with its own schema, as another login if given. */
export function schemaUrl(base: string, schema: string, user?: string): string {
  const url = new URL(base);
  if (user) {
    url.username = user;
    url.password = '';
  }
  url.searchParams.set('schema', schema);
  return url.toString();
}

/** A name no other test run uses, for schemas and roles. */
export function uniqueSuffix(label: string): string {
  return `${label}_${process.pid}_${Date.now().toString(36)}`.replace(/[^a-z0-9_]/gi, '_').toLowerCase();
}

/** Runs statements as the server's admin (the base URL's user) on one connection. */
export async function asAdmin(base: string, statements: readonly string[]): Promise<void> {
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}

export function dropSchemas(base: string, schemas: readonly string[]): Promise<void> {
  return asAdmin(base, schemas.map((schema) => `DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
}
