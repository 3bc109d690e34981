/** Random but valid criminal-case histories, for property tests of the import and the replay. */
import type { EventInput } from '../domain/event.js';

export type Step = 'arrest' | 'indict' | 'judge' | 'appeal' | 'cassation' | 'close';

/** A valid criminal-case history: the steps the state machine allows, in order, on increasing dates. */
export function validHistory(run: number, steps: Step[], gaps: number[]): EventInput[] {
  const person = `P-${run}`;
  const stream = `criminal/SZ-${run}`;
  let day = Date.UTC(2010, 0, 1);
  let n = 0;
  const next = (type: string, data: Record<string, unknown> = {}, target = stream): EventInput => {
    day += (gaps[n % gaps.length]! + 1) * 86_400_000;
    n += 1;
    return { id: `run${run}-ev${n}`, stream: target, type, date: new Date(day).toISOString().slice(0, 10), data };
  };
  const events = [next('person.registered', { names: [`Person ${run}`] }, `person/${person}`), next('criminal.opened', { suspect: person, offences: ['war-crimes'] })];
  let phase: 'investigation' | 'first-instance' | 'appeal' | 'cassation' | 'closed' = 'investigation';
  let judged = false;
  for (const step of steps) {
    if (phase === 'closed') break;
    if (step === 'arrest') events.push(next('criminal.suspect-arrested'));
    else if (step === 'indict' && phase === 'investigation') { events.push(next('criminal.indicted', { court: 'Rechtbank Den Haag' })); phase = 'first-instance'; }
    else if (step === 'judge' && phase !== 'investigation' && !judged) { events.push(next('criminal.judgment', { instance: phase, outcome: 'convicted' })); judged = true; }
    else if (step === 'appeal' && phase === 'first-instance' && judged) { events.push(next('criminal.appeal-lodged', { by: 'defence' })); phase = 'appeal'; judged = false; }
    else if (step === 'cassation' && phase === 'appeal' && judged) { events.push(next('criminal.cassation-lodged', { by: 'prosecution' })); phase = 'cassation'; judged = false; }
    else if (step === 'close') { events.push(next('criminal.closed', { reason: judged ? 'final-judgment' : 'dismissed' })); phase = 'closed'; }
  }
  return events;
}
