/**
 * Test data: interchange-format events with sensible defaults, and JSONL text made of them.
 */
import type { EventInput } from '../domain/event.js';

export class EventFactory {
  private next = 1;

  constructor(private readonly prefix = 'ev') {}

  event(stream: string, type: string, date: string, data: Record<string, unknown> = {}, extra: Partial<EventInput> = {}): EventInput {
    return { id: `${this.prefix}-${String(this.next++).padStart(4, '0')}`, stream, type, date, data, ...extra };
  }

  person(id: string, date = '2015-01-10', names: string[] = [`Person ${id}`]): EventInput {
    return this.event(`person/${id}`, 'person.registered', date, { names });
  }

  /** A criminal case against `suspect`, taken through `phases` (indicted, judgment…) on the given dates. */
  criminalOpened(caseId: string, suspect: string, date: string, offences: string[] = ['war-crimes']): EventInput {
    return this.event(`criminal/${caseId}`, 'criminal.opened', date, { suspect, offences });
  }
}

export function jsonl(events: readonly unknown[]): string {
  return events.map((event) => `${JSON.stringify(event)}\n`).join('');
}
