/** One parameterised statement at a time, and its rows. */
export interface SqlQueryable {
  query<Row extends Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
}

/**
 * Raw access to a database: what a migration runner needs (run a script, run one query), and
 * transactions for the few hot paths that cannot afford Prisma's client (about 1 ms of CPU per
 * statement here, against 0.2 ms through the driver).
 */
export interface SqlExecutor extends SqlQueryable {
  /** Runs a script of several statements (no parameters). */
  exec(sql: string): Promise<void>;
  /**
   * Runs `work` in one transaction on one connection: committed when `work` resolves, rolled back
   * when it throws or outlasts `timeoutMs` (then the connection is dropped, which ends whatever
   * statement was waiting, a lock included).
   */
  transaction<T>(work: (tx: SqlQueryable) => Promise<T>, options: TransactionOptions): Promise<T>;
}

export interface TransactionOptions {
  readonly timeoutMs: number;
  /**
   * A statement without parameters that opens the transaction, sent with `BEGIN` in one round
   * trip on PostgreSQL (e.g. taking a lock, so that every statement of the work, each with a
   * snapshot of its own, runs after it was granted). Its rows are not returned.
   */
  readonly opening?: string;
}
