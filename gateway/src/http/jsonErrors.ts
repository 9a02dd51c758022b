import type { Logger } from '@kim/core';
import type { ErrorRequestHandler } from 'express';

function statusOf(error: unknown): number {
  const status = typeof error === 'object' && error !== null && 'status' in error ? error.status : undefined;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : 500;
}

/**
 * Answers what fails before Apollo Server sees the request (an oversized or malformed body) as
 * a GraphQL error response. Express's own handler would answer in HTML with the stack trace and
 * file paths outside production.
 */
export function jsonErrors(log: Logger, bodyLimit: string): ErrorRequestHandler {
  return (error: unknown, _req, res, _next) => {
    const status = statusOf(error);
    const body = (code: string, message: string) => ({ errors: [{ message, extensions: { code } }] });
    if (status === 413) {
      res.status(413).json(body('BAD_REQUEST', `The request body is larger than ${bodyLimit}.`));
    } else if (status < 500) {
      res.status(status).json(body('BAD_REQUEST', 'The request body is not a JSON GraphQL request.'));
    } else {
      log.error({ err: error }, 'unhandled HTTP error');
      res.status(500).json(body('INTERNAL_SERVER_ERROR', 'Internal error.'));
    }
  };
}
