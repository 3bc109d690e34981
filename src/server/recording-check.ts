/**
 * The API side of src/policy/recording.ts: before an append or retraction is stored, every event whose type a
 * sharing regime names (the judge's authorisation, a share of 1F information) must come from a role the regime
 * names, while it is in force. A refusal is logged and answered 403, like any refused access.
 */
import type { FastifyRequest } from 'fastify';
import { RETRACTED } from '../domain/events/retraction.js';
import { recordingRefusal } from '../policy/recording.js';
import { eventType } from '../store/event-store.js';
import { accessEntry, today, type ServerContext } from './context.js';
import { AccessDenied } from './http-errors.js';

interface Appended { stream: string; type: string; date: string; data: Record<string, unknown> }

export async function checkRecordingRoles(
  request: FastifyRequest, context: ServerContext, action: string, events: readonly Appended[], persons: string[],
): Promise<void> {
  const principal = request.principal!;
  for (const event of events) {
    let type = event.type;
    const retraction = type === RETRACTED;
    if (retraction) {
      const target = await eventType(context.db, event.stream, String(event.data.event));
      if (target === undefined) continue; // the import names the missing event
      type = target;
    }
    const refusal = recordingRefusal(context.policy, principal.role, type, { eventDate: event.date, today: today(context) }, retraction);
    if (!refusal) continue;
    await context.accessLog.log(accessEntry(request, context, principal, {
      action, resource: event.stream, persons, legalBasis: null, outcome: 'denied', reason: refusal.reason,
    }));
    throw new AccessDenied('FORBIDDEN', refusal.reason, refusal.allowingBases, { key: 'recordingRefused', params: { type } });
  }
}
