/**
 * What every stream kind's state machine offers the replay: an initial state, a pure `evolve` and a pure
 * `checkTransition`. Each kind folder implements it with the same file roles (events, state, transitions).
 */

/** The small record of a state that reports count by, e.g. `{ article3Barrier: true }` for a departure dossier. */
export type Attributes = Record<string, string | number | boolean | null>;

/** What every state has: its phase (docs/domain.md §4) and its attributes. */
export interface StreamState {
  phase: string;
  attributes: Attributes;
}

/** A refused transition: what was refused and what it would need. */
export interface TransitionError {
  code: 'TRANSITION_NOT_ALLOWED';
  message: string;
}

export function refuse(message: string): TransitionError {
  return { code: 'TRANSITION_NOT_ALLOWED', message };
}

/** The phase of every state before its stream's opening event. */
export const NOT_OPENED = 'not-opened';

/**
 * The rule shared by all kinds: the first event of a stream is its opening event, and an opening event can only
 * come first. Returns a refusal, or undefined when the event passes this rule.
 */
export function checkOpening(
  kind: string,
  phase: string,
  type: string,
  openers: readonly string[],
): TransitionError | undefined {
  const isOpener = openers.includes(type);
  if (phase === NOT_OPENED && !isOpener) {
    return refuse(`${type} cannot come first; a ${kind} stream starts with ${openers.join(' or ')}`);
  }
  if (phase !== NOT_OPENED && isOpener) {
    return refuse(`${type} opens a ${kind} stream and can only come first; this stream is already in phase ${phase}`);
  }
  return undefined;
}

/** The `never` check that ends an exhaustive switch over event types. */
export function assertNever(value: never): never {
  throw new Error(`unhandled event: ${JSON.stringify(value)}`);
}
