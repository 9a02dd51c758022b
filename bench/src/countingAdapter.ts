import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SqlExecutor, SqlQueryable, TransactionOptions } from '@kim/service-kit';

/**
 * Wraps a Prisma driver adapter factory so that every SQL statement Prisma sends (queries,
 * writes, inside transactions too) calls `count`. Done at the adapter, in bench code only, so no
 * service needs a hook: it sees exactly the statements that reach the database, one per round
 * trip, including the raw SQL of the audit appender and COMMIT; BEGIN is not counted (the
 * adapter sends it from inside startTransaction, past the proxy).
 */
export function countingAdapter(factory: SqlMigrationAwareDriverAdapterFactory, count: (sql: string) => void): SqlMigrationAwareDriverAdapterFactory {
  return wrap(factory, count);
}

const COUNTED = new Set(['queryRaw', 'executeRaw']);
const WRAPPED_RESULTS = new Set(['connect', 'connectToShadowDb', 'startTransaction']);

function wrap<T extends object>(target: T, count: (sql: string) => void): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      const value = Reflect.get(obj, prop, receiver) as unknown;
      if (typeof value !== 'function' || typeof prop !== 'string') return value;
      if (COUNTED.has(prop)) {
        return (...args: unknown[]) => {
          count(String((args[0] as { sql?: unknown } | undefined)?.sql ?? ''));
          return (value as (...a: unknown[]) => unknown).apply(obj, args);
        };
      }
      if (WRAPPED_RESULTS.has(prop)) {
        return async (...args: unknown[]) => wrap((await (value as (...a: unknown[]) => Promise<object>).apply(obj, args)) as object, count);
      }
      return (value as (...a: unknown[]) => unknown).bind(obj);
    },
  });
}

/**
 * Counts the statements a service sends through its driver (`db.sql`, past Prisma): every query,
 * and inside a transaction BEGIN (with its limits and opening statement, one round trip), each statement and COMMIT or
 * ROLLBACK. In place, because the service took the executor when it started.
 */
export function countingExecutor(sql: SqlExecutor, count: (sql: string) => void): void {
  const query = sql.query.bind(sql);
  const transaction = sql.transaction.bind(sql);
  const counting = (q: SqlQueryable): SqlQueryable => ({
    query: <Row extends Record<string, unknown>>(text: string, params?: readonly unknown[]) => {
      count(text);
      return q.query<Row>(text, params);
    },
  });
  Object.assign(sql, {
    query: counting({ query }).query,
    transaction: async <T>(work: (tx: SqlQueryable) => Promise<T>, options: TransactionOptions) => {
      count('BEGIN');
      let ended = false;
      try {
        const result = await transaction((tx) => work(counting(tx)), options);
        ended = true;
        count('COMMIT');
        return result;
      } finally {
        if (!ended) count('ROLLBACK');
      }
    },
  } satisfies Partial<SqlExecutor>);
}
