import type { RequestHandler } from 'express';

/**
 * Set before anything else answers, so that every response carries them: GraphQL results,
 * Apollo's own refusals (401, 403, CSRF, batching), body-parser's 400/413 and the health checks.
 * Responses can carry personal data, so no cache may keep any of them.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  // Nothing the gateway answers is a page: no script, style or frame of any origin may load.
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
});

export const securityHeaders: RequestHandler = (_req, res, next) => {
  res.set(SECURITY_HEADERS);
  next();
};
