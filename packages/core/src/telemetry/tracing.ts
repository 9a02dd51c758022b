import type { NextFunction, Request, Response } from 'express';
import type { PostJson } from '../http/postJson.ts';

/**
 * One span of a request's trace. Names and attributes say what ran (a service, a fixed route, an
 * HTTP status, a count), never a client, an id of one, a caller or a value.
 */
export interface RequestTrace {
  /** A span within this one, e.g. a call to another service. */
  child(name: string): RequestTrace;
  /** The W3C `traceparent` of this span, to send with a call made within it (none when off). */
  headers(): Record<string, string>;
  setAttribute(key: string, value: number | string | boolean): void;
  end(failed?: boolean): void;
}

/** A deployable's tracer: no-op unless OTLP export is configured. */
export interface Tracing {
  /**
   * Starts a request's span: within the trace of `traceparent` when it is given (a call from
   * another part of the hub), else a new trace.
   */
  startRequest(name: string, traceparent?: string): RequestTrace;
  /** Sends what is still buffered and stops. */
  shutdown(): Promise<void>;
}

/** Where spans go: an OTLP/HTTP endpoint, or (tests) an exporter given in code. */
export type TracingConfig = { readonly otlpEndpoint: string } | { readonly exporter: unknown };

const NO_SPAN: RequestTrace = {
  child: () => NO_SPAN,
  headers: () => ({}),
  setAttribute: () => undefined,
  end: () => undefined,
};

export const NO_TRACING: Tracing = { startRequest: () => NO_SPAN, shutdown: async () => undefined };

/**
 * The tracing of one deployable (`service` names it in every span's resource). Off (null), none of
 * OpenTelemetry's SDK is loaded: it is imported here only when export is configured.
 */
export async function createTracing(service: string, config: TracingConfig | null): Promise<Tracing> {
  if (!config) return NO_TRACING;
  const { otelTracing } = await import('./otelTracing.ts');
  return otelTracing(service, config);
}

/** Where a request's span is kept between the middleware and the GraphQL context. */
const TRACE_LOCAL = 'kimTrace';

/**
 * Express middleware: one span per request to `route`, named by it (a fixed path, never the URL
 * with its query), continuing the caller's trace only when `trusted` (a service behind the
 * gateway); ended with the response's status.
 */
export function traceRequests(tracing: Tracing, route: string, trusted: boolean) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const span = tracing.startRequest(`${req.method} ${route}`, trusted ? req.header('traceparent') : undefined);
    res.locals[TRACE_LOCAL] = span;
    res.once('finish', () => {
      span.setAttribute('http.response.status_code', res.statusCode);
      span.end(res.statusCode >= 500);
    });
    next();
  };
}

/** The span traceRequests started for this response (a no-op one if none). */
export function requestTrace(res: Response): RequestTrace {
  return (res.locals[TRACE_LOCAL] as RequestTrace | undefined) ?? NO_SPAN;
}

/**
 * The consent calls of a request, each a span within `trace` that carries its `traceparent`, so
 * that the consent service's spans join the request's trace. As it is when nothing is traced.
 */
export function tracedPost(post: PostJson, trace: RequestTrace): PostJson {
  if (trace === NO_SPAN) return post;
  return async (url, headers, body, timeoutMs) => {
    const span = trace.child(`POST ${new URL(url).pathname}`);
    try {
      const response = await post(url, { ...headers, ...span.headers() }, body, timeoutMs);
      span.setAttribute('http.response.status_code', response.status);
      span.end(!response.ok);
      return response;
    } catch (error) {
      span.end(true);
      throw error;
    }
  };
}
