/** The shapes of the evidence API (src/server/routes/evidence.ts); named schemas for the generated client. */
import { Type } from 'typebox';

const Verification = Type.Union([Type.String(), Type.Null()]);

export const EvidenceSummarySchema = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  title: Type.String(),
  sourceType: Type.String(),
  acquired: Type.Object({ date: Type.String(), by: Type.String(), method: Type.String() }),
  files: Type.Array(Type.Object({ sha256: Type.String(), size: Type.Integer(), mediaType: Type.String(), fileName: Type.String() })),
  verification: Type.Object({ source: Verification, technical: Verification, content: Verification }, { description: 'The last outcome of each Berkeley Protocol step, null while not taken.' }),
  custodian: Type.Union([Type.String(), Type.Null()]),
}, { $id: 'EvidenceSummary' });

const Nullable = (schema: ReturnType<typeof Type.String>) => Type.Union([schema, Type.Null()]);

/**
 * An object of any keys, written as the OpenAPI document writes it (`additionalProperties`, where Type.Record gives
 * `patternProperties`), so that the named schema is recognised in the document and shared by reference.
 */
function AnyObject(description: string) {
  return Type.Object({}, { additionalProperties: Type.Unknown(), description });
}

export const EvidenceDetailSchema = Type.Object({
  id: Type.String(),
  stream: Type.String(),
  registration: Type.Object({
    kind: Type.String(),
    title: Type.String(),
    source: Type.Object({ type: Type.String(), name: Type.Optional(Type.String()), reference: Type.Optional(Type.String()) }),
    acquired: Type.Object({ date: Type.String(), by: Type.String(), method: Type.String(), location: Type.Optional(Type.String()) }),
    language: Type.Optional(Type.String()),
    description: Type.Optional(Type.String()),
  }, { description: 'What the acquirer stated.' }),
  cases: Type.Array(Type.String(), { description: 'The case streams the item belongs to now.' }),
  custodian: Nullable(Type.String()),
  files: Type.Array(Type.Object({
    sha256: Type.String(), size: Type.Integer(), mediaType: Type.String(), fileName: Type.String(),
    url: Nullable(Type.String()), capturedAt: Nullable(Type.String()), tool: Nullable(Type.String()), attachedOn: Type.String(), eventId: Type.String(),
    derived: Type.Union([Type.Object({
      mediaType: Type.String(), perceptualHash: Nullable(Type.String()),
      metadata: AnyObject('What the bytes say about themselves (EXIF/XMP capture time, GPS, device, dimensions).'),
      firstStoredAt: Type.String(),
    }), Type.Null()], { description: 'What imketen derived from the bytes, beside what was stated.' }),
  })),
  custody: Type.Array(Type.Object({ date: Type.String(), from: Type.String(), to: Type.String(), purpose: Type.String(), eventId: Type.String() })),
  verifications: Type.Array(Type.Object({ date: Type.String(), step: Type.String(), outcome: Type.String(), method: Type.String(), notes: Nullable(Type.String()), eventId: Type.String() })),
  disclosures: Type.Array(Type.Object({ date: Type.String(), to: Type.String(), recipient: Type.String(), what: Type.String(), eventId: Type.String() })),
  use: Type.Object({
    conditions: Type.Union([Type.Object({
      conditions: Type.String({ description: 'lead-only, evidence-with-consent or evidence' }), originator: Type.String(), consentNeededFor: Type.Array(Type.String()),
      period: Type.Union([Type.Object({ from: Type.Optional(Type.String()), until: Type.Optional(Type.String()) }), Type.Null()]), date: Type.String(), eventId: Type.String(),
    }), Type.Null()], { description: 'The originator\'s conditions in force; null: none recorded (the registry\'s own material).' }),
    consent: Type.String({ description: 'none, asked, given or refused' }),
    consentSince: Nullable(Type.String()),
    available: Type.Boolean(),
    availability: Type.Union([Type.Object({ available: Type.Boolean(), reason: Type.String(), date: Type.String(), eventId: Type.String() }), Type.Null()]),
    elementLinks: Type.Array(Type.Object({
      case: Type.String({ description: 'criminal/… or exclusion/…' }), offence: Type.String(), element: Type.String(),
      relation: Type.String(), reasoning: Type.String(), weight: Type.String(), date: Type.String(), eventId: Type.String(),
    })),
  }, { description: 'What the item may be used for (R8): conditions, consent, availability, and the elements it is linked to.' }),
  timeline: Type.Array(Type.Object({ id: Type.String(), type: Type.String(), date: Type.String(), recordedAt: Type.String(), data: AnyObject('The event\'s data.') })),
  asOf: Type.Object({ date: Type.String(), recordedAt: Type.String() }),
}, { $id: 'EvidenceDetail' });

export const NearDuplicateSchema = Type.Object({
  sha256: Type.String({ description: 'The file of this item.' }),
  evidence: Type.String({ description: 'The other evidence item.' }),
  otherSha256: Type.String(),
  distance: Type.Integer({ description: 'Bits of 64 that differ.' }),
}, { $id: 'NearDuplicate' });

export const StoredFileSchema = Type.Object({
  sha256: Type.String(), size: Type.Integer(), mediaType: Type.String({ description: 'Sniffed from the content.' }), fileName: Type.String(),
  created: Type.Boolean({ description: 'False when the same bytes were stored before.' }), eventId: Type.String(),
}, { $id: 'StoredFile' });

export const EVIDENCE_SCHEMAS = [EvidenceSummarySchema, EvidenceDetailSchema, NearDuplicateSchema, StoredFileSchema];
