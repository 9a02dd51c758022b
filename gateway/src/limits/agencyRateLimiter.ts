import { HeaderMap } from '@apollo/server';
import type { Agency } from '@kim/schema';
import { hubError } from '@kim/core';
import type { GraphQLError } from 'graphql';
import { BudgetStoreUnavailable, MemoryBudgets, rateLimitUnavailable, type Budgets } from './budgets.ts';
import type { TakeResult } from './tokenBucket.ts';

export interface RateLimitConfig {
  /** Tokens an agency may spend at once: each request costs 1, each object it asks for 1 more. */
  readonly capacity: number;
  /** Tokens an agency gets back per minute. */
  readonly refillPerMinute: number;
  /** Tokens one user (agency and `sub`) may spend at once, within the agency's. */
  readonly userCapacity: number;
  /** Tokens one user gets back per minute. */
  readonly userRefillPerMinute: number;
}

/** A user's default budget: a quarter of the agency's, so that no one member can spend it all. */
export const DEFAULT_RATE_LIMIT: RateLimitConfig = Object.freeze({ capacity: 10_000, refillPerMinute: 5_000, userCapacity: 2_500, userRefillPerMinute: 1_250 });

/** Who is charged: the user within its agency. */
export interface Payer {
  readonly agency: Agency;
  readonly subject: string;
}

/** Which budget refused: named in the error for the metrics (formatError never passes it on). */
export type RefusingBudget = 'user' | 'agency' | 'address';

export function rateLimited(result: Extract<TakeResult, { ok: false }>, message: string, budget: RefusingBudget): GraphQLError {
  const headers = new HeaderMap();
  if (result.retryAfterSeconds !== null) headers.set('retry-after', String(result.retryAfterSeconds));
  const when = result.retryAfterSeconds === null ? 'ask for fewer objects' : `retry after ${result.retryAfterSeconds} s`;
  const error = hubError('RATE_LIMITED', `${message}; ${when}.`, { budget });
  // Read by Apollo Server for the HTTP status and headers; formatError never passes it on.
  error.extensions.http = { status: 429, headers };
  return error;
}

/**
 * Two budgets for every request: its agency's, and its user's within it (a quarter of the
 * agency's by default), so that one member's flood cannot starve the rest of the agency. Both
 * are taken or neither. Kept in this gateway process's memory unless shared budgets are given
 * (Redis, so that replicas spend one budget; see the README). When the shared store cannot be
 * asked, the request is refused (RATE_LIMIT_UNAVAILABLE), never let through unmetered.
 */
export class AgencyRateLimiter {
  constructor(
    private readonly agencies: Budgets,
    private readonly users: Budgets,
  ) {}

  /** Both budgets in this process's memory (the default). */
  static inMemory(config: RateLimitConfig, now: () => number = () => performance.now()): AgencyRateLimiter {
    return new AgencyRateLimiter(
      new MemoryBudgets({ capacity: config.capacity, refillPerMinute: config.refillPerMinute }, now),
      new MemoryBudgets({ capacity: config.userCapacity, refillPerMinute: config.userRefillPerMinute }, now),
    );
  }

  /** Takes the request's own token at the door; throws RATE_LIMITED (HTTP 429) when there is none. */
  async admitRequest(payer: Payer): Promise<void> {
    await this.take(payer, 1, 'another request');
  }

  /** Takes one token per object the operation asks for, before it runs; throws RATE_LIMITED if short. */
  async chargeObjects(payer: Payer, objects: number): Promise<void> {
    if (objects > 0) await this.take(payer, objects, `${objects} more objects`);
  }

  /**
   * Charges what a request made the hub decide and record (consent decisions, each an audit
   * row), known only once it ran: taken whatever is left, into debt, so that the next requests
   * wait until the budgets have refilled past it.
   */
  async chargeAfter(payer: Payer, cost: number): Promise<void> {
    if (cost <= 0) return;
    await shared(async () => {
      await this.users.charge(userKey(payer), cost);
      await this.agencies.charge(payer.agency, cost);
    });
  }

  /** Tokens an agency has now (a full bucket if it has not asked yet). */
  available(agency: Agency): Promise<number> {
    return this.agencies.available(agency);
  }

  /** Tokens a user has now. */
  availableTo(payer: Payer): Promise<number> {
    return this.users.available(userKey(payer));
  }

  private async take(payer: Payer, cost: number, what: string): Promise<void> {
    const refusal = await shared(async () => {
      const own = await this.users.take(userKey(payer), cost);
      if (!own.ok) return rateLimited(own, `Rate limit: your budget does not cover ${what}`, 'user');
      const agency = await this.agencies.take(payer.agency, cost);
      if (agency.ok) return null;
      await this.users.give(userKey(payer), cost);
      return rateLimited(agency, `Rate limit: your agency's budget does not cover ${what}`, 'agency');
    });
    if (refusal) throw refusal;
  }
}

/** Runs a budget operation; a shared store that does not answer refuses the request (HTTP 503). */
export async function shared<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof BudgetStoreUnavailable) throw rateLimitUnavailable();
    throw error;
  }
}

const userKey = (payer: Payer) => `${payer.agency}\u0000${payer.subject}`;
