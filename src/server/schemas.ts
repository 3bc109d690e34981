/**
 * The shapes of the HTTP API (TypeBox → JSON Schema → validation and the OpenAPI document). Request schemas are
 * closed (unknown fields are an error); response schemas are checked before a response leaves the server.
 */
import { Type, type TSchema } from 'typebox';
import { CASE_KINDS } from '../domain/event.js';
import { EVIDENCE_SCHEMAS } from './routes/evidence-schemas.js';

export const ProblemSchema = Type.Object({
  type: Type.String(),
  title: Type.String(),
  status: Type.Integer(),
  detail: Type.String({ description: 'What went wrong, and what to do about it, for a person to read.' }),
  instance: Type.Optional(Type.String()),
  code: Type.String({ description: 'The error code (src/domain/errors.ts).' }),
  problems: Type.Optional(Type.Array(Type.Object({
    message: Type.String(),
    file: Type.Optional(Type.String()),
    line: Type.Optional(Type.Integer()),
    field: Type.Optional(Type.String()),
    code: Type.Optional(Type.String()),
  }))),
  allowingBases: Type.Optional(Type.Array(Type.String(), { description: 'For a refusal: the legal bases that would allow the access.' })),
  retryAfter: Type.Optional(Type.Integer()),
  reason: Type.Optional(Type.Object({
    key: Type.String({ description: 'What the detail says, as a key a client translates (the web app: problemReason.<key>).' }),
    params: Type.Optional(Type.Object({}, { additionalProperties: Type.Union([Type.String(), Type.Number()]), description: 'The values the detail names.' })),
  }, { description: 'The detail as a key and values, for a client that phrases it in its own language.' })),
}, {
  $id: 'Problem', description: 'RFC 9457 problem details (application/problem+json).',
  examples: [{
    type: 'urn:imketen:problem:case-not-found', title: 'Not found', status: 404, detail: 'No criminal/SZ-2023-999 in the registry.',
    instance: '/api/cases/criminal/SZ-2023-999', code: 'CASE_NOT_FOUND',
  }],
});

// There is no year 0000, and PostgreSQL refuses it (src/domain/dates.ts).
export const Date_ = Type.String({ format: 'date', pattern: '^(?!0000-)', description: 'A calendar date, YYYY-MM-DD.' });
export const Time = Type.String({ description: 'An ISO 8601 time such as 2026-01-15T12:00:00Z, or a date (the end of that day).', maxLength: 40 });
export const EntityId = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$', description: 'An id such as P-0042 or SZ-2023-004.' });
export const YearParam = Type.Integer({ minimum: 1900, maximum: 2999 });
export const Bilingual = Type.Object({ nl: Type.String(), en: Type.String() });
export const CaseKindSchema = Type.Union(CASE_KINDS.map((kind) => Type.Literal(kind)));

/**
 * An answer that is a file, not JSON: the OpenAPI document names its media types, so that a generated client
 * reads bytes (a PDF, a ZIP) instead of parsing JSON. Fastify sends the handler's Buffer or text as it is.
 */
export function FileResponse(description: string, mediaTypes: readonly string[]) {
  const schema = Type.String({ format: 'binary' });
  return { description, content: Object.fromEntries(mediaTypes.map((type) => [type, { schema }])) };
}

export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100, description: 'Items per page (1–500).' })),
  after: Type.Optional(Type.String({ maxLength: 200, description: 'The `next` cursor of the previous page.' })),
};

export function Page<T extends TSchema>(item: T, description: string) {
  return Type.Object({
    items: Type.Array(item),
    next: Type.Union([Type.String(), Type.Null()], { description: 'Cursor of the next page (pass as `after`), or null on the last page.' }),
  }, { description });
}

export const StoredEventSchema = Type.Object({
  seq: Type.Integer(),
  id: Type.String(),
  stream: Type.String(),
  type: Type.String(),
  date: Type.String(),
  recordedAt: Type.String(),
  data: Type.Record(Type.String(), Type.Unknown()),
}, { $id: 'StoredEvent' });

export const EventInputSchema = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 200 }),
  stream: Type.String({ minLength: 3, maxLength: 200, description: '<kind>/<id>, e.g. criminal/SZ-2023-004' }),
  type: Type.String({ minLength: 1, maxLength: 100 }),
  date: Type.String({ maxLength: 40, description: 'The legal date, YYYY-MM-DD (checked with the event schema).' }),
  recordedAt: Type.Optional(Type.String({ maxLength: 40, description: 'Not accepted over the API (400): the server records the time it learns an event.' })),
  data: Type.Record(Type.String(), Type.Unknown()),
}, {
  $id: 'EventInput', additionalProperties: false, description: 'One event of the interchange format v1 (see the README).',
  examples: [{ id: 'ev-0001', stream: 'person/P-0042', type: 'person.registered', date: '2023-04-01', data: { names: ['Amir Fictief'], birthDate: '1975-06-01' } }],
});

export const PersonSummarySchema = Type.Object({
  id: Type.String(),
  names: Type.Array(Type.String()),
  birthDate: Type.Union([Type.String(), Type.Null()]),
  nationalities: Type.Array(Type.String()),
}, { $id: 'PersonSummary', examples: [{ id: 'P-0042', names: ['Amir Fictief'], birthDate: '1975-06-01', nationalities: ['SY'] }] });

export const StreamViewSchema = Type.Object({
  stream: Type.String(),
  kind: Type.String(),
  id: Type.String(),
  date: Type.String({ description: 'The date the state is shown for.' }),
  asRecordedAt: Type.Union([Type.String(), Type.Null()]),
  state: Type.Unknown({ description: 'The replayed state of the stream on `date` (shape per kind).' }),
  timeline: Type.Array(Type.Object({
    event: StoredEventSchema,
    recordedBy: Type.Optional(Type.Union([Type.String(), Type.Null()], { description: 'The organisation that recorded the entry over the API (TIM, OM, …), or null for an import at the server.' })),
    retractedBy: Type.Optional(Type.Object({ eventId: Type.String(), recordedAt: Type.String(), reason: Type.String() })),
  })),
  persons: Type.Array(PersonSummarySchema),
  cases: Type.Array(Type.String(), { description: 'For a person: the cases naming them that you may read.' }),
  legalBasis: Type.String({ description: 'The legal basis of this access, as logged.' }),
  view: Type.Union([Type.String(), Type.Null()], { description: 'A restricted view the policy applied, or null for the full stream.' }),
}, { $id: 'StreamView' });

export const AccountSchema = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  organisation: Type.String(),
  role: Type.String(),
  disabled: Type.Boolean(),
  failedLogins: Type.Integer(),
  lockedUntil: Type.Union([Type.String(), Type.Null()]),
  demo: Type.Boolean(),
  createdAt: Type.String(),
  oidcIssuer: Type.Union([Type.String(), Type.Null()]),
  oidcSubject: Type.Union([Type.String(), Type.Null()]),
  mustChangePassword: Type.Boolean({ description: 'An administrator set its password: at the next sign-in it must choose its own before anything else.' }),
  signInFailures: Type.Optional(Type.Integer({ description: 'Failed sign-ins in a row under this username (the list only); an unlock clears them.' })),
  lastSignInFailure: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  signInDelayedUntil: Type.Optional(Type.Union([Type.String(), Type.Null()], { description: 'No sign-in is answered before this time (the list only).' })),
}, { $id: 'Account' });

export const ApiTokenSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  organisation: Type.String(),
  role: Type.String(),
  createdAt: Type.String(),
  expiresAt: Type.Union([Type.String(), Type.Null()]),
  revokedAt: Type.Union([Type.String(), Type.Null()]),
  pendingApproval: Type.Boolean({ description: 'Issued for a role that reads case data: opens nothing until a second administrator approves it.' }),
}, { $id: 'ApiToken' });

export const ApprovalSchema = Type.Object({
  id: Type.Integer(),
  kind: Type.String({ description: 'account.create, account.role, account.password, account.enable or token.issue' }),
  accountId: Type.Union([Type.Integer(), Type.Null()]),
  tokenId: Type.Union([Type.Integer(), Type.Null()]),
  summary: Type.String({ description: 'What approving does.' }),
  requestedBy: Type.String(),
  requestedAt: Type.String(),
  status: Type.String({ description: 'pending, approved or rejected' }),
  decidedBy: Type.Union([Type.String(), Type.Null()]),
  decidedAt: Type.Union([Type.String(), Type.Null()]),
}, { $id: 'Approval' });

export const AuthorisationSchema = Type.Object({
  id: Type.String({ description: 'The id of the criminal.judge-authorisation event.' }),
  decisionReference: Type.String(),
  court: Type.String(),
  personId: Type.String(),
  criminalCase: Type.Union([Type.String(), Type.Null()], { description: 'The criminal case it was given in; null where the caller may not read criminal cases.' }),
  exclusionCase: Type.Union([Type.String(), Type.Null()], { description: 'The 1F file it covers; null: every 1F file of the person.' }),
  validFrom: Type.String(),
  validUntil: Type.String(),
  decidedOn: Type.String({ description: "The day of the judge's decision (the event's date)." }),
  recordedAt: Type.String(),
}, { $id: 'Authorisation' });

export const SharedInformationSchema = Type.Object({
  id: Type.String({ description: 'The id of the exclusion.information-shared event.' }),
  exclusionCase: Type.String(),
  personId: Type.String(),
  recipient: Type.String(),
  date: Type.String(),
  recordedAt: Type.String(),
  parts: Type.Object({
    acts: Type.Optional(Type.Array(Type.Object({
      offence: Type.String(), from: Type.String(), until: Type.Optional(Type.String()), country: Type.Optional(Type.String()), partOfAttack: Type.Optional(Type.Boolean()),
    }), { description: 'Where and when, and which conduct.' })),
    role: Type.Optional(Type.String()),
    grounds: Type.Optional(Type.Union([Type.String(), Type.Array(Type.String())])),
    summary: Type.Optional(Type.String()),
  }, { description: 'The parts of the 1F file the IND selected and shared; nothing else of the file.' }),
}, { $id: 'SharedInformation' });

export const AccessLogRowSchema = Type.Object({
  seq: Type.Integer(),
  at: Type.String(),
  principalKind: Type.String(),
  accountId: Type.Union([Type.Integer(), Type.Null()]),
  tokenId: Type.Union([Type.Integer(), Type.Null()]),
  username: Type.String(),
  organisation: Type.String(),
  role: Type.String(),
  action: Type.String(),
  resource: Type.String(),
  persons: Type.Array(Type.String()),
  purpose: Type.String(),
  legalBasis: Type.Union([Type.String(), Type.Null()]),
  outcome: Type.String(),
  reason: Type.Union([Type.String(), Type.Null()]),
  requestId: Type.Union([Type.String(), Type.Null()]),
  prevHash: Type.String(),
  hash: Type.String(),
}, { $id: 'AccessLogRow' });

export const ReportSchema = Type.Object({
  year: Type.Integer(),
  columns: Type.Array(Type.Integer()),
  referenceDates: Type.Record(Type.String(), Type.String()),
  asRecordedAt: Type.String(),
  tables: Type.Array(Type.Object({
    id: Type.String(),
    title: Type.String(),
    rows: Type.Array(Type.Object({ id: Type.String(), label: Type.String(), values: Type.Record(Type.String(), Type.Integer()) })),
  })),
}, { $id: 'Report', description: 'The yearly report (README "The report"): a contract other programs read.' });

export const PrincipalSchema = Type.Object({
  kind: Type.String(),
  username: Type.String(),
  organisation: Type.String(),
  role: Type.String(),
  accountId: Type.Optional(Type.Integer()),
  tokenId: Type.Optional(Type.Integer()),
}, { $id: 'Principal' });


/** The schemas the OpenAPI document names under components.schemas (src/server/openapi-components.ts). */
export const NAMED_SCHEMAS: readonly TSchema[] = [
  ProblemSchema, StoredEventSchema, EventInputSchema, PersonSummarySchema, StreamViewSchema, AccountSchema, ApiTokenSchema,
  AuthorisationSchema, SharedInformationSchema, ApprovalSchema, AccessLogRowSchema, ReportSchema, PrincipalSchema,
  ...EVIDENCE_SCHEMAS,
];
