/**
 * What the recording forms ask the server (issue 13): which events the write policy and the state machine offer on
 * a stream (GET /api/cases/{kind}/{id}/allowed-events, src/operations/list-allowed-events.ts — also for an evidence
 * item and a witness), the elements a case may link evidence to, and the one write (POST /api/events).
 */
import { client, unwrap } from '../../api/client';
import type { components, paths } from '../../api/schema';

export type AllowedOn = paths['/api/cases/{kind}/{id}/allowed-events']['get']['responses'][200]['content']['application/json'];
export type AllowedKind = paths['/api/cases/{kind}/{id}/allowed-events']['get']['parameters']['path']['kind'];
export type CaseOffenceElements = components['schemas']['CaseOffenceElements'];

export function loadAllowedEvents(stream: string): Promise<AllowedOn> {
  const slash = stream.indexOf('/');
  const kind = stream.slice(0, slash) as AllowedKind;
  return unwrap(client.GET('/api/cases/{kind}/{id}/allowed-events', { params: { path: { kind, id: stream.slice(slash + 1) } } }));
}

/** Whether the answer offers this event type (the write policy gives it to the role). */
export function offers(allowed: AllowedOn | undefined, type: string): boolean {
  return Boolean(allowed?.mayAppend && allowed.events.some((event) => event.type === type));
}

export async function listCaseElements(stream: string): Promise<CaseOffenceElements[]> {
  const slash = stream.indexOf('/');
  const kind = stream.slice(0, slash) as 'criminal' | 'exclusion';
  return (await unwrap(client.GET('/api/cases/{kind}/{id}/elements', { params: { path: { kind, id: stream.slice(slash + 1) } } }))).items;
}

/** Appends one event through the write policy; the server's refusal arrives as an ApiProblem. */
export async function recordEvent(stream: string, type: string, date: string, data: Record<string, unknown>): Promise<void> {
  await unwrap(client.POST('/api/events', { body: { events: [{ id: `web-${crypto.randomUUID()}`, stream, type, date, data }] } }));
}

/** The case field of an event naming one case: criminalCase or exclusionCase. */
export function caseField(caseStream: string): { criminalCase: string } | { exclusionCase: string } {
  const [kind, id = ''] = caseStream.split('/');
  return kind === 'exclusion' ? { exclusionCase: id } : { criminalCase: id };
}
