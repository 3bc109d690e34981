/**
 * The server benchmark (issue 3): against the 1M-event demo registry, on PostgreSQL and on PGlite, load from this
 * process (the server runs in its own) over loopback with autocannon: a case timeline read and an event append,
 * requests/s with p50/p99 latency.
 *
 *   node --import tsx bench/server/server-bench.ts [--engines postgres,pglite] [--url postgres://…/imketen_bench]
 *        [--dir /tmp/imketen-bench/pglite] [--duration 20] [--connections 16]
 *
 * The stores must hold the demo registry already (`imketen demo --scale 82` gives ~1,005,000 events):
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/imketen_bench npx imketen demo --scale 82
 *   npx imketen --data-dir /tmp/imketen-bench/pglite demo --scale 82
 *
 * Several servers on one PostgreSQL database (issue 15), with --processes: the same read and append with 1, 2, 3, …
 * server processes, the load spread evenly over them; then, on all of them, person search (GET /api/matching/persons)
 * while a new person is appended 10 times a second, and /api/health all along: p50/p99 of each.
 *   node --import tsx bench/server/server-bench.ts --processes 1,2,3 --url postgres://…/imketen_multi_bench [--duration 20]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { issueToken } from '../../src/accounts/api-tokens.js';
import { loadPolicy } from '../../src/policy/policy.js';
import { openStore } from '../../src/store/open-store.js';
import type { StoreConfig } from '../../src/config/runtime.js';

const { values } = parseArgs({
  options: {
    engines: { type: 'string', default: 'postgres,pglite' },
    url: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/imketen_bench' },
    dir: { type: 'string', default: '/tmp/imketen-bench/pglite' },
    duration: { type: 'string', default: '20' },
    connections: { type: 'string', default: '16' },
    only: { type: 'string', default: 'read,append' },
    processes: { type: 'string' },
    'append-rate': { type: 'string', default: '10' },
    /** Another build's bin/imketen.js to run as the server (to compare with an earlier version on the same machine). */
    bin: { type: 'string' },
  },
});
const BIN = values.bin ?? join(import.meta.dirname, '..', '..', 'bin', 'imketen.js');
const duration = Number(values.duration);
const connections = Number(values.connections);

async function prepare(store: StoreConfig): Promise<{ token: string; stream: string; events: number }> {
  const db = await openStore(store);
  try {
    const token = (await issueToken(db, loadPolicy(), { name: `bench-${Date.now()}`, role: 'police' }, undefined, new Date())).token;
    // A criminal case of typical length: the timeline the benchmark reads.
    const [row] = await db.query<{ stream: string }>(
      "SELECT stream FROM events WHERE kind = 'criminal' GROUP BY stream HAVING count(*) BETWEEN 6 AND 12 ORDER BY stream LIMIT 1",
    );
    const [count] = await db.query<{ n: number }>('SELECT count(*)::integer AS n FROM events');
    return { token, stream: row!.stream, events: count!.n };
  } finally {
    await db.close();
  }
}

function startServer(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], {
      env: { ...process.env, IMKETEN_DEMO_ACCOUNTS: 'false', IMKETEN_LOG_LEVEL: 'error', ...env }, stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const match = /running at (http:\/\/[\d.:]+)/.exec(out);
      if (match) resolve({ child, url: match[1]! });
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code})`)));
  });
}

interface Result { name: string; requests: number; rps: number; p50: number; p99: number; errors: number; non2xx: number; cpuMs?: string }

/** CPU time (ms) a process has used: /proc/<pid>/stat utime + stime, in clock ticks of 10 ms. */
function cpuOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/** The PostgreSQL backends serving the benchmark's database (the server's pool). */
async function backendPids(url: string): Promise<number[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const database = new URL(url).pathname.slice(1);
    const result = await client.query('SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [database]);
    return result.rows.map((row: { pid: number }) => row.pid);
  } finally {
    await client.end();
  }
}

/**
 * Runs one load; also measures the CPU the server process and its database backends spent per request, so the
 * figures can be judged on a machine that other work keeps busy (the throughput an idle 2-core machine allows is
 * about 2,000 ms / (CPU ms per request)).
 */
async function load(name: string, options: autocannon.Options, server: ChildProcess, databaseUrl?: string): Promise<Result> {
  const backends = databaseUrl ? await backendPids(databaseUrl) : [];
  const database = () => backends.reduce((sum, pid) => sum + cpuOf(pid), 0);
  const [serverBefore, databaseBefore] = [cpuOf(server.pid!), database()];
  const result = await autocannon({ duration, connections, ...options });
  const [serverSpent, databaseSpent] = [cpuOf(server.pid!) - serverBefore, database() - databaseBefore];
  const perRequest = (ms: number) => (ms / result.requests.total).toFixed(2);
  return {
    name, requests: result.requests.total, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99,
    errors: result.errors, non2xx: result.non2xx, cpuMs: result.requests.total > 0 ? `${perRequest(serverSpent + databaseSpent)} (${perRequest(serverSpent)} + ${perRequest(databaseSpent)})` : '-',
  };
}

if (values.processes) {
  await severalServers(values.processes.split(',').map(Number));
  process.exit(0);
}

const rows: string[] = [];
for (const engine of values.engines.split(',')) {
  const store: StoreConfig = engine === 'postgres' ? { databaseUrl: values.url, dataDir: '' } : { dataDir: values.dir };
  const env = engine === 'postgres' ? { DATABASE_URL: values.url } : { IMKETEN_DATA_DIR: values.dir, DATABASE_URL: '' };
  const { token, stream, events } = await prepare(store);
  const server = await startServer(env);
  try {
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const [kind, id] = stream.split('/');
    // Warm up (connections, caches), then measure.
    await autocannon({ url: `${server.url}/api/cases/${kind}/${id}`, headers, duration: 3, connections });
    const results: Result[] = [];
    const databaseUrl = engine === 'postgres' ? values.url : undefined;
    if (values.only.includes('read')) results.push(await load('timeline read', { url: `${server.url}/api/cases/${kind}/${id}`, headers }, server.child, databaseUrl));
    let n = 0;
    const run = `${Date.now().toString(36)}`;
    if (values.only.includes('append')) results.push(await load('event append', {
      url: `${server.url}/api/events`, method: 'POST', headers,
      requests: [{
        setupRequest: (request) => {
          n += 1;
          return { ...request, body: JSON.stringify({ events: [{ id: `bench-${run}-${n}`, stream: `intake/IN-BENCH-${run}-${n}`, type: 'intake.received', date: '2025-06-01', data: { subjects: [] } }] }) };
        },
      }],
    }, server.child, databaseUrl));
    for (const result of results) {
      const line = `| ${engine} | ${events} | ${result.name} | ${connections} | ${result.rps.toFixed(0)} | ${result.p50} | ${result.p99} | ${result.errors + result.non2xx} | ${result.cpuMs} |`;
      rows.push(line);
      console.error(line);
    }
  } finally {
    server.child.kill('SIGTERM');
    await new Promise((resolve) => server.child.on('exit', resolve));
  }
}
console.log(`load average at the end: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
console.log('| engine | events | request | connections | requests/s | p50 ms | p99 ms | errors | CPU ms per request (server + database) |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const row of rows) console.log(row);

/** p50 and p99 of latencies (ms). */
function percentiles(latencies: number[]): { p50: number; p99: number; n: number } {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { p50: Number(at(0.5).toFixed(1)), p99: Number(at(0.99).toFixed(1)), n: sorted.length };
}

/**
 * Runs autocannon against every server at once, the connections spread over them; requests/s summed, worst p99, and
 * the CPU the servers and their database backends spent per request (ms: comparable on a machine others load).
 */
async function spreadLoad(urls: string[], options: (url: string) => autocannon.Options, pids: number[] = []): Promise<{ rps: number; p50: number; p99: number; errors: number; cpuMs: string }> {
  const each = Math.max(1, Math.round(connections / urls.length));
  const backends = await backendPids(values.url);
  const cpu = () => [...pids, ...backends].reduce((sum, pid) => sum + cpuOf(pid), 0);
  const before = cpu();
  const results = await Promise.all(urls.map((url) => autocannon({ duration, connections: each, ...options(url) })));
  const total = results.reduce((sum, result) => sum + result.requests.total, 0);
  return {
    cpuMs: total > 0 ? ((cpu() - before) / total).toFixed(2) : '-',
    rps: results.reduce((sum, result) => sum + result.requests.average, 0),
    p50: Math.max(...results.map((result) => result.latency.p50)),
    p99: Math.max(...results.map((result) => result.latency.p99)),
    errors: results.reduce((sum, result) => sum + result.errors + result.non2xx, 0),
  };
}

/** Reads and appends with n servers on one PostgreSQL database, and search and health while appends run. */
async function severalServers(counts: number[]): Promise<void> {
  const store: StoreConfig = { databaseUrl: values.url, dataDir: '' };
  const { token, stream, events } = await prepare(store);
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const [kind, id] = stream.split('/');
  const run = Date.now().toString(36);
  let n = 0;
  const appendBody = () => {
    n += 1;
    return JSON.stringify({ events: [{ id: `bench-${run}-${n}`, stream: `intake/IN-BENCH-${run}-${n}`, type: 'intake.received', date: '2025-06-01', data: { subjects: [] } }] });
  };
  const scaling: string[] = [];
  const underLoad: string[] = [];
  const loadAtStart = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  for (const count of counts) {
    const servers = await Promise.all(Array.from({ length: count }, () => startServer({ DATABASE_URL: values.url })));
    const urls = servers.map((server) => server.url);
    const pids = servers.map((server) => server.child.pid!);
    try {
      // Warm up: every server's first search waits for its registry index; then connections and caches.
      await Promise.all(urls.map((url) => fetch(`${url}/api/matching/persons?name=Ivan%20Petrov`, { headers }).then((response) => response.arrayBuffer())));
      await spreadLoad(urls, (url) => ({ url: `${url}/api/cases/${kind}/${id}`, headers, duration: 3 }));
      const read = await spreadLoad(urls, (url) => ({ url: `${url}/api/cases/${kind}/${id}`, headers }), pids);
      const append = await spreadLoad(urls, (url) => ({
        url: `${url}/api/events`, method: 'POST', headers, requests: [{ setupRequest: (request) => ({ ...request, body: appendBody() }) }],
      }), pids);
      for (const [name, result] of [['timeline read', read], ['event append', append]] as const) {
        const line = `| ${count} | ${name} | ${connections} | ${result.rps.toFixed(0)} | ${result.p50} | ${result.p99} | ${result.errors} | ${result.cpuMs} |`;
        scaling.push(line);
        console.error(line);
      }
      underLoad.push(await searchWhileAppending(urls, headers, run, count));
      console.error(underLoad.at(-1));
    } finally {
      for (const server of servers) server.child.kill('SIGTERM');
      await Promise.all(servers.map((server) => new Promise((resolve) => server.child.on('exit', resolve))));
    }
  }
  console.log(`${events} events; load average at the start: ${loadAtStart}; at the end: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
  console.log('| servers | request | connections (all servers) | requests/s | p50 ms | p99 ms (worst server) | errors | CPU ms per request (servers + database) |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const row of scaling) console.log(row);
  console.log(`\n| servers | appends/s (new persons) | searches | search p50 ms | search p99 ms | health requests | health p50 ms | health p99 ms | append p99 ms |`);
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const row of underLoad) console.log(row);
}

/**
 * Person search on every server while a new person is appended at the given rate (round robin over the servers) —
 * every search then finds a grown log — and /api/health polled 20 times a second from beside them.
 */
async function searchWhileAppending(urls: string[], headers: Record<string, string>, run: string, count: number): Promise<string> {
  const rate = Number(values['append-rate']);
  const names = ['Mohammed al-Hassan', 'Olena Kovalenko', 'Ahmad Karimi', 'Jean Baptiste', 'Ivan Petrov', 'Ali Hassan'];
  let stop = false;
  const appendLatencies: number[] = [];
  const healthLatencies: number[] = [];
  const searchLatencies: number[] = [];
  let appended = 0;
  const started = performance.now();
  const appender = (async () => {
    for (let k = 0; !stop; k++) {
      const due = started + (k * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const body = JSON.stringify({ events: [{ id: `bench-p-${run}-${count}-${k}`, stream: `person/P-BENCH-${run}-${count}-${k}`, type: 'person.registered', date: '1980-01-01', data: { names: [`${names[k % names.length]} ${k}`] } }] });
      const t = performance.now();
      const response = await fetch(`${urls[k % urls.length]}/api/events`, { method: 'POST', headers, body });
      await response.arrayBuffer();
      if (response.status === 201) appended++;
      appendLatencies.push(performance.now() - t);
    }
  })();
  const health = (async () => {
    for (let k = 0; !stop; k++) {
      const due = started + k * 50;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const t = performance.now();
      const response = await fetch(`${urls[k % urls.length]}/api/health`);
      await response.arrayBuffer();
      healthLatencies.push(performance.now() - t);
    }
  })();
  const searchers = urls.flatMap((url) => [0, 1].map(async (client) => {
    for (let k = client; !stop; k++) {
      const t = performance.now();
      const response = await fetch(`${url}/api/matching/persons?name=${encodeURIComponent(names[k % names.length]!)}&limit=10`, { headers });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`search answered ${response.status}`);
      searchLatencies.push(performance.now() - t);
    }
  }));
  await new Promise((resolve) => setTimeout(resolve, duration * 1000));
  stop = true;
  await Promise.all([appender, health, ...searchers]);
  const seconds = (performance.now() - started) / 1000;
  const search = percentiles(searchLatencies);
  const healthP = percentiles(healthLatencies);
  return `| ${count} | ${(appended / seconds).toFixed(1)} | ${search.n} | ${search.p50} | ${search.p99} | ${healthP.n} | ${healthP.p50} | ${healthP.p99} | ${percentiles(appendLatencies).p99} |`;
}
