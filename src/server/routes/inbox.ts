/**
 * The task inbox (README "Task inbox"): GET what waits for the signed-in user (src/operations/list-waiting-work.ts,
 * each source decided by the policy as its own read and logged so), and POST to assign a task to a colleague of the
 * same organisation, mark it done or reopen it. The task events are written by the server only (checked-append.ts:
 * never sent over POST /api/events), for a task in the caller's own inbox: a role cannot note work it may not see,
 * nor learn of a case from the answer (the refusal is the same for a task that exists elsewhere and one that does not).
 */
import { randomUUID } from 'node:crypto';
import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import { ruleConfig } from '../../config/rules.js';
import { ImketenError } from '../../domain/errors.js';
import { taskStream } from '../../domain/task/state.js';
import { listWaitingWork, type WaitingItem } from '../../operations/list-waiting-work.js';
import type { Principal } from '../../policy/principal.js';
import { activeAccountsOf } from '../../store/accounts-store.js';
import { appendChecked } from '../checked-append.js';
import { accessEntry, asOfQuery, guard, today, type App, type ServerContext } from '../context.js';
import { Bilingual } from '../schemas.js';

const TaskKey = Type.String({ minLength: 1, maxLength: 500, description: 'The key of a task of your inbox (an item\'s `key`).' });

const WaitingItemSchema = Type.Object({
  key: TaskKey,
  kind: Type.Union([
    Type.Literal('victim-information'), Type.Literal('article3-reassessment'), Type.Literal('hearing'),
    Type.Literal('screening-hit'), Type.Literal('cross-reference'), Type.Literal('authorisation-expiring'),
  ]),
  dueDate: Type.String({ description: 'The last day to do it (YYYY-MM-DD).' }),
  overdue: Type.Boolean(),
  subject: Type.Object({
    stream: Type.String(), reference: Type.String({ description: 'The case number, or the person\'s name for a person item.' }),
    person: Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()]),
    text: Bilingual,
  }),
  assignee: Type.Optional(Type.Object({ username: Type.String(), displayName: Type.String(), by: Type.String(), on: Type.String() })),
  done: Type.Optional(Type.Object({
    by: Type.String(), on: Type.String(), note: Type.Union([Type.String(), Type.Null()]),
    stillOpen: Type.Boolean({ description: 'A legal duty marked done stays open until the fact the law names is recorded (R5: criminal.victim-informed).' }),
  })),
  legalDuty: Type.Boolean(),
  link: Type.String({ description: 'The page of the web app where the work is done.' }),
});

const TaskAnswer = Type.Object({ eventId: Type.String(), item: WaitingItemSchema });

export function registerInboxRoutes(app: App, context: ServerContext): void {
  app.get('/api/inbox', {
    config: { action: 'inbox.read' },
    schema: {
      tags: ['inbox'], operationId: 'listInbox',
      summary: 'What waits for you: victims to inform, Article 3 reassessments, hearings to prepare, hits and cross-references to review, expiring authorisations; overdue first, then by due date',
      description: 'Each source is decided by the access policy as its own read (cases.list, screening.hits, crossref.read, authorisations.read) and logged so: the inbox shows nothing your role could not read elsewhere. '
        + 'Tasks marked done leave the list unless includeDone, except legal duties (R5), which stay until discharged.',
      querystring: Type.Object({
        mine: Type.Optional(Type.Boolean({ description: 'Only the tasks assigned to you.' })),
        includeDone: Type.Optional(Type.Boolean()),
        date: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
      }, { additionalProperties: false }),
      response: {
        200: Type.Object({
          date: Type.String(),
          items: Type.Array(WaitingItemSchema),
          colleagues: Type.Array(Type.Object({ username: Type.String(), displayName: Type.String() }), { description: 'Who of your organisation a task can be assigned to (empty: your role keeps no tasks).' }),
        }),
      },
    },
  }, async (request) => {
    await guard(request, context, 'inbox.read');
    const principal = request.principal!;
    const work = await listWaitingWork(context.db, {
      principal, asOf: asOfQuery({ date: request.query.date }, context), includeDone: request.query.includeDone === true,
      ...(request.query.mine ? { assignee: principal.username } : {}),
    }, { policy: context.policy, rules: ruleConfig() });
    for (const access of work.accesses) {
      await context.accessLog.log(accessEntry(request, context, principal, { ...access, outcome: 'allowed', reason: null }));
    }
    request.accessLogged = true;
    const colleagues = await colleaguesOf(context, principal);
    return { date: work.date, items: work.items.map((item) => itemOut(item, colleagues)), colleagues: mayKeepTasks(context, principal) ? colleagues : [] };
  });

  const write = (path: string, operationId: string, summary: string, body: ReturnType<typeof Type.Object>, build: (request: FastifyRequest, item: WaitingItem) => Promise<{ type: string; data: Record<string, unknown> }>) => {
    app.post(path, {
      config: { action: 'inbox.manage' },
      schema: { tags: ['inbox'], operationId, summary, body, response: { 201: TaskAnswer } },
    }, async (request, reply) => {
      await guard(request, context, 'inbox.manage', { kind: 'task', personIds: [] });
      const principal = request.principal!;
      const key = (request.body as { task: string }).task;
      const item = await taskInInbox(context, principal, key);
      const { type, data } = await build(request, item);
      const event = {
        id: `task-${randomUUID()}`, stream: taskStream(principal.organisation, key), type, date: today(context),
        data: { task: key, organisation: principal.organisation, by: principal.username, ...data },
      };
      const { eventIds } = await appendChecked(request, context, 'events.append', [event], { derivedByServer: true });
      const after = await taskInInbox(context, principal, key);
      return reply.code(201).send({ eventId: eventIds[0]!, item: itemOut(after, await colleaguesOf(context, principal)) });
    });
  };

  write('/api/inbox/tasks/assignments', 'assignTask', 'Assign a task of your inbox to a colleague of your organisation (or yourself): task.assigned',
    Type.Object({ task: TaskKey, assignee: Type.String({ minLength: 1, maxLength: 200, description: 'The username of the colleague.' }) }, { additionalProperties: false }),
    async (request) => {
      const principal = request.principal!;
      const assignee = (request.body as { assignee: string }).assignee;
      const colleague = (await activeAccountsOf(context.db, principal.organisation)).find((account) => account.username === assignee);
      // the same refusal for an unknown username and another organisation's: the answer names no one outside yours
      if (!colleague) throw new ImketenError('ACCOUNT_NOT_FOUND', `No colleague '${assignee}' in your organisation: a task is assigned within the organisation whose task it is.`, [], { key: 'notAColleague', params: { username: assignee } });
      const theirs = { kind: 'user' as const, username: colleague.username, organisation: colleague.organisation, role: colleague.role, accountId: colleague.id };
      const work = await listWaitingWork(context.db, { principal: theirs, asOf: asOfQuery({}, context), includeDone: true }, { policy: context.policy, rules: ruleConfig() });
      const key = (request.body as { task: string }).task;
      if (!work.items.some((item) => item.key === key)) {
        throw new ImketenError('FORBIDDEN', `${colleague.username} may not see this task (their role's access policy): assign it to a colleague who can.`, [], { key: 'colleagueCannotSee', params: { username: colleague.username } });
      }
      return { type: 'task.assigned', data: { assignee: colleague.username } };
    });

  write('/api/inbox/tasks/completions', 'completeTask', 'Mark a task of your inbox done: task.marked-done. A legal duty (R5) stays in the inbox, still open, until discharged by its own event',
    Type.Object({ task: TaskKey, note: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })) }, { additionalProperties: false }),
    async (request, item) => {
      if (item.done) throw new ImketenError('TRANSITION_NOT_ALLOWED', `The task was marked done on ${item.done.on} already.`, [], { key: 'taskDoneAlready', params: { on: item.done.on } });
      const note = (request.body as { note?: string }).note;
      return { type: 'task.marked-done', data: note ? { note } : {} };
    });

  write('/api/inbox/tasks/reopenings', 'reopenTask', 'Reopen a task of your inbox marked done: task.reopened',
    Type.Object({ task: TaskKey, reason: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })) }, { additionalProperties: false }),
    async (request, item) => {
      if (!item.done) throw new ImketenError('TRANSITION_NOT_ALLOWED', 'Only a task marked done can be reopened.', [], { key: 'taskNotDone' });
      const reason = (request.body as { reason?: string }).reason;
      return { type: 'task.reopened', data: reason ? { reason } : {} };
    });
}

/**
 * The task as the caller's inbox shows it today (done ones included); refused the same way whether it is another's,
 * one the role may not see, or none at all.
 */
async function taskInInbox(context: ServerContext, principal: Principal, key: string): Promise<WaitingItem> {
  const work = await listWaitingWork(context.db, { principal, asOf: asOfQuery({}, context), includeDone: true }, { policy: context.policy, rules: ruleConfig() });
  const item = work.items.find((candidate) => candidate.key === key);
  if (!item) throw new ImketenError('CASE_NOT_FOUND', 'No such task in your inbox: you assign and close only what waits for you.', [], { key: 'taskNotInInbox' });
  return item;
}

function mayKeepTasks(context: ServerContext, principal: Principal): boolean {
  return (context.policy.actions['inbox.manage']?.grants?.[principal.role] ?? []).length > 0;
}

async function colleaguesOf(context: ServerContext, principal: Principal): Promise<{ username: string; displayName: string }[]> {
  return (await activeAccountsOf(context.db, principal.organisation)).map((account) => ({ username: account.username, displayName: account.displayName }));
}

function itemOut(item: WaitingItem, colleagues: readonly { username: string; displayName: string }[]) {
  const { assignee, ...rest } = item;
  if (!assignee) return rest;
  const displayName = colleagues.find((colleague) => colleague.username === assignee.username)?.displayName ?? assignee.username;
  return { ...rest, assignee: { ...assignee, displayName } };
}
