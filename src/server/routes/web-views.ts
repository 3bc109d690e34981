/**
 * The views the web application's pages need beyond the registry routes: counts per phase and per situation,
 * upcoming hearings, victims and their information status (R5), the Article 3 reassessment list (R7), 1F
 * decisions with their consequences (R2), what the rules derive for a case, which events a case allows now, what
 * the policy withholds about a person, the report's trends since 2014 and its content as shown (the same content
 * the PDF renders). Each route reuses an action of config/policy.json: the access rules are those of the data
 * shown, not of the page. The header's person search is the matcher's (GET /api/matching/persons, routes/screening.ts).
 */
import { Type } from 'typebox';
import { ruleConfig } from '../../config/rules.js';
import { ImketenError } from '../../domain/errors.js';
import { CASE_KINDS, parseStreamName, type CaseKind, type StreamKind } from '../../domain/event.js';
import type { CriminalState } from '../../domain/criminal/state.js';
import type { ExclusionState } from '../../domain/exclusion/state.js';
import { exclusionConsequences } from '../../domain/rules/exclusion-consequences.js';
import { KEY_EVENT_TYPES, victimInformationStatus } from '../../domain/rules/victim-information.js';
import { stateAt } from '../../domain/replay.js';
import { authorize } from '../../policy/authorize.js';
import { registryFacts } from '../../policy/registry-facts.js';
import { parseAsRecordedAt } from '../../registry/as-recorded-at.js';
import { deriveFor, standingEvents } from '../../registry/derived.js';
import { article3Reassessment } from '../../registry/lists.js';
import { viewStream } from '../../registry/stream-view.js';
import { computeFigures, computeReport } from '../../reports/compute-report.js';
import { referenceDatesFor } from '../../reports/reference-dates.js';
import { toReportView } from '../../reports/render/report-view.js';
import { logPosition, readStreams, streamExists, streamsNaming } from '../../store/event-store.js';
import { casesAt } from '../../store/segments.js';
import { guard, today, type App, type ServerContext } from '../context.js';
import { CaseKindSchema, Date_, EntityId, PersonSummarySchema, ReportSchema, Time } from '../schemas.js';
import { allowedEvents } from '../web/allowed-events.js';
import { renderReportPdf } from '../web/render-pdf.js';

const AtQuery = { date: Type.Optional(Date_), asRecordedAt: Type.Optional(Time) };
const Lang = Type.Union([Type.Literal('nl'), Type.Literal('en')]);
const ReportQuery = Type.Object({ referenceDate: Type.Optional(Date_), asRecordedAt: Type.Optional(Time), lang: Type.Optional(Lang) }, { additionalProperties: false });
const YearParam = Type.Integer({ minimum: 1900, maximum: 2999 });
const Bilingual = Type.Object({ nl: Type.String(), en: Type.String() });
/** The last trends computed as of now, per server: they change only when the log grows. */
const trendCache = new WeakMap<ServerContext, Map<string, Awaited<ReturnType<typeof computeFigures>>>>();
/** The first year of the report's trend charts: the year the ministers' series starts. */
const FIRST_TREND_YEAR = 2014;

const FormFieldSchema = Type.Object({
  name: Type.String(), kind: Type.String(), required: Type.Boolean(),
  options: Type.Optional(Type.Array(Type.String())), pattern: Type.Optional(Type.String()),
});

const PersonRef = Type.Union([PersonSummarySchema, Type.Null()]);

function asRecorded(text: string | undefined, context: ServerContext): string {
  return text === undefined ? context.now().toISOString() : parseAsRecordedAt(text);
}

export function registerWebViewRoutes(app: App, context: ServerContext): void {
  app.get('/api/session/options', {
    config: { action: 'session.login' },
    schema: {
      tags: ['session'], summary: 'How to sign in here (password, single sign-on) and the server\'s date', security: [],
      response: { 200: Type.Object({ password: Type.Boolean(), singleSignOn: Type.Boolean(), today: Type.String() }) },
    },
  }, async () => ({ password: true, singleSignOn: context.config.oidc !== undefined, today: today(context) }));

  app.get('/api/overview/phases', {
    config: { action: 'cases.list' },
    schema: {
      tags: ['overview'], summary: 'How many cases of a kind are in each phase on a date (split by Article 3 barrier for departure dossiers)',
      querystring: Type.Object({ kind: CaseKindSchema, ...AtQuery }, { additionalProperties: false }),
      response: {
        200: Type.Object({
          kind: Type.String(), date: Type.String(),
          phases: Type.Array(Type.Object({ phase: Type.String(), count: Type.Integer(), withArticle3Barrier: Type.Optional(Type.Integer()) })),
        }),
      },
    },
  }, async (request) => {
    const kind = request.query.kind as CaseKind;
    const granted = await guard(request, context, 'cases.list', { kind, personIds: [] });
    const date = request.query.date ?? today(context);
    const cases = await casesAt(context.db, { kind, date, asRecordedAt: asRecorded(request.query.asRecordedAt, context) });
    const phases = new Map<string, { phase: string; count: number; withArticle3Barrier?: number }>();
    for (const item of cases) {
      const entry = phases.get(item.phase) ?? { phase: item.phase, count: 0, ...(kind === 'departure' ? { withArticle3Barrier: 0 } : {}) };
      entry.count += 1;
      if (kind === 'departure' && item.attributes.article3Barrier === true) entry.withArticle3Barrier! += 1;
      phases.set(item.phase, entry);
    }
    await granted.log({ resource: `phases:${kind}`, persons: [] });
    return { kind, date, phases: [...phases.values()] };
  });

  app.get('/api/overview/situations', {
    config: { action: 'cases.list' },
    schema: {
      tags: ['overview'], summary: 'Criminal cases per situation (Syria, Iraq, …): open and closed on a date',
      querystring: Type.Object(AtQuery, { additionalProperties: false }),
      response: { 200: Type.Object({ date: Type.String(), situations: Type.Array(Type.Object({ situation: Type.Union([Type.String(), Type.Null()]), open: Type.Integer(), closed: Type.Integer() })) }) },
    },
  }, async (request) => {
    const granted = await guard(request, context, 'cases.list', { kind: 'criminal', personIds: [] });
    const date = request.query.date ?? today(context);
    const cases = await casesAt(context.db, { kind: 'criminal', date, asRecordedAt: asRecorded(request.query.asRecordedAt, context) });
    const streams = await readStreams(context.db, cases.map((item) => item.stream));
    const bySituation = new Map<string | null, { situation: string | null; open: number; closed: number }>();
    for (const item of cases) {
      const opened = streams.get(item.stream)?.find((event) => event.type === 'criminal.opened');
      const situation = typeof opened?.data.situation === 'string' ? opened.data.situation : null;
      const entry = bySituation.get(situation) ?? { situation, open: 0, closed: 0 };
      if (item.phase === 'closed') entry.closed += 1; else entry.open += 1;
      bySituation.set(situation, entry);
    }
    await granted.log({ resource: 'situations:criminal', persons: [] });
    return { date, situations: [...bySituation.values()].sort((a, b) => b.open + b.closed - (a.open + a.closed) || String(a.situation).localeCompare(String(b.situation))) };
  });

  app.get('/api/overview/hearings', {
    config: { action: 'cases.list' },
    schema: {
      tags: ['overview'], summary: 'Upcoming court hearings of open criminal cases (criminal.hearing-scheduled), soonest first',
      querystring: Type.Object({ from: Type.Optional(Date_), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })) }, { additionalProperties: false }),
      response: { 200: Type.Object({ from: Type.String(), items: Type.Array(Type.Object({ case: Type.String(), date: Type.String(), court: Type.String(), phase: Type.String(), scheduledOn: Type.String() })) }) },
    },
  }, async (request) => {
    const granted = await guard(request, context, 'cases.list', { kind: 'criminal', personIds: [] });
    const from = request.query.from ?? today(context);
    const now = context.now().toISOString();
    const rows = await context.db.query<{ stream: string; date: string; court: string; scheduledOn: string }>(
      `SELECT e.stream, e.data ->> 'date' AS date, e.data ->> 'court' AS court, e.date AS "scheduledOn" FROM events e
       WHERE e.type = 'criminal.hearing-scheduled' AND e.data ->> 'date' >= $1 AND e.recorded_at <= $2::timestamptz
         AND NOT EXISTS (SELECT 1 FROM events r WHERE r.type = 'retracted' AND r.stream = e.stream AND r.data ->> 'event' = e.id)
       ORDER BY e.data ->> 'date', e.stream`,
      [from, now],
    );
    const phases = new Map((await casesAt(context.db, { kind: 'criminal', date: today(context), asRecordedAt: now })).map((item) => [item.stream, item.phase]));
    const items = rows
      .filter((row) => phases.has(row.stream) && phases.get(row.stream) !== 'closed')
      .slice(0, request.query.limit ?? 50)
      .map((row) => ({ case: row.stream, date: row.date, court: row.court, phase: phases.get(row.stream)!, scheduledOn: String(row.scheduledOn).slice(0, 10) }));
    await granted.log({ resource: 'hearings:criminal', persons: [] });
    return { from, items };
  });

  app.get('/api/overview/victims', {
    config: { action: 'cases.list' },
    schema: {
      tags: ['overview'], summary: 'R5: per criminal case its registered victims, when each was last informed and about what, and who is overdue',
      querystring: Type.Object({ date: Type.Optional(Date_), overdueOnly: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
      response: {
        200: Type.Object({
          date: Type.String(),
          cases: Type.Array(Type.Object({
            case: Type.String(), phase: Type.String(),
            victims: Type.Array(Type.Object({
              person: PersonRef, id: Type.String(), registeredOn: Type.Union([Type.String(), Type.Null()]),
              lastInformed: Type.Union([Type.Object({ date: Type.String(), about: Type.String() }), Type.Null()]),
              overdue: Type.Boolean(),
              reasons: Type.Array(Type.Object({ dueDate: Type.String(), kind: Type.String(), eventType: Type.Union([Type.String(), Type.Null()]), explanation: Bilingual })),
            })),
          })),
        }),
      },
    },
  }, async (request) => {
    const granted = await guard(request, context, 'cases.list', { kind: 'criminal', personIds: [] });
    const date = request.query.date ?? today(context);
    const config = ruleConfig();
    const rows = await context.db.query<{ stream: string }>(
      `SELECT DISTINCT stream FROM events WHERE type = 'criminal.victim-registered' AND date <= $1::date ORDER BY stream`, [date],
    );
    const cases = [];
    const persons = new Set<string>();
    for (const { stream } of rows) {
      const view = await viewStream(context.db, stream, { date });
      const events = standingEvents(view);
      const state = view.state as CriminalState;
      const victims = state.victims.map((victim) => {
        const status = victimInformationStatus(events, victim, date, config);
        return {
          person: view.persons.find((person) => person.id === victim) ?? null, id: victim, registeredOn: status.registeredOn,
          lastInformed: status.lastInformed ? { date: status.lastInformed.date, about: status.lastInformed.about } : null,
          overdue: status.overdue,
          reasons: status.reasons.map((reason) => ({ dueDate: reason.dueDate, kind: reason.kind, eventType: reason.eventType, explanation: reason.explanation })),
        };
      }).filter((victim) => !request.query.overdueOnly || victim.overdue);
      if (victims.length === 0) continue;
      for (const victim of victims) persons.add(victim.id);
      cases.push({ case: stream, phase: state.phase, victims });
    }
    await granted.log({ resource: 'victims:criminal', persons: [...persons].sort() });
    return { date, cases };
  });

  app.get('/api/overview/article3-reassessment', {
    config: { action: 'cases.list' },
    schema: {
      tags: ['overview'], summary: 'R7: open departure dossiers with an Article 3 barrier, by nationality',
      querystring: Type.Object({ nationality: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$' })), ...AtQuery }, { additionalProperties: false }),
      response: {
        200: Type.Object({
          date: Type.String(),
          groups: Type.Array(Type.Object({ nationality: Type.String(), dossiers: Type.Array(Type.Object({ dossier: Type.String(), person: PersonRef, barrierSince: Type.String() })) })),
        }),
      },
    },
  }, async (request) => {
    const granted = await guard(request, context, 'cases.list', { kind: 'departure', personIds: [] });
    const date = request.query.date ?? today(context);
    const groups = await article3Reassessment(context.db, { date, asRecordedAt: asRecorded(request.query.asRecordedAt, context), nationality: request.query.nationality });
    const shaped = groups.map((group) => ({ nationality: group.nationality, dossiers: group.dossiers.map((dossier) => ({ dossier: dossier.dossier, person: dossier.person ?? null, barrierSince: dossier.barrierSince })) }));
    await granted.log({ resource: 'article3-reassessment', persons: [...new Set(shaped.flatMap((group) => group.dossiers.flatMap((dossier) => (dossier.person ? [dossier.person.id] : []))))].sort() });
    return { date, groups: shaped };
  });

  app.get('/api/overview/exclusion-decisions', {
    config: { action: 'cases.list' },
    schema: {
      tags: ['overview'], summary: 'R2: the 1F decisions dated in a year, each with the consequences the rules derive',
      querystring: Type.Object({ year: Type.Optional(YearParam) }, { additionalProperties: false }),
      response: {
        200: Type.Object({
          year: Type.Integer(),
          items: Type.Array(Type.Object({
            case: Type.String(), date: Type.String(), outcome: Type.String(), phase: Type.String(),
            consequences: Type.Object({
              applies: Type.Boolean(), asylumRefused: Type.Boolean(), article3Barrier: Type.Boolean(), returnDecision: Type.Boolean(),
              entryBanYears: Type.Union([Type.Integer(), Type.Null()]), sisAlert: Type.String(), appealPending: Type.Boolean(),
            }),
          })),
        }),
      },
    },
  }, async (request) => {
    const granted = await guard(request, context, 'cases.list', { kind: 'exclusion', personIds: [] });
    const year = request.query.year ?? Number(today(context).slice(0, 4));
    const config = ruleConfig();
    const rows = await context.db.query<{ stream: string; date: string }>(
      `SELECT e.stream, e.date FROM events e WHERE e.type = 'exclusion.decided' AND e.date BETWEEN $1::date AND $2::date
         AND NOT EXISTS (SELECT 1 FROM events r WHERE r.type = 'retracted' AND r.stream = e.stream AND r.data ->> 'event' = e.id)
       ORDER BY e.date DESC, e.stream`,
      [`${year}-01-01`, `${year}-12-31`],
    );
    const streams = await readStreams(context.db, [...new Set(rows.map((row) => row.stream))]);
    const date = today(context);
    const items = [];
    const seen = new Set<string>();
    for (const row of rows) {
      if (seen.has(row.stream)) continue;
      seen.add(row.stream);
      const state = stateAt('exclusion', streams.get(row.stream) ?? [], date) as ExclusionState;
      const consequences = exclusionConsequences(state, config);
      items.push({
        case: row.stream, date: String(row.date).slice(0, 10), outcome: state.decision?.outcome ?? '', phase: state.phase,
        consequences: {
          applies: consequences.applies, asylumRefused: consequences.asylumRefused, article3Barrier: consequences.article3Barrier,
          returnDecision: consequences.returnDecision, entryBanYears: consequences.entryBan?.years ?? null, sisAlert: consequences.sisAlert,
          appealPending: consequences.appealPending,
        },
      });
    }
    await granted.log({ resource: `exclusion-decisions:${year}`, persons: [] });
    return { year, items };
  });

  app.get('/api/cases/:kind/:id/derived', {
    config: { action: 'stream.read' },
    schema: {
      tags: ['registry'], summary: 'What the rules derive for a case now: R1 punishability, R2 consequences of a 1F decision, R5 victims owed information',
      params: Type.Object({ kind: CaseKindSchema, id: EntityId }),
      querystring: Type.Object(AtQuery, { additionalProperties: false }),
      response: { 200: Type.Object({ sentences: Type.Array(Bilingual), exclusion: Type.Optional(Type.Unknown()), prosecution: Type.Optional(Type.Unknown()) }) },
    },
  }, async (request) => {
    const stream = `${request.params.kind}/${request.params.id}`;
    const granted = await guard(request, context, 'stream.read', { kind: request.params.kind, stream });
    await mustExist(context, stream);
    const view = await viewStream(context.db, stream, { date: request.query.date ?? today(context), asRecordedAt: request.query.asRecordedAt === undefined ? undefined : parseAsRecordedAt(request.query.asRecordedAt) });
    const derived = deriveFor(view, ruleConfig());
    await granted.log({ persons: view.persons.map((person) => person.id) });
    // DT&V's view of a 1F file is the decision and its consequences, not the acts: no R1 assessment of them.
    if (granted.view === 'decision-and-consequences') {
      return { sentences: derived.exclusion?.explanation ?? [], ...(derived.exclusion ? { exclusion: derived.exclusion } : {}) };
    }
    return { sentences: derived.sentences, ...(derived.exclusion ? { exclusion: derived.exclusion } : {}), ...(derived.prosecution ? { prosecution: derived.prosecution } : {}) };
  });

  app.get('/api/cases/:kind/:id/allowed-events', {
    config: { action: 'stream.read' },
    schema: {
      tags: ['registry'], summary: 'The events the state machine allows on this case now, with the fields of each (for a form); empty when you may not add events here',
      params: Type.Object({ kind: CaseKindSchema, id: EntityId }),
      response: {
        200: Type.Object({
          today: Type.String(), phase: Type.String(),
          mayAppend: Type.Boolean(), mayRetract: Type.Boolean(), refusal: Type.Union([Type.String(), Type.Null()]),
          events: Type.Array(Type.Object({ type: Type.String(), fields: Type.Array(FormFieldSchema) })),
        }),
      },
    },
  }, async (request) => {
    const kind = request.params.kind as StreamKind;
    const stream = `${kind}/${request.params.id}`;
    const granted = await guard(request, context, 'stream.read', { kind, stream });
    await mustExist(context, stream);
    const date = today(context);
    const view = await viewStream(context.db, stream, { date });
    const facts = registryFacts(context.db, context.now());
    const append = await authorize(context.policy, request.principal, 'events.append', { kind, stream }, { date, facts });
    const retract = await authorize(context.policy, request.principal, 'events.retract', { kind, stream }, { date, facts });
    const state = view.state;
    const standing = standingEvents(view);
    const events = append.allowed
      ? allowedEvents(kind, stream, state, date, {
        victims: kind === 'criminal' ? (state as CriminalState).victims : undefined,
        keyEvents: kind === 'criminal' ? standing.filter((event) => KEY_EVENT_TYPES.includes(event.type)).map((event) => event.id) : undefined,
      })
      : [];
    await granted.log({ persons: view.persons.map((person) => person.id) });
    return { today: date, phase: state.phase, mayAppend: append.allowed, mayRetract: retract.allowed, refusal: append.allowed ? null : append.reason, events };
  });

  app.get('/api/persons/:id/withheld', {
    config: { action: 'stream.read' },
    schema: {
      tags: ['registry'], summary: "What the policy withholds from you about a person: the kinds of case naming them that you may not read, how many, and which legal basis would allow it (never the ids of those cases)",
      params: Type.Object({ id: EntityId }),
      response: { 200: Type.Object({ items: Type.Array(Type.Object({ kind: Type.String(), count: Type.Integer(), reason: Type.String(), allowingBases: Type.Array(Type.String()) })) }) },
    },
  }, async (request) => {
    const stream = `person/${request.params.id}`;
    const granted = await guard(request, context, 'stream.read', { kind: 'person', stream });
    await mustExist(context, stream);
    const date = today(context);
    const cases = await streamsNaming(context.db, stream);
    const facts = registryFacts(context.db, context.now());
    const withheld = new Map<string, { kind: string; count: number; reason: string; allowingBases: string[] }>();
    for (const item of cases) {
      const kind = parseStreamName(item)?.kind;
      if (!kind || !(CASE_KINDS as readonly string[]).includes(kind)) continue;
      const decision = await authorize(context.policy, request.principal, 'stream.read', { kind, stream: item }, { date, facts });
      if (decision.allowed) continue;
      // That something is withheld, of which kind and on which basis it could be shared — never which case (the
      // refusal's own reason names cases and persons: it goes to the access log, not here).
      const principal = request.principal!;
      const reason = `The access policy does not let ${principal.role} (${principal.organisation}) see the ${kind} cases naming this person.`;
      const entry = withheld.get(kind) ?? { kind, count: 0, reason, allowingBases: decision.allowingBases };
      entry.count += 1;
      withheld.set(kind, entry);
    }
    await granted.log({ persons: [request.params.id], resource: `${stream}:withheld` });
    return { items: [...withheld.values()] };
  });

  app.get('/api/reports/trends', {
    config: { action: 'report.read' },
    schema: {
      tags: ['reports'], summary: 'The report\'s figures for every year since 2014 (cases before a court, 1F decisions, departures by mode), as recorded at a time',
      querystring: Type.Object({ asRecordedAt: Type.Optional(Time), to: Type.Optional(YearParam) }, { additionalProperties: false }),
      response: {
        200: Type.Object({
          asRecordedAt: Type.String(), referenceDates: Type.Record(Type.String(), Type.String()),
          years: Type.Array(Type.Object({
            year: Type.Integer(), beforeCourt: Type.Integer(), investigation: Type.Integer(),
            decisionsApplied: Type.Integer(), decisionsNotApplied: Type.Integer(),
            departuresForced: Type.Integer(), departuresVoluntarySupervised: Type.Integer(), departuresVoluntaryUnsupervised: Type.Integer(),
          })),
        }),
      },
    },
  }, async (request) => {
    await guard(request, context, 'report.read', { kind: 'report' });
    const date = today(context);
    const last = Math.min(request.query.to ?? Number(date.slice(0, 4)), Number(date.slice(0, 4)));
    const asRecordedAt = asRecorded(request.query.asRecordedAt, context);
    const columns: number[] = [];
    const referenceDates: Record<string, string> = {};
    for (let year = FIRST_TREND_YEAR; year <= last; year += 1) {
      columns.push(year);
      referenceDates[String(year)] = referenceDatesFor(year, date)[String(year)]!;
    }
    // The trends of "now" only change when the log grows: keep the last answer per log position and day.
    const key = request.query.asRecordedAt === undefined ? `${await logPosition(context.db)}:${date}:${last}` : undefined;
    const cached = key === undefined ? undefined : trendCache.get(context)?.get(key);
    const figures = cached ?? await computeFigures(context.db, columns, referenceDates, asRecordedAt);
    if (key !== undefined && !cached) trendCache.set(context, new Map([[key, figures]]));
    const value = (table: string, row: string, year: number) => figures[table]?.[row]?.[String(year)] ?? 0;
    return {
      asRecordedAt, referenceDates,
      years: columns.map((year) => ({
        year,
        beforeCourt: value('criminal-investigations', 'first-instance', year) + value('criminal-investigations', 'appeal', year) + value('criminal-investigations', 'cassation', year),
        investigation: value('criminal-investigations', 'investigation', year),
        decisionsApplied: value('exclusion-decisions', 'applied', year),
        decisionsNotApplied: value('exclusion-decisions', 'not-applied', year),
        departuresForced: value('departures', 'forced', year),
        departuresVoluntarySupervised: value('departures', 'voluntary-supervised', year),
        departuresVoluntaryUnsupervised: value('departures', 'voluntary-unsupervised', year),
      })),
    };
  });

  app.get('/api/reports/:year/view', {
    config: { action: 'report.read' },
    schema: {
      tags: ['reports'], summary: 'The report as the web page and the PDF show it: title, numbered tables with their notes, the footer; and the report itself',
      params: Type.Object({ year: YearParam }), querystring: ReportQuery,
      response: {
        200: Type.Object({
          report: ReportSchema,
          view: Type.Object({
            language: Type.String(), title: Type.String(), years: Type.Array(Type.String()), footer: Type.String(),
            tables: Type.Array(Type.Object({
              id: Type.String(), title: Type.String(), heading: Type.String(), note: Type.String(),
              rows: Type.Array(Type.Object({ id: Type.String(), label: Type.String(), isTotal: Type.Boolean(), figures: Type.Array(Type.Integer()) })),
            })),
          }),
        }),
      },
    },
  }, async (request) => {
    await guard(request, context, 'report.read', { kind: 'report' });
    const lang = request.query.lang ?? 'nl';
    const report = await computeReport(context.db, { year: request.params.year, referenceDate: request.query.referenceDate, asRecordedAt: request.query.asRecordedAt, lang }, context);
    const view = toReportView(report, lang);
    return { report, view: { ...view, years: [...view.years], tables: view.tables.map((table) => ({ ...table, rows: table.rows.map((row) => ({ ...row, figures: [...row.figures] })) })) } };
  });

  app.get('/api/reports/:year/pdf', {
    config: { action: 'report.read' },
    schema: {
      tags: ['reports'], summary: 'The yearly report as PDF: the same content as the web page and the Word document',
      params: Type.Object({ year: YearParam }), querystring: ReportQuery,
      response: { 200: Type.String({ description: 'application/pdf' }) },
    },
  }, async (request, reply) => {
    await guard(request, context, 'report.read', { kind: 'report' });
    const lang = request.query.lang ?? 'nl';
    const report = await computeReport(context.db, { year: request.params.year, referenceDate: request.query.referenceDate, asRecordedAt: request.query.asRecordedAt, lang }, context);
    const pdf = await renderReportPdf(toReportView(report, lang));
    reply.type('application/pdf').header('content-disposition', `attachment; filename="rapportage-${request.params.year}.pdf"`);
    // A Buffer goes out as it is (fastify skips serialisation for Buffers).
    return reply.send(pdf as unknown as string);
  });
}

async function mustExist(context: ServerContext, stream: string): Promise<void> {
  if (!(await streamExists(context.db, stream))) throw new ImketenError('CASE_NOT_FOUND', `No ${stream} in the registry.`);
}
