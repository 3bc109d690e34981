/**
 * The throughput benchmark on several cores: each worker thread builds its own index of the same 100,000
 * entries and screens its share of the 10,000 queries (an index is read-only while it screens, so a server
 * would do the same with one index per core). Prints queries/s over the wall-clock time of the slowest worker.
 *
 * Run: node --import tsx bench/matching/throughput-parallel.ts [--data DIR] [--workers 2] [--entries 100000] [--queries 10000]
 */
import { loadavg } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { MatchIndex } from '../../src/matching/api.js';
import { argument, dataDir } from './data.js';
import { syntheticWorkload } from './synthetic.js';

interface Job { dir: string; entries: number; queries: number; worker: number; workers: number }
interface Report { buildMs: number; searchMs: number; queries: number; hits: number }

if (isMainThread) {
  const workers = Number(argument('workers') ?? 2);
  const job = { dir: dataDir(), entries: Number(argument('entries') ?? 100_000), queries: Number(argument('queries') ?? 10_000), workers };
  let peakRss = 0;
  const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss); }, 100);
  const started = performance.now();
  const reports = await Promise.all(Array.from({ length: workers }, (_, worker) => new Promise<Report>((resolve, reject) => {
    // a worker does not inherit tsx from `--import`: register it, then load this file
    const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); })`;
    const thread = new Worker(bootstrap, { eval: true, workerData: { ...job, worker } satisfies Job });
    thread.once('message', (report: Report) => resolve(report));
    thread.once('error', reject);
  })));
  clearInterval(sampler);
  const searchMs = Math.max(...reports.map((report) => report.searchMs));
  const total = reports.reduce((sum, report) => sum + report.queries, 0);
  console.log(`${workers} workers, each with its own index of ${job.entries} entries (built in ${(Math.max(...reports.map((report) => report.buildMs)) / 1000).toFixed(1)} s)`);
  console.log(`${total} queries in ${(searchMs / 1000).toFixed(2)} s: ${(total / (searchMs / 1000)).toFixed(0)} queries/s (load average now ${loadavg()[0]?.toFixed(1)}; whole run ${((performance.now() - started) / 1000).toFixed(0)} s)`);
  console.log(`peak RSS of the process (all workers) ${(Math.max(peakRss, process.resourceUsage().maxRSS * 1024) / 1024 / 1024).toFixed(0)} MB`);
} else {
  const job = workerData as Job;
  const { entries, queries } = syntheticWorkload(job.dir, job.entries, job.queries);
  const buildStart = performance.now();
  const index = MatchIndex.from(entries);
  const buildMs = performance.now() - buildStart;
  const mine = queries.filter((_, position) => position % job.workers === job.worker);
  let hits = 0;
  const searchStart = performance.now();
  for (const query of mine) hits += index.search(query).hits.length;
  parentPort?.postMessage({ buildMs, searchMs: performance.now() - searchStart, queries: mine.length, hits } satisfies Report);
}
