import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';

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
