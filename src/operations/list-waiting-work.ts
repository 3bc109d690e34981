/**
 * The task inbox (README "Task inbox"): what waits for a user of one role — victims to inform (R5), Article 3
 * reassessments due (R7), hearings to prepare, screening hits and cross-references to review, authorisations of the
 * investigating judge about to expire — with due dates, overdue first. Built from the same reads as the overviews
 * and each decided by the access policy for the caller (the action and kind of the read behind it), so an inbox
 * never shows what the role could not read elsewhere. The team's own notes on a task (assigned to whom, marked done)
 * come from its organisation's task streams (src/domain/task/state.ts).
 */
import type { AsOf } from '../domain/as-of.js';
import { addDays, dateInWords } from '../domain/dates.js';
import type { Bilingual, RuleConfig } from '../domain/rules/rule-config.js';
import { initialState as EMPTY_TASK, taskStream, type TaskState } from '../domain/task/state.js';
import { authorize, readableKinds } from '../policy/authorize.js';
import type { Policy } from '../policy/policy.js';
import type { Principal } from '../policy/principal.js';
import { listAuthorisations } from '../policy/judge-authorisations.js';
import { registryFacts } from '../policy/registry-facts.js';
import { stateAt } from '../domain/replay.js';
import { summarisePersons, type PersonSummary } from '../registry/stream-view.js';
import type { Queryable } from '../store/db.js';
import { readStreams } from '../store/event-store.js';
import { findHits } from '../store/hits-store.js';
import { visiblePersons } from '../store/visible-persons.js';
import { listArticle3Reassessment } from './list-article3-reassessment.js';
import { listHearings } from './list-hearings.js';
import { listVictims } from './list-victims.js';

export const WAITING_KINDS = ['victim-information', 'article3-reassessment', 'hearing', 'screening-hit', 'cross-reference', 'authorisation-expiring'] as const;
export type WaitingKind = (typeof WAITING_KINDS)[number];

/**
 * Whose work each kind is (the read policy decides, on top, what of it a role may see): the victims' information is
 * the police's (victim support) and the prosecutor's, hearings and the judge's authorisations the prosecutor's
 * (the IND sees the authorisations on its files expire), the Article 3 reassessment the IND's and the DT&V's, hits
 * and cross-references every case partner's. The ministry (aggregate figures only, R4), the administrator (no case
 * data) and the auditor (the access log) have no case work: their inbox is empty.
 */
export const WORK_OF_ROLE: Readonly<Record<string, readonly WaitingKind[]>> = {
  police: ['victim-information', 'screening-hit', 'cross-reference'],
  prosecutor: ['victim-information', 'hearing', 'authorisation-expiring', 'screening-hit', 'cross-reference'],
  'ind-1f': ['article3-reassessment', 'authorisation-expiring', 'screening-hit', 'cross-reference'],
  dtv: ['article3-reassessment', 'screening-hit', 'cross-reference'],
};

/** Periods of the inbox, in config/rules.json `durations` where set; these defaults otherwise (chosen, not law). */
export const INBOX_DEFAULTS = { hitReviewDays: 14, hearingPreparationDays: 14, authorisationNoticeDays: 30, hearingHorizonDays: 90, victimNoticeDays: 30 };

export interface WaitingSubject {
  /** The stream the item is about: `criminal/SZ-2015-001`, `departure/VT-…`, `person/P-…`. */
  stream: string;
  /** The case reference shown to users (a case number; for a person item the person's case-free reference). */
  reference: string;
  person: { id: string; name: string } | null;
  /** What waits, in words, both languages. */
  text: Bilingual;
}

export interface WaitingItem {
  /** The task's identity within an organisation: what POST /api/inbox/… name to assign or mark it done. */
  key: string;
  kind: WaitingKind;
  /** The last day to do it (YYYY-MM-DD). */
  dueDate: string;
  overdue: boolean;
  subject: WaitingSubject;
  /** Who of the caller's organisation took it (task.assigned). */
  assignee?: { username: string; by: string; on: string };
  /**
   * Marked done by the organisation (task.marked-done). For a legal duty (`legalDuty`) this does not discharge it:
   * the item stays in the list, `stillOpen`, until the fact the law names is recorded (R5: criminal.victim-informed).
   */
  done?: { by: string; on: string; note: string | null; stillOpen: boolean };
  /** A duty of the law (R5 victim information), discharged only by its own event. */
  legalDuty: boolean;
  /** The page of the web app where the work is done. */
  link: string;
}

/** One read the inbox made for the caller: what the route records in the access log, with the policy's basis. */
export interface WaitingAccess {
  action: string;
  resource: string;
  legalBasis: string;
  persons: string[];
}

export interface WaitingWork {
  date: string;
  items: WaitingItem[];
  accesses: WaitingAccess[];
}

export interface WaitingWorkRequest {
  principal: Principal;
  asOf: AsOf;
  /** Also the tasks marked done whose work is no legal duty (normally left out). */
  includeDone?: boolean;
  /** Only the tasks assigned to this username. */
  assignee?: string;
}

export interface WaitingWorkContext {
  policy: Policy;
  rules: RuleConfig;
}

/**
 * What waits for the caller on `asOf`, overdue first, then by due date (then by subject). Every source is asked of
 * the policy as the caller (`authorize`), with the same action and kind as its own route; a source the role may not
 * read is simply absent. `accesses` lists each read made, for the access log.
 */
export async function listWaitingWork(tx: Queryable, request: WaitingWorkRequest, context: WaitingWorkContext): Promise<WaitingWork> {
  const { principal, asOf } = request;
  const work = new Set(WORK_OF_ROLE[principal.role] ?? []);
  const facts = registryFacts(tx, new Date(asOf.recordedAt));
  const decide = (action: string, resource: { kind: string; stream?: string; personIds?: string[] }) =>
    authorize(context.policy, principal, action, resource, { date: asOf.date, facts });
  const durations = { ...INBOX_DEFAULTS, ...(context.rules.durations as Partial<typeof INBOX_DEFAULTS>) };
  const items: WaitingItem[] = [];
  const accesses: WaitingAccess[] = [];
  const names = new NameBook(tx);

  if (work.has('victim-information')) {
    const granted = await decide('cases.list', { kind: 'criminal', personIds: [] });
    if (granted.allowed) {
      const cases = await listVictims(tx, { asOf, overdueOnly: false }, context.rules);
      // every victim always has a next periodic update: the inbox lists a duty from `victimNoticeDays` before it is due
      const noticeUntil = addDays(asOf.date, durations.victimNoticeDays);
      const persons = new Set<string>();
      for (const entry of cases) {
        const caseId = idOf(entry.case);
        for (const victim of entry.victims) {
          persons.add(victim.id);
          const name = nameOf(victim.person);
          for (const duty of victim.status.duties) {
            if (!duty.overdue && duty.dueDate > noticeUntil) continue;
            const what = duty.kind === 'periodic-update'
              ? { nl: `Periodieke update aan slachtoffer ${name} (zaak ${caseId})`, en: `Periodic update to victim ${name} (case ${caseId})` }
              : { nl: `Slachtoffer ${name} informeren over ${keyEventWords(duty.eventType, 'nl')} van ${dateInWords(duty.eventDate ?? '', 'nl')} (zaak ${caseId})`, en: `Inform victim ${name} of the ${keyEventWords(duty.eventType, 'en')} of ${dateInWords(duty.eventDate ?? '', 'en')} (case ${caseId})` };
            items.push({
              key: `victim-information:${entry.case}:${victim.id}:${duty.kind === 'periodic-update' ? `update-since-${duty.since}` : `event-${duty.eventId}`}`,
              kind: 'victim-information', dueDate: duty.dueDate, overdue: duty.overdue, legalDuty: true,
              subject: { stream: entry.case, reference: caseId, person: { id: victim.id, name }, text: what },
              // the victims page, where informing is recorded (the overdue ones when this one is)
              link: duty.overdue ? '/victims?overdue=1' : '/victims',
            });
          }
        }
      }
      accesses.push({ action: 'cases.list', resource: 'inbox:victims', legalBasis: granted.legalBasis, persons: [...persons].sort() });
    }
  }

  if (work.has('hearing')) {
    const granted = await decide('cases.list', { kind: 'criminal', personIds: [] });
    if (granted.allowed) {
      const until = addDays(asOf.date, durations.hearingHorizonDays);
      const hearings = (await listHearings(tx, { asOf, from: asOf.date, limit: 500 })).filter((hearing) => hearing.date <= until);
      for (const hearing of hearings) {
        const caseId = idOf(hearing.case);
        const dueDate = addDays(hearing.date, -durations.hearingPreparationDays);
        items.push({
          key: `hearing:${hearing.case}:${hearing.date}`,
          kind: 'hearing', dueDate, overdue: asOf.date > dueDate, legalDuty: false,
          subject: {
            stream: hearing.case, reference: caseId, person: null,
            text: { nl: `Zitting voorbereiden: zaak ${caseId}, ${hearing.court}, ${dateInWords(hearing.date, 'nl')}`, en: `Prepare the hearing: case ${caseId}, ${hearing.court}, ${dateInWords(hearing.date, 'en')}` },
          },
          link: `/cases/criminal/${encodeURIComponent(caseId)}`,
        });
      }
      accesses.push({ action: 'cases.list', resource: 'inbox:hearings', legalBasis: granted.legalBasis, persons: [] });
    }
  }

  if (work.has('article3-reassessment')) {
    const granted = await decide('cases.list', { kind: 'departure', personIds: [] });
    if (granted.allowed) {
      // R7 as the reassessment list and the case page apply it: a dossier waits once its country's situation changed
      // after the last assessment, due since that day (the earliest change, for a person of several nationalities)
      const groups = await listArticle3Reassessment(tx, { asOf, situations: context.rules.countrySituations ?? [] });
      const due = new Map<string, (typeof groups)[number]['dossiers'][number]>();
      for (const dossier of groups.flatMap((group) => group.dossiers)) {
        const earlier = due.get(dossier.dossier);
        if (dossier.status === 'due' && (!earlier || dossier.dueDate! < earlier.dueDate!)) due.set(dossier.dossier, dossier);
      }
      const persons = new Set<string>();
      for (const [stream, dossier] of due) {
        const dueDate = dossier.dueDate!;
        const dossierId = idOf(stream);
        const name = nameOf(dossier.person);
        if (dossier.person) persons.add(dossier.person.id);
        items.push({
          key: `article3-reassessment:${stream}:${dossier.lastAssessment}`,
          kind: 'article3-reassessment', dueDate, overdue: asOf.date > dueDate, legalDuty: false,
          subject: {
            stream, reference: dossierId, person: dossier.person ? { id: dossier.person.id, name } : null,
            text: {
              nl: `Artikel 3-belemmering herbeoordelen voor ${name} (dossier ${dossierId}); laatst beoordeeld op ${dateInWords(dossier.lastAssessment, 'nl')}; de situatie in het land veranderde op ${dateInWords(dueDate, 'nl')}`,
              en: `Reassess the Article 3 barrier for ${name} (dossier ${dossierId}); last assessed on ${dateInWords(dossier.lastAssessment, 'en')}; the country's situation changed on ${dateInWords(dueDate, 'en')}`,
            },
          },
          link: `/cases/departure/${encodeURIComponent(dossierId)}`,
        });
      }
      accesses.push({ action: 'cases.list', resource: 'inbox:article3-reassessment', legalBasis: granted.legalBasis, persons: [...persons].sort() });
    }
  }

  if (work.has('screening-hit')) {
    const granted = await decide('screening.hits', { kind: 'person' });
    if (granted.allowed) {
      const hits = await findHits(tx, { source: 'watchlist', statuses: ['open', 'unsure'] });
      const visible = await visiblePersons(tx, [...new Set(hits.map((hit) => hit.personId))], readableKinds(context.policy, principal.role));
      const shown = hits.filter((hit) => visible.has(hit.personId));
      await names.load(shown.map((hit) => hit.personId));
      for (const hit of shown) {
        const name = names.of(hit.personId);
        const found = hit.firstFoundAt.slice(0, 10);
        const dueDate = addDays(found, durations.hitReviewDays);
        items.push({
          // the data of both sides in the key: a hit reopened by a change of either is a new task, not one marked done before
          key: `screening-hit:${hit.id}:${hit.personHash.slice(0, 8)}${hit.counterpartHash.slice(0, 8)}`,
          kind: 'screening-hit', dueDate, overdue: asOf.date > dueDate, legalDuty: false,
          subject: {
            stream: `person/${hit.personId}`, reference: name, person: { id: hit.personId, name },
            text: {
              nl: `Treffer op lijst ${hit.list ?? ''} beoordelen voor ${name} (gevonden op ${dateInWords(found, 'nl')}${hit.status === 'unsure' ? ', eerder als twijfelachtig gemarkeerd' : ''})`,
              en: `Review the hit on list ${hit.list ?? ''} for ${name} (found on ${dateInWords(found, 'en')}${hit.status === 'unsure' ? ', marked unsure before' : ''})`,
            },
          },
          link: '/screening',
        });
      }
      accesses.push({ action: 'screening.hits', resource: 'inbox:screening-hits', legalBasis: granted.legalBasis, persons: [...new Set(shown.map((hit) => hit.personId))].sort() });
    }
  }

  if (work.has('cross-reference')) {
    // hit/no-hit: a cross-reference is work only for someone who may read both persons (only they may review it)
    const hits = await findHits(tx, { source: 'registry', statuses: ['open', 'unsure'] });
    const both = [...new Set(hits.flatMap((hit) => [hit.personId, hit.counterpart]))];
    const visible = await visiblePersons(tx, both, readableKinds(context.policy, principal.role));
    const candidates = hits.filter((hit) => visible.has(hit.personId) && visible.has(hit.counterpart));
    const shown: typeof candidates = [];
    let legalBasis: string | undefined;
    for (const hit of candidates) {
      const first = await decide('crossref.read', { kind: 'person', stream: `person/${hit.personId}` });
      const other = first.allowed ? await decide('stream.read', { kind: 'person', stream: `person/${hit.counterpart}` }) : first;
      if (first.allowed && other.allowed) {
        shown.push(hit);
        legalBasis ??= first.legalBasis;
      }
    }
    await names.load(shown.flatMap((hit) => [hit.personId, hit.counterpart]));
    for (const hit of shown) {
      const name = names.of(hit.personId);
      const otherName = names.of(hit.counterpart);
      const found = hit.firstFoundAt.slice(0, 10);
      const dueDate = addDays(found, durations.hitReviewDays);
      items.push({
        key: `cross-reference:${hit.id}:${hit.personHash.slice(0, 8)}${hit.counterpartHash.slice(0, 8)}`,
        kind: 'cross-reference', dueDate, overdue: asOf.date > dueDate, legalDuty: false,
        subject: {
          stream: `person/${hit.personId}`, reference: name, person: { id: hit.personId, name },
          text: {
            nl: `Kruisverwijzing beoordelen: ${name} is mogelijk dezelfde persoon als ${otherName} (gevonden op ${dateInWords(found, 'nl')})`,
            en: `Review the cross-reference: ${name} is possibly the same person as ${otherName} (found on ${dateInWords(found, 'en')})`,
          },
        },
        link: `/persons/${encodeURIComponent(hit.personId)}`,
      });
    }
    if (legalBasis) accesses.push({ action: 'crossref.read', resource: 'inbox:cross-references', legalBasis, persons: [...new Set(shown.flatMap((hit) => [hit.personId, hit.counterpart]))].sort() });
  }

  if (work.has('authorisation-expiring')) {
    const granted = await decide('authorisations.read', { kind: 'authorisations', personIds: [] });
    if (granted.allowed) {
      const until = addDays(asOf.date, durations.authorisationNoticeDays);
      const all = await listAuthorisations(tx, { limit: 100_000, recordedAsOf: new Date(asOf.recordedAt) });
      const expiring = all.filter((row) => row.validFrom <= asOf.date && row.validUntil >= asOf.date && row.validUntil <= until);
      const readsCriminal = readableKinds(context.policy, principal.role).includes('criminal');
      const shown: typeof expiring = [];
      for (const row of expiring) {
        // the view readable-persons-only (the IND): only authorisations about persons it may read (routes/authorisations.ts)
        if (granted.view === 'readable-persons-only' && !(await decide('stream.read', { kind: 'person', stream: `person/${row.personId}` })).allowed) continue;
        shown.push(row);
      }
      await names.load(shown.map((row) => row.personId));
      for (const row of shown) {
        const name = names.of(row.personId);
        const caseId = readsCriminal ? row.criminalCase : null;
        items.push({
          key: `authorisation-expiring:${row.id}`,
          kind: 'authorisation-expiring', dueDate: row.validUntil, overdue: false, legalDuty: false,
          subject: {
            stream: caseId ? `criminal/${caseId}` : `person/${row.personId}`, reference: caseId ?? name, person: { id: row.personId, name },
            text: {
              nl: `Machtiging van de rechter-commissaris (${row.decisionReference}) over ${name} verloopt op ${dateInWords(row.validUntil, 'nl')}`,
              en: `Authorisation of the investigating judge (${row.decisionReference}) about ${name} expires on ${dateInWords(row.validUntil, 'en')}`,
            },
          },
          link: caseId ? `/cases/criminal/${encodeURIComponent(caseId)}` : `/persons/${encodeURIComponent(row.personId)}`,
        });
      }
      accesses.push({ action: 'authorisations.read', resource: 'inbox:authorisations', legalBasis: granted.legalBasis, persons: [...new Set(shown.map((row) => row.personId))].sort() });
    }
  }

  const tasks = await taskStates(tx, principal.organisation, items.map((item) => item.key), asOf.recordedAt);
  const decorated = items.flatMap((item) => {
    const task = tasks.get(item.key) ?? EMPTY_TASK;
    const shown: WaitingItem = {
      ...item,
      ...(task.assignee ? { assignee: task.assignee } : {}),
      ...(task.done ? { done: { ...task.done, stillOpen: item.legalDuty } } : {}),
    };
    if (task.done && !item.legalDuty && !request.includeDone) return [];
    if (request.assignee !== undefined && task.assignee?.username !== request.assignee) return [];
    return [shown];
  });
  return { date: asOf.date, items: decorated.sort(compareWaiting), accesses };
}

/** Overdue first, then the earliest due date, then the subject and key (a stable order). */
export function compareWaiting(a: WaitingItem, b: WaitingItem): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if (a.dueDate !== b.dueDate) return a.dueDate < b.dueDate ? -1 : 1;
  return a.subject.reference.localeCompare(b.subject.reference) || a.key.localeCompare(b.key);
}

/** The state of each task of an organisation, from its task streams as recorded by `recordedAt` (retractions applied). */
export async function taskStates(tx: Queryable, organisation: string, keys: readonly string[], recordedAt: string): Promise<Map<string, TaskState>> {
  const streamOf = new Map(keys.map((key) => [taskStream(organisation, key), key]));
  const streams = await readStreams(tx, [...streamOf.keys()]);
  const states = new Map<string, TaskState>();
  for (const [stream, events] of streams) states.set(streamOf.get(stream)!, stateAt('task', events, '9999-12-31', recordedAt));
  return states;
}

class NameBook {
  private readonly names = new Map<string, string>();
  constructor(private readonly tx: Queryable) {}
  async load(ids: readonly string[]): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !this.names.has(id));
    for (const person of await summarisePersons(this.tx, missing)) this.names.set(person.id, nameOf(person));
  }
  of(id: string): string {
    return this.names.get(id) ?? '—';
  }
}

function nameOf(person: PersonSummary | undefined): string {
  return person?.names[0] ?? '—';
}

function idOf(stream: string): string {
  return stream.slice(stream.indexOf('/') + 1);
}

const KEY_EVENT_WORDS: Record<string, Bilingual> = {
  'criminal.indicted': { nl: 'de dagvaarding', en: 'indictment' },
  'criminal.judgment': { nl: 'het vonnis', en: 'judgment' },
  'criminal.closed': { nl: 'de afsluiting van de zaak', en: 'closure of the case' },
};

function keyEventWords(type: string | null, lang: 'nl' | 'en'): string {
  return (type && KEY_EVENT_WORDS[type]?.[lang]) ?? (lang === 'nl' ? 'de gebeurtenis' : 'event');
}
