/**
 * The server's Prometheus metrics (prom-client), one registry per server: requests by route and status with their
 * latency, the Node.js process (event-loop lag, memory, handles), appends, the screening indexes this process
 * holds, the database pool, and whatever else registers a gauge (the job queue). Read as text at GET /metrics
 * (README, "Health and metrics").
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { countOpenJobs } from '../jobs/job-store.js';
import { indexStats } from '../screening/match-index-cache.js';
import type { Db } from '../store/db.js';

export interface ServerMetrics {
  registry: Registry;
  /** One answered request: its route template (not the URL, which would name persons), status and duration. */
  observeRequest(method: string, route: string, status: number, seconds: number): void;
  /** One append request that committed, with the events it added. */
  countAppend(outcome: 'committed' | 'refused', events: number): void;
  /** A screening (of names or of a person), with its duration. */
  observeScreening(seconds: number): void;
}

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export function createServerMetrics(db: Db, now: () => number = Date.now): ServerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });
  const requests = new Counter({ name: 'imketen_http_requests_total', help: 'HTTP requests answered, by method, route template and status', labelNames: ['method', 'route', 'status'], registers: [registry] });
  const latency = new Histogram({ name: 'imketen_http_request_duration_seconds', help: 'Time to answer an HTTP request, by method, route template and status', labelNames: ['method', 'route', 'status'], buckets: LATENCY_BUCKETS, registers: [registry] });
  const appends = new Counter({ name: 'imketen_append_requests_total', help: 'Append requests (POST /api/events), committed or refused', labelNames: ['outcome'], registers: [registry] });
  const appended = new Counter({ name: 'imketen_events_appended_total', help: 'Events added to the log through this server', registers: [registry] });
  const screening = new Histogram({ name: 'imketen_screening_duration_seconds', help: 'Time to screen names or a person against a watchlist', buckets: LATENCY_BUCKETS, registers: [registry] });
  new Gauge({
    name: 'imketen_screening_index_entries', help: 'Entries of the match indexes this process holds, by kind (registry, watchlist)', labelNames: ['kind'], registers: [registry],
    collect() {
      this.reset();
      for (const [kind, entries] of sumBy(indexStats(), (stats) => stats.entries)) this.set({ kind }, entries);
    },
  });
  new Gauge({
    name: 'imketen_screening_index_age_seconds', help: 'Age of the newest match index this process holds, by kind', labelNames: ['kind'], registers: [registry],
    collect() {
      this.reset();
      const at = now();
      for (const [kind, newest] of maxBy(indexStats(), (stats) => stats.builtAt)) this.set({ kind }, (at - newest) / 1000);
    },
  });
  new Gauge({
    name: 'imketen_jobs', help: 'Background jobs waiting or running, by queue and state (created, retry, active)', labelNames: ['queue', 'state'], registers: [registry],
    async collect() {
      this.reset();
      for (const row of await countOpenJobs(db).catch(() => [])) this.set({ queue: row.queue, state: row.state }, row.count);
    },
  });
  if (db.poolStats) {
    const stats = db.poolStats.bind(db);
    new Gauge({
      name: 'imketen_db_pool_connections', help: 'Connections of the PostgreSQL pool, by state (total, idle, waiting clients)', labelNames: ['state'], registers: [registry],
      collect() {
        const pool = stats();
        this.set({ state: 'total' }, pool.total);
        this.set({ state: 'idle' }, pool.idle);
        this.set({ state: 'waiting' }, pool.waiting);
      },
    });
  }
  return {
    registry,
    observeRequest(method, route, status, seconds) {
      const labels = { method, route, status: String(status) };
      requests.inc(labels);
      latency.observe(labels, seconds);
    },
    countAppend(outcome, events) {
      appends.inc({ outcome });
      if (events > 0) appended.inc(events);
    },
    observeScreening(seconds) {
      screening.observe(seconds);
    },
  };
}

function sumBy<T>(items: readonly (T & { kind: string })[], value: (item: T) => number): Map<string, number> {
  const sums = new Map<string, number>();
  for (const item of items) sums.set(item.kind, (sums.get(item.kind) ?? 0) + value(item));
  return sums;
}

function maxBy<T>(items: readonly (T & { kind: string })[], value: (item: T) => number): Map<string, number> {
  const most = new Map<string, number>();
  for (const item of items) most.set(item.kind, Math.max(most.get(item.kind) ?? -Infinity, value(item)));
  return most;
}
