/**
 * Throughput of screening: 10,000 queries against 100,000 entries. The entries are the UN and OFAC lists
 * grown with synthetic variants (names recombined from real name parts, spelling variants, typos, dropped
 * parts); the queries are variants of entries (typos, reordering, dropped parts, other spellings) and names
 * that are on no list. Deterministic (seeded). Prints queries/s, latency percentiles and peak memory.
 *
 * Run: node --import tsx bench/matching/throughput.ts [--data DIR] [--entries 100000] [--queries 10000]
 */
import { loadavg } from 'node:os';
import { MatchIndex } from '../../src/matching/api.js';
import { argument, dataDir } from './data.js';
import { syntheticWorkload } from './synthetic.js';

const dir = dataDir();
const { real: realCount, entries, queries, sources } = syntheticWorkload(dir, Number(argument('entries') ?? 100_000), Number(argument('queries') ?? 10_000));

let peakRss = 0;
const sample = (): void => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};
const sampler = setInterval(sample, 50);

const buildStart = performance.now();
const index = MatchIndex.from(entries);
const buildMs = performance.now() - buildStart;
sample();
const afterBuild = process.memoryUsage();

const latencies: number[] = [];
const slowest: Array<[number, string]> = [];
let hits = 0;
let found = 0;
const cpuStart = process.cpuUsage();
const searchStart = performance.now();
for (const query of queries) {
  const started = performance.now();
  const result = index.search(query);
  hits += result.hits.length;
  const source = sources.get(latencies.length);
  if (source !== undefined && result.hits.some((hit) => hit.id === source)) found++;
  const took = performance.now() - started;
  latencies.push(took);
  slowest.push([took, query.name]);
  if (latencies.length % 500 === 0) sample();
}
const searchMs = performance.now() - searchStart;
const cpu = process.cpuUsage(cpuStart);
const cpuMs = (cpu.user + cpu.system) / 1000;
clearInterval(sampler);
sample();
latencies.sort((a, b) => a - b);
const percentile = (p: number): string => (latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0).toFixed(2);
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const names = entries.reduce((sum, entry) => sum + entry.names.length, 0);

console.log(`entries ${index.size} (${realCount} real from UN and OFAC, the rest synthetic), ${names} names`);
console.log(`index built in ${(buildMs / 1000).toFixed(1)} s; heap after build ${mb(afterBuild.heapUsed)}, RSS ${mb(afterBuild.rss)}`);
console.log(`${queries.length} queries in ${(searchMs / 1000).toFixed(2)} s: ${(queries.length / (searchMs / 1000)).toFixed(0)} queries/s on one thread`);
console.log(`CPU time of the queries ${(cpuMs / 1000).toFixed(2)} s: ${(queries.length / (cpuMs / 1000)).toFixed(0)} queries per CPU-second (what an idle core would do; the machine's load average now: ${loadavg()[0]?.toFixed(1)})`);
console.log(`queries made from an entry (variants and exact names): ${sources.size}, of which ${(100 * found / Math.max(1, sources.size)).toFixed(1)}% find that entry among their hits`);
console.log(`latency ms: p50 ${percentile(0.5)}, p90 ${percentile(0.9)}, p99 ${percentile(0.99)}, max ${percentile(1)}; ${(hits / queries.length).toFixed(2)} hits a query`);
const showSlowest = Number(argument('slowest') ?? 0);
if (showSlowest > 0) {
  slowest.sort((a, b) => b[0] - a[0]);
  for (const [ms, name] of slowest.slice(0, showSlowest)) console.log(`  ${ms.toFixed(1)} ms  ${name}`);
}
console.log(`peak RSS ${mb(Math.max(peakRss, process.resourceUsage().maxRSS * 1024))}`);
