/**
 * Pseudonymised analysis facts (docs/retention.md, "Pseudonymised analysis"): what the trend figures need of one
 * case, without anything that identifies — the case and its person by keyed-hash pseudonym only, the phases with the
 * legal dates they began, the 1F decisions and departures with their dates and outcomes. And the trend figures
 * computed from these facts alone, the same way the report counts them (src/reports/definitions.ts: a criminal
 * phase is a stock on the reference date, decisions and departures are flows within the year up to it).
 */
import { createHmac } from 'node:crypto';
import { compareEvents, parseStreamName, type RecordedEvent, type StreamKind } from '../domain/event.js';
import { RETRACTED } from '../domain/events/retraction.js';
import { stateAt } from '../domain/replay.js';
import { referenceDatesFor } from './reference-dates.js';

export interface AnalysisFacts {
  phases: { phase: string; from: string }[];
  decisions?: { date: string; outcome: string }[];
  departures?: { date: string; mode: string }[];
}

/** HMAC-SHA256 of a registry id under the analysis key, as 32 hex digits: stable, not reversible without the key. */
export function pseudonym(key: Buffer, id: string): string {
  return createHmac('sha256', key).update(id).digest('hex').slice(0, 32);
}

const PRINCIPAL_FIELDS = ['suspect', 'person'] as const;

/** The facts of one case stream from its (readable) events; null when it holds none. */
export function analysisFactsOf(stream: string, events: readonly RecordedEvent[]): { kind: StreamKind; person: string | null; facts: AnalysisFacts } | null {
  const kind = parseStreamName(stream)?.kind;
  if (!kind || events.length === 0) return null;
  const retracted = new Set(events.filter((event) => event.type === RETRACTED).map((event) => String(event.data.event)));
  const kept = [...events].filter((event) => event.type !== RETRACTED && !retracted.has(event.id)).sort(compareEvents);
  const phases: AnalysisFacts['phases'] = [];
  for (const date of [...new Set(kept.map((event) => event.date))].sort()) {
    const phase = String((stateAt(kind, events, date) as { phase?: unknown }).phase ?? '');
    if (phases.at(-1)?.phase !== phase) phases.push({ phase, from: date });
  }
  const facts: AnalysisFacts = { phases };
  if (kind === 'exclusion') facts.decisions = kept.filter((event) => event.type === 'exclusion.decided').map((event) => ({ date: event.date, outcome: String(event.data.outcome) }));
  if (kind === 'departure') facts.departures = kept.filter((event) => event.type === 'departure.departed').map((event) => ({ date: event.date, mode: String(event.data.mode) }));
  const person = kept.map((event) => PRINCIPAL_FIELDS.map((field) => event.data[field]).find((value) => typeof value === 'string')).find((value) => value !== undefined);
  return { kind, person: (person as string | undefined) ?? null, facts };
}

export interface AnalysisTrendYear {
  year: number;
  beforeCourt: number;
  investigation: number;
  decisionsApplied: number;
  decisionsNotApplied: number;
  departuresForced: number;
  departuresVoluntarySupervised: number;
  departuresVoluntaryUnsupervised: number;
}

/** The trend figures (report-trends.ts) from the analysis facts alone: what survives an erasure of identities. */
export function trendsFromFacts(rows: readonly { kind: string; facts: AnalysisFacts }[], years: readonly number[], today: string): AnalysisTrendYear[] {
  return years.map((year) => {
    const reference = referenceDatesFor(year, today)[String(year)]!;
    const inYear = (date: string) => date.startsWith(`${year}-`) && date <= reference;
    const phaseOn = (facts: AnalysisFacts) => facts.phases.filter((entry) => entry.from <= reference).at(-1)?.phase;
    const criminal = rows.filter((row) => row.kind === 'criminal').map((row) => phaseOn(row.facts));
    const decisions = rows.flatMap((row) => row.facts.decisions ?? []).filter((decision) => inYear(decision.date));
    const departures = rows.flatMap((row) => row.facts.departures ?? []).filter((departure) => inYear(departure.date));
    return {
      year,
      beforeCourt: criminal.filter((phase) => phase === 'first-instance' || phase === 'appeal' || phase === 'cassation').length,
      investigation: criminal.filter((phase) => phase === 'investigation').length,
      decisionsApplied: decisions.filter((decision) => decision.outcome === 'applied').length,
      decisionsNotApplied: decisions.filter((decision) => decision.outcome === 'not-applied').length,
      departuresForced: departures.filter((departure) => departure.mode === 'forced').length,
      departuresVoluntarySupervised: departures.filter((departure) => departure.mode === 'voluntary-supervised').length,
      departuresVoluntaryUnsupervised: departures.filter((departure) => departure.mode === 'voluntary-unsupervised').length,
    };
  });
}
