// Prometheus metrics of the API: process defaults, one histogram of HTTP requests by route, and the
// gauges read from the database on scrape (open repairs, open tickets, degraded providers). They are
// served by startMetricsServer on a port of their own (API_METRICS_PORT), never on the public API port.
import fp from 'fastify-plugin';
import { Histogram, type Registry } from 'prom-client';
import type { Orm } from '../../core/db/orm.js';
import { registerDatabaseGauges } from '../../core/metrics/database-gauges.js';
import { createMetricsRegistry } from '../../core/metrics/metrics-server.js';

declare module 'fastify' {
  interface FastifyInstance {
    metrics: Registry;
  }
}

export const metricsPlugin = fp<{ registry?: Registry; orm: Orm }>(
  async (app, options) => {
    const registry = options.registry ?? createMetricsRegistry('repair-api');
    const duration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP requests by method, route and status code.',
      labelNames: ['method', 'route', 'status_code'] as const,
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    });
    // The API holds the gauges the database knows: it has the connection and is scraped anyway.
    registerDatabaseGauges(registry, options.orm, (error, gauge) => app.log.warn({ err: error, gauge }, 'metrics: could not read a gauge from the database'));
    app.decorate('metrics', registry);
    app.addHook('onResponse', async (request, reply) => {
      // The route pattern, not the URL, keeps label cardinality bounded.
      const route = request.routeOptions.url ?? 'unmatched';
      duration.observe({ method: request.method, route, status_code: String(reply.statusCode) }, reply.elapsedTime / 1000);
    });
  },
  { name: 'metrics' },
);
