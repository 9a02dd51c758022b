import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * A JSON logger for one service. Log lines carry ids (request id, agency, category), never client
 * data: the redaction below is a second line of defence for fields that must not appear.
 */
export function createLogger(service: string, level: string): Logger {
  return pino({
    name: service,
    level,
    base: { service },
    redact: { paths: ['req.headers.authorization', 'req.headers["x-kim-assertion"]', 'variables', 'data'], censor: '[redacted]' },
  });
}
