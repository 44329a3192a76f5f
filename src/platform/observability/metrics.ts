import type { MiddlewareHandler } from 'hono';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { AppEnv } from '../http/env.ts';

/** One registry per process: Prometheus scrapes `/metrics`. */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

const requests = new Counter({
  name: 'relais_http_requests_total',
  help: 'HTTP requests by route pattern, method and status',
  labelNames: ['route', 'method', 'status'] as const,
  registers: [metricsRegistry],
});

const duration = new Histogram({
  name: 'relais_http_request_duration_seconds',
  help: 'HTTP request duration by route pattern',
  labelNames: ['route', 'method'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [metricsRegistry],
});

export const queueDepth = new Gauge({
  name: 'relais_job_queue_depth',
  help: 'Jobs waiting in each queue',
  labelNames: ['queue'] as const,
  registers: [metricsRegistry],
});

/**
 * Counts and times every request by its route pattern (`/admin/organisations/:id`, never the raw path, so that
 * ids do not explode the series) and writes one JSON log line with the request id.
 */
export function observe(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const start = performance.now();
    await next();
    const seconds = (performance.now() - start) / 1000;
    const route = c.res.status === 404 && c.req.routePath === '/*' ? 'unmatched' : c.req.routePath;
    requests.inc({ route, method: c.req.method, status: String(c.res.status) });
    duration.observe({ route, method: c.req.method }, seconds);
    c.get('services').logger.info(
      { requestId: c.get('requestId'), method: c.req.method, route, path: c.req.path, status: c.res.status, ms: Math.round(seconds * 1000) },
      'request',
    );
  };
}
