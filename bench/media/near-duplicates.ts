/**
 * Near-duplicate search among 100,000 image hashes (issue 12: goal ≤ 50 ms a query). The hashes are seeded and
 * clustered like a real evidence register: families of 1–8 copies of one picture (a few bits apart, as resized
 * and re-encoded copies are) plus unrelated pictures. The queries are half copies of indexed pictures, half
 * pictures not in the index. Prints ms per query of the multi-index (NearDuplicateIndex.query) and, for
 * comparison, of a plain scan, at several radii; and the cost of hashing a 1600×1200 JPEG.
 *
 * Run: node --import tsx bench/media/near-duplicates.ts [--hashes 100000] [--queries 2000]
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { mulberry32 } from '../../src/demo/prng.js';
import { NearDuplicateIndex } from '../../src/media/near-duplicates.js';
import { perceptualHash } from '../../src/media/perceptual-hash.js';
import { renderPng, streetSceneSvg } from '../../src/media/testing/scenes.js';

const { values } = parseArgs({ options: { hashes: { type: 'string', default: '100000' }, queries: { type: 'string', default: '2000' } } });
const total = Number(values.hashes);
const queryCount = Number(values.queries);
const random = mulberry32(20261202);

const word = () => Math.floor(random() * 0x1_0000_0000).toString(16).padStart(8, '0');
const randomHash = () => word() + word();
function nearCopy(hash: string, maxBits: number): string {
  let value = BigInt(`0x${hash}`);
  const bits = Math.floor(random() * (maxBits + 1));
  for (let i = 0; i < bits; i += 1) value ^= 1n << BigInt(Math.floor(random() * 64));
  return value.toString(16).padStart(16, '0');
}

const originals: string[] = [];
const index = new NearDuplicateIndex();
const buildStart = performance.now();
while (index.size < total) {
  const original = randomHash();
  originals.push(original);
  const copies = 1 + Math.floor(random() * 8);
  for (let copy = 0; copy < copies && index.size < total; copy += 1) index.add(`picture-${originals.length}/${copy}`, copy === 0 ? original : nearCopy(original, 6));
}
index.query(randomHash(), 0); // the first query builds the tables
const buildMs = performance.now() - buildStart;
const queries = Array.from({ length: queryCount }, (_, i) =>
  i % 2 === 0 ? nearCopy(originals[Math.floor(random() * originals.length)]!, 6) : randomHash());

console.log(`${index.size.toLocaleString('en')} hashes (${originals.length.toLocaleString('en')} pictures with their copies), generated and indexed in ${buildMs.toFixed(0)} ms; ${queryCount} queries; load ${loadavg()[0]!.toFixed(2)}`);
console.log(`heap after indexing: ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB\n`);
console.log('| radius (bits) | multi-index ms/query | p99 ms | scan ms/query | hits/query | same answers |');
console.log('|---|---|---|---|---|---|');
for (const radius of [4, 8, 10, 12, 15]) {
  const latencies: number[] = [];
  let hits = 0;
  for (const query of queries) {
    const started = performance.now();
    hits += index.query(query, radius).length;
    latencies.push(performance.now() - started);
  }
  const scanQueries = queries.slice(0, 200);
  const scanStart = performance.now();
  for (const query of scanQueries) index.scan(query, radius);
  const scanMs = (performance.now() - scanStart) / scanQueries.length;
  const same = scanQueries.slice(0, 50).every((query) => JSON.stringify(index.query(query, radius)) === JSON.stringify(index.scan(query, radius)));
  latencies.sort((a, b) => a - b);
  const mean = latencies.reduce((sum, ms) => sum + ms, 0) / latencies.length;
  const p99 = latencies[Math.floor(latencies.length * 0.99)]!;
  console.log(`| ${radius} | ${mean.toFixed(3)} | ${p99.toFixed(3)} | ${scanMs.toFixed(3)} | ${(hits / queries.length).toFixed(2)} | ${same ? 'yes' : 'NO'} |`);
}

const photo = await sharp(await renderPng(streetSceneSvg(1600, 1200))).jpeg({ quality: 85 }).toBuffer();
const runs = 20;
const hashStart = performance.now();
for (let i = 0; i < runs; i += 1) await perceptualHash(photo);
console.log(`\nperceptualHash of a 1600×1200 JPEG (${(photo.length / 1024).toFixed(0)} KB): ${((performance.now() - hashStart) / runs).toFixed(1)} ms`);
console.log('goal: ≤ 50 ms a query among 100,000 hashes');
