/**
 * Overviews of the registry for the home pages of each organisation: counts per phase and per situation, upcoming
 * hearings, victims and their information status (R5), the Article 3 reassessment list (R7), 1F decisions with
 * their consequences (R2). Each handler parses, calls one operation (src/operations) and shapes the answer; each
 * reuses an action of config/policy.json: the access rules are those of the data shown, not of the page.
 */
import { Type } from 'typebox';
import { ruleConfig } from '../../config/rules.js';
import type { CaseKind } from '../../domain/event.js';
import { countPhases } from '../../operations/count-phases.js';
import { countSituations } from '../../operations/count-situations.js';
import { listArticle3Reassessment } from '../../operations/list-article3-reassessment.js';
import { listExclusionDecisions } from '../../operations/list-exclusion-decisions.js';
import { listHearings } from '../../operations/list-hearings.js';
import { listVictims } from '../../operations/list-victims.js';
import type { VictimInformationStatus } from '../../domain/rules/victim-information.js';
import { asOfQuery, guard, today, type App, type ServerContext } from '../context.js';
import { Bilingual, CaseKindSchema, Date_, PersonSummarySchema, Time, YearParam } from '../schemas.js';

const AtQuery = { date: Type.Optional(Date_), asRecordedAt: Type.Optional(Time) };
const PersonRef = Type.Union([PersonSummarySchema, Type.Null()]);

/** An R5 duty as the victims overview shows it: structured, so the app words it in the user's language. */
const InformationDuty = Type.Object({
  kind: Type.Union([Type.Literal('periodic-update'), Type.Literal('key-event')]),
  dueDate: Type.String(), overdue: Type.Boolean(), since: Type.String(),
  eventId: Type.Union([Type.String(), Type.Null()]), eventType: Type.Union([Type.String(), Type.Null()]), eventDate: Type.Union([Type.String(), Type.Null()]),
  explanation: Bilingual,
});

function dutyOut(duty: VictimInformationStatus['duties'][number]) {
  const { kind, dueDate, overdue, since, eventId, eventType, eventDate, explanation } = duty;
  return { kind, dueDate, overdue, since, eventId, eventType, eventDate, explanation };
}

export function registerOverviewRoutes(app: App, context: ServerContext): void {
  app.get('/api/overview/phases', {
    config: { action: 'cases.list' },
    schema: {
      tags: ['overview'], operationId: 'countPhases',
      summary: 'How many cases of a kind are in each phase on a date (split by Article 3 barrier for departure dossiers)',
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
    const asOf = asOfQuery(request.query, context);
    const phases = await countPhases(context.db, { kind, asOf });
    await granted.log({ resource: `phases:${kind}`, persons: [] });
    return { kind, date: asOf.date, phases };
  });

  app.get('/api/overview/situations', {
    config: { action: 'cases.list' },
    schema: {
      tags: ['overview'], operationId: 'countSituations', summary: 'Criminal cases per situation (Syria, Iraq, …): open and closed on a date',
      querystring: Type.Object(AtQuery, { additionalProperties: false }),
      response: { 200: Type.Object({ date: Type.String(), situations: Type.Array(Type.Object({ situation: Type.Union([Type.String(), Type.Null()]), open: Type.Integer(), closed: Type.Integer() })) }) },
    },
  }, async (request) => {
    const granted = await guard(request, context, 'cases.list', { kind: 'criminal', personIds: [] });
    const asOf = asOfQuery(request.query, context);
    const situations = await countSituations(context.db, { asOf });
    await granted.log({ resource: 'situations:criminal', persons: [] });
    return { date: asOf.date, situations };
  });

  app.get('/api/overview/hearings', {
    config: { action: 'cases.list' },
    schema: {
      tags: ['overview'], operationId: 'listHearings', summary: 'Upcoming court hearings of open criminal cases (criminal.hearing-scheduled), soonest first',
      querystring: Type.Object({ from: Type.Optional(Date_), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })) }, { additionalProperties: false }),
      response: { 200: Type.Object({ from: Type.String(), items: Type.Array(Type.Object({ case: Type.String(), date: Type.String(), court: Type.String(), phase: Type.String(), scheduledOn: Type.String() })) }) },
    },
  }, async (request) => {
    const granted = await guard(request, context, 'cases.list', { kind: 'criminal', personIds: [] });
    const asOf = asOfQuery({}, context);
    const from = request.query.from ?? asOf.date;
    const items = await listHearings(context.db, { asOf, from, limit: request.query.limit ?? 50 });
    await granted.log({ resource: 'hearings:criminal', persons: [] });
    return { from, items };
  });

  app.get('/api/overview/victims', {
    config: { action: 'cases.list' },
    schema: {
      tags: ['overview'], operationId: 'listVictims',
      summary: 'R5: per criminal case its registered victims, when each was last informed and about what, and who is overdue',
      querystring: Type.Object({ ...AtQuery, overdueOnly: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
      response: {
        200: Type.Object({
          date: Type.String(),
          cases: Type.Array(Type.Object({
            case: Type.String(), phase: Type.String(),
            victims: Type.Array(Type.Object({
              person: PersonRef, id: Type.String(), registeredOn: Type.Union([Type.String(), Type.Null()]),
              lastInformed: Type.Union([Type.Object({ date: Type.String(), about: Type.String() }), Type.Null()]),
              overdue: Type.Boolean(),
              reasons: Type.Array(InformationDuty),
              duties: Type.Array(InformationDuty, { description: 'Every open duty, overdue or not, earliest due first: what a new criminal.victim-informed can name in `duties`' }),
            })),
          })),
        }),
      },
    },
  }, async (request) => {
    const granted = await guard(request, context, 'cases.list', { kind: 'criminal', personIds: [] });
    const asOf = asOfQuery(request.query, context);
    const found = await listVictims(context.db, { asOf, overdueOnly: request.query.overdueOnly === true }, ruleConfig());
    const cases = found.map((item) => ({
      case: item.case, phase: item.phase,
      victims: item.victims.map(({ id, person, status }) => ({
        person: person ?? null, id, registeredOn: status.registeredOn,
        lastInformed: status.lastInformed ? { date: status.lastInformed.date, about: status.lastInformed.about } : null,
        overdue: status.overdue,
        reasons: status.reasons.map(dutyOut),
        duties: status.duties.map(dutyOut),
      })),
    }));
    await granted.log({ resource: 'victims:criminal', persons: [...new Set(found.flatMap((item) => item.victims.map((victim) => victim.id)))].sort() });
    return { date: asOf.date, cases };
  });

  app.get('/api/overview/article3-reassessment', {
    config: { action: 'cases.list' },
    schema: {
      tags: ['overview'], operationId: 'listArticle3Reassessment', summary: 'R7: open departure dossiers with an Article 3 barrier, by nationality, with the last assessment, when the next is due and its status',
      querystring: Type.Object({ nationality: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$' })), ...AtQuery }, { additionalProperties: false }),
      response: {
        200: Type.Object({
          date: Type.String(),
          groups: Type.Array(Type.Object({
            nationality: Type.String(),
            dossiers: Type.Array(Type.Object({
              dossier: Type.String(), person: PersonRef, barrierSince: Type.String(),
              lastAssessment: Type.String({ description: 'The day of the latest Article 3 finding.' }),
              status: Type.Union([Type.Literal('due'), Type.Literal('current')], { description: 'due: the country\'s situation changed after the last assessment; current: the last assessment stands.' }),
              dueDate: Type.Union([Type.String(), Type.Null()], { description: 'The day the reassessment became due (the change), or null while it is not due.' }),
            })),
          })),
        }),
      },
    },
  }, async (request) => {
    const granted = await guard(request, context, 'cases.list', { kind: 'departure', personIds: [] });
    const asOf = asOfQuery(request.query, context);
    const groups = await listArticle3Reassessment(context.db, { asOf, nationality: request.query.nationality, situations: ruleConfig().countrySituations ?? [] });
    const shaped = groups.map((group) => ({
      nationality: group.nationality,
      dossiers: group.dossiers.map(({ dossier, person, barrierSince, lastAssessment, dueDate, status }) => ({ dossier, person: person ?? null, barrierSince, lastAssessment, dueDate, status })),
    }));
    await granted.log({ resource: 'article3-reassessment', persons: [...new Set(shaped.flatMap((group) => group.dossiers.flatMap((dossier) => (dossier.person ? [dossier.person.id] : []))))].sort() });
    return { date: asOf.date, groups: shaped };
  });

  app.get('/api/overview/exclusion-decisions', {
    config: { action: 'cases.list' },
    schema: {
      tags: ['overview'], operationId: 'listExclusionDecisions', summary: 'R2: the 1F decisions dated in a year, each with the consequences the rules derive',
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
    const items = await listExclusionDecisions(context.db, { year, asOf: asOfQuery({}, context) }, ruleConfig());
    await granted.log({ resource: `exclusion-decisions:${year}`, persons: [] });
    return { year, items };
  });
}
