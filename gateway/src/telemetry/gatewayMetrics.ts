import { ERROR_CODES } from '@kim/core';
import type { NextFunction, Request, Response } from 'express';
import type { GraphQLFormattedError } from 'graphql';
import { Counter, Histogram, type Registry } from 'prom-client';

/** What the gateway counts; every label comes from a fixed list (no caller, client or value). */
export interface GatewayMetrics {
  /** Express middleware: counts each request to `/graphql` by HTTP status, and times it. */
  countRequest(req: Request, res: Response, next: NextFunction): void;
  /**
   * Counts an error as it leaves (after formatting: a code of the catalogue), and a rate-limit
   * refusal by the budget that refused (`extensions.budget` of the error before formatting).
   */
  countError(before: GraphQLFormattedError, after: GraphQLFormattedError): void;
}

const BUDGETS = ['user', 'agency', 'address'] as const;

export function gatewayMetrics(registry: Registry): GatewayMetrics {
  const requests = new Counter({
    name: 'kim_gateway_requests_total',
    help: 'Requests to /graphql by HTTP status.',
    labelNames: ['status'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'kim_gateway_request_duration_seconds',
    help: 'Time from a request to /graphql to its response, in seconds.',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'kim_gateway_errors_total',
    help: 'Errors in responses, by extensions.code (CONSENT_REQUIRED included: one per refused field).',
    labelNames: ['code'] as const,
    registers: [registry],
  });
  const refusals = new Counter({
    name: 'kim_gateway_rate_limit_refusals_total',
    help: 'Requests refused RATE_LIMITED, by the budget that refused (user, agency, failing address).',
    labelNames: ['budget'] as const,
    registers: [registry],
  });
  // Every series from the start, so that a rate reads 0 rather than nothing.
  for (const code of Object.keys(ERROR_CODES)) errors.inc({ code }, 0);
  for (const budget of BUDGETS) refusals.inc({ budget }, 0);

  return {
    countRequest: (_req, res, next) => {
      const end = duration.startTimer();
      res.once('finish', () => {
        end();
        requests.inc({ status: String(res.statusCode) });
      });
      next();
    },
    countError: (before, after) => {
      const code = after.extensions?.code;
      if (typeof code === 'string') errors.inc({ code });
      const budget = before.extensions?.budget;
      if (code === 'RATE_LIMITED' && (BUDGETS as readonly unknown[]).includes(budget)) refusals.inc({ budget: budget as string });
    },
  };
}
