// Loaded only when traces are exported (createTracing): the SDK stays out of a process that does not trace.
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, defaultTextMapGetter, defaultTextMapSetter, trace, type Context, type Span } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, SimpleSpanProcessor, TracerProvider, type SpanExporter } from '@opentelemetry/sdk-trace';
import type { RequestTrace, Tracing, TracingConfig } from './tracing.ts';

const propagator = new W3CTraceContextPropagator();

/**
 * A tracer provider of this deployable's own (not the global one: the demo runs every service in
 * one process, each must name itself). Parents are passed explicitly, request by request, so no
 * context manager is installed either.
 */
export function otelTracing(service: string, config: TracingConfig): Tracing {
  const processor =
    'otlpEndpoint' in config
      ? new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url: `${config.otlpEndpoint.replace(/\/$/, '')}/v1/traces` }) })
      : new SimpleSpanProcessor({ exporter: config.exporter as SpanExporter });
  const provider = new TracerProvider({ resource: resourceFromAttributes({ 'service.name': `kim-${service}` }), spanProcessors: [processor] });
  const tracer = provider.getTracer('kim-hub');

  const wrap = (span: Span, context: Context): RequestTrace => ({
    child: (name) => {
      const childSpan = tracer.startSpan(name, { kind: SpanKind.CLIENT }, context);
      return wrap(childSpan, trace.setSpan(context, childSpan));
    },
    headers: () => {
      const carrier: Record<string, string> = {};
      propagator.inject(context, carrier, defaultTextMapSetter);
      return carrier;
    },
    setAttribute: (key, value) => void span.setAttribute(key, value),
    end: (failed) => {
      if (failed) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    },
  });

  return {
    startRequest: (name, traceparent) => {
      const parent = traceparent ? propagator.extract(ROOT_CONTEXT, { traceparent }, defaultTextMapGetter) : ROOT_CONTEXT;
      const span = tracer.startSpan(name, { kind: SpanKind.SERVER }, parent);
      return wrap(span, trace.setSpan(parent, span));
    },
    shutdown: () => provider.shutdown(),
  };
}
