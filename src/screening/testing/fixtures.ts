/**
 * Test data for screening: the list excerpts of test/fixtures/matching (copied from the real UN and OFAC files),
 * small lists written for these tests, and a registry of persons in several partners' files.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EventInput } from '../../domain/event.js';
import { importEvents } from '../../import/import-events.js';
import { textSource } from '../../import/sources.js';
import type { Db } from '../../store/db.js';
import { EventFactory, jsonl } from '../../testing/event-factory.js';
import type { WatchlistFile } from '../import-watchlist.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'test', 'fixtures');

/** A fixture file as the CLI would read it: its bytes, named as given. */
export function fixtureFile(path: string, name = path.split('/').at(-1)!): WatchlistFile {
  return { name, bytes: readFileSync(join(FIXTURES, path)) };
}

export function textFile(name: string, text: string, encoding: BufferEncoding = 'utf8'): WatchlistFile {
  return { name, bytes: Buffer.from(text, encoding) };
}

export function fixtureText(path: string, encoding: BufferEncoding = 'utf8'): string {
  return readFileSync(join(FIXTURES, path), encoding);
}

/** The generic list: one line per entry. */
export function listJsonl(entries: ReadonlyArray<{ id: string; names: string[]; birthDates?: string[]; nationalities?: string[] }>): string {
  return entries.map((entry) => JSON.stringify(entry)).join('\n');
}

export const NOW = new Date('2026-03-02T10:00:00.000Z');
export const clock = (time: Date = NOW) => () => time;

/**
 * A small registry: Mohammed al-Hassan is in a police criminal case (P-1) and, spelled differently, in an IND 1F
 * file (P-2); Olena Kovalenko is only in a DT&V departure dossier; Ahmad Example only in an intake.
 */
export function registryEvents(f = new EventFactory('rg')): EventInput[] {
  return [
    f.event('person/P-1', 'person.registered', '2024-01-10', { names: ['Mohammed al-Hassan'], birthDate: '1976-10-05', nationalities: ['SYR'] }),
    f.event('person/P-2', 'person.registered', '2024-02-01', { names: ['محمد الحسن'], birthDate: '1976', nationalities: ['SYR'] }),
    f.event('person/P-2', 'person.alias-added', '2024-02-03', { name: 'Muhammad Alhasan' }),
    f.event('person/P-3', 'person.registered', '2024-03-01', { names: ['Olena Kovalenko'], birthDate: '1981-04', nationalities: ['UKR'] }),
    f.event('person/P-4', 'person.registered', '2024-03-01', { names: ['Ahmad Example'] }),
    f.event('criminal/SZ-1', 'criminal.opened', '2024-05-01', { suspect: 'P-1', offences: ['war-crimes'], situation: 'Syria' }),
    f.event('exclusion/IF-1', 'exclusion.opened', '2024-06-01', { person: 'P-2' }),
    f.event('departure/VT-1', 'departure.opened', '2024-07-01', { person: 'P-3' }),
    f.event('intake/IN-1', 'intake.received', '2024-08-01', { subjects: ['P-4'] }),
  ];
}

export async function loadRegistry(db: Db, events: readonly EventInput[] = registryEvents(), now: Date = new Date('2026-01-05T09:00:00.000Z')): Promise<void> {
  await importEvents(db, [textSource('registry.jsonl', jsonl(events))], { now: () => now });
}
