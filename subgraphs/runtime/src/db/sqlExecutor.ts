/** The little a migration runner needs from a database: run a script, and run one query. */
export interface SqlExecutor {
  /** Runs a script of several statements (no parameters). */
  exec(sql: string): Promise<void>;
  /** Runs one parameterised statement and returns its rows. */
  query<Row extends Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
}
