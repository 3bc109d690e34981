/**
 * The elements a case may link evidence to (R8, README "What each case rests on"): per offence the case concerns —
 * a criminal case the offences it was opened for, a 1F file the three grounds of Art. 1F — its crimes and their
 * elements from config/elements.json. What the web form to link an item to an element offers; the import refuses
 * any other link (src/domain/rules/case-elements.ts, elementLinkProblem).
 */
import type { AsOf } from '../domain/as-of.js';
import { ImketenError } from '../domain/errors.js';
import { NOT_OPENED } from '../domain/machine.js';
import { stateAt } from '../domain/replay.js';
import { offenceElements } from '../domain/rules/case-elements.js';
import { EXCLUSION_GROUNDS, type ElementKind, type ElementsConfig } from '../domain/rules/elements-config.js';
import type { Bilingual } from '../domain/rules/rule-config.js';
import type { Queryable } from '../store/db.js';
import { readStream } from '../store/event-store.js';

export interface CaseOffenceElements {
  offence: string;
  label: Bilingual;
  crimes: { crime: string; label: Bilingual; article: string; elements: { element: string; kind: ElementKind; label: Bilingual }[] }[];
}

export async function listCaseElements(tx: Queryable, request: { kind: 'criminal' | 'exclusion'; id: string; asOf: AsOf; elements: ElementsConfig }): Promise<CaseOffenceElements[]> {
  const { kind, id, asOf } = request;
  const events = await readStream(tx, `${kind}/${id}`);
  const state = stateAt(kind, events, asOf.date, asOf.recordedAt);
  if (state.phase === NOT_OPENED) throw new ImketenError('STREAM_NOT_FOUND', `No ${kind === 'criminal' ? 'criminal case' : '1F file'} ${id} is known (on ${asOf.date}).`);
  const offences: readonly string[] = kind === 'criminal' ? (state as { offences: string[] }).offences : EXCLUSION_GROUNDS;
  const answer: CaseOffenceElements[] = [];
  for (const offence of offences) {
    const known = offenceElements(request.elements, offence);
    if (!known) continue;
    answer.push({
      offence, label: known.label,
      crimes: known.crimes.map((crime) => ({
        crime: crime.crime, label: crime.label, article: crime.article,
        elements: crime.elements.map((element) => ({ element: element.id, kind: element.kind, label: element.label })),
      })),
    });
  }
  return answer;
}
