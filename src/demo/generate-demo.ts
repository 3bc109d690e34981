/**
 * The deterministic, fictional demo registry: persons and cases of every kind from 2010 to the demo horizon
 * (2026-09-30), in the interchange format v1 (docs/domain.md §5). No clock, no Math.random: the same scale gives the
 * same events, byte for byte.
 *
 * At scale 1 the yearly report for 2025 reproduces the figures of the 2024–2025 report to parliament (docs/domain.md §6)
 * and the 2014 report shows a single case before a court. `scale: N` generates N replicas: each replica has
 * the same trajectories with its own random draws (names, exact dates inside each step's window) and its own
 * ids (suffix `-R2`, `-R3`, … on persons and cases), so every figure is exactly N times the scale-1 figure and
 * the first replica is the scale-1 registry itself. One replica is about 12,300 events; scale 100 about 1.2 M.
 * Each replica ends with a few evidence items on its criminal cases and 1F files (evidence-items.ts); their files are
 * attached by `imketen demo` after the import (attach-demo-files.ts), for the first replica only.
 *
 * @example
 * for (const event of generateDemo({ scale: 1 })) console.log(JSON.stringify(event));
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { EventInput } from '../domain/event.js';
import { article1FCases } from './article1f-cases.js';
import { criminalCases } from './criminal-cases.js';
import { CaseSightings, evidenceItems } from './evidence-items.js';
import { demoWitnesses } from './witnesses.js';
import { OffenceSightings, proofLinks } from './proof-links.js';
import { extraditionCases } from './extraditions.js';
import { ReplicaIds, RunIds } from './ids.js';
import { reportsWithoutInvestigation } from './intakes.js';
import { incomingRequests } from './legal-assistance.js';
import { Rng } from './prng.js';
import type { DemoContext } from './stream-builder.js';

export interface DemoOptions {
  /** The number of replicas, a whole number from 1. */
  scale: number;
}

/**
 * The demo events, streamed: memory stays bounded by one replica's plan whatever the scale. Each person is
 * emitted before the cases that name them, and each stream's events in date order.
 */
export function* generateDemo(options: DemoOptions): Generator<EventInput> {
  const { scale } = options;
  if (!Number.isInteger(scale) || scale < 1) throw new RangeError(`the demo scale must be a whole number from 1, got ${scale}`);
  const run = new RunIds();
  for (let replica = 1; replica <= scale; replica += 1) {
    const context: DemoContext = { run, ids: new ReplicaIds(replica) };
    const rng = new Rng(`imketen-demo/replica-${replica}`);
    const seen = new CaseSightings();
    const offences = new OffenceSightings();
    yield* offences.watch(seen.watch(criminalCases(context, rng.fork('criminal'))));
    yield* extraditionCases(context, rng.fork('extradition'));
    yield* seen.watch(article1FCases(context, rng.fork('article-1f')));
    yield* reportsWithoutInvestigation(context, rng.fork('intakes'));
    yield* incomingRequests(context, rng.fork('legal-assistance'));
    const evidence = [...evidenceItems(context, rng.fork('evidence'), seen)];
    yield* evidence;
    yield* demoWitnesses(context, rng.fork('witnesses'), seen);
    yield* proofLinks(context, rng.fork('proof'), offences, evidence);
  }
}

/** The demo as JSON Lines: one event per line, each ending in a newline. */
export function* demoJsonLines(options: DemoOptions): Generator<string> {
  for (const event of generateDemo(options)) yield `${JSON.stringify(event)}\n`;
}

/** The number of events the demo has at this scale. */
export function countDemoEvents(options: DemoOptions): number {
  let count = 0;
  for (const _event of generateDemo(options)) count += 1;
  return count;
}

/** Writes the demo as JSON Lines to `output`, waiting when it is full; returns the number of events written. */
export async function writeDemoJsonl(output: Writable, options: DemoOptions): Promise<number> {
  let count = 0;
  for (const line of demoJsonLines(options)) {
    count += 1;
    if (!output.write(line)) await once(output, 'drain');
  }
  return count;
}
