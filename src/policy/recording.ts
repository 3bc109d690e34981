/**
 * Who may record the facts a sharing regime rests on (config/policy.json `sharing[].recordedBy`): the judge's
 * authorisation (R3) only by the OM that received it, a share of 1F information (the bill) only by the IND and
 * only while the bill is in force. Reading access follows from these events, so writing them is as guarded as
 * reading: an event type a regime names is refused to every other role, whatever its append grants.
 */
import { regimeInForce } from './authorize.js';
import type { Policy } from './policy.js';

export interface RecordingRefusal {
  reason: string;
  allowingBases: string[];
}

/**
 * Whether `role` may record an event of `type` dated `eventDate` on `today`; undefined when it may (or when no
 * regime names the type). A retraction of such an event needs the role only: it narrows access, so it stays
 * possible after a regime ends.
 */
export function recordingRefusal(
  policy: Policy, role: string, type: string, dates: { eventDate: string; today: string }, retraction = false,
): RecordingRefusal | undefined {
  const regimes = policy.sharing.filter((regime) => regime.recordedBy?.eventTypes.includes(type));
  if (regimes.length === 0) return undefined;
  const reasons: string[] = [];
  const allowingBases: string[] = [];
  for (const regime of regimes) {
    const recordedBy = regime.recordedBy!;
    allowingBases.push(`${regime.label} [${regime.id}]: ${type} is recorded by ${recordedBy.roles.join(', ')} (${recordedBy.why})`);
    if (!recordedBy.roles.includes(role)) {
      reasons.push(`only ${recordedBy.roles.join(', ')} may ${retraction ? 'retract' : 'record'} ${type} [${regime.id}]: ${recordedBy.why}`);
      continue;
    }
    if (retraction) return undefined;
    const onEventDate = regimeInForce(regime, dates.eventDate);
    const onToday = regimeInForce(regime, dates.today);
    if (onEventDate.ok && onToday.ok) return undefined;
    const why = !onToday.ok ? onToday.why : onEventDate.ok ? '' : `${onEventDate.why} (the event is dated ${dates.eventDate})`;
    reasons.push(`${type} has no basis without ${regime.label} [${regime.id}], which is ${why}`);
  }
  const who = `${role} (${policy.roles[role]?.organisation ?? 'no organisation'})`;
  return { reason: `Refused: ${who} may not ${retraction ? 'retract' : 'record'} ${type}: ${reasons.join('; ')}.`, allowingBases };
}
