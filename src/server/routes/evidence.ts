/**
 * The evidence register over HTTP (README, "Evidence"): a case's evidence, one item with its custody, verification
 * and derived metadata, near-duplicates, and the files — uploaded as a stream (stored by SHA-256, then
 * `evidence.file-attached` through the write policy) and downloaded as attachments (`nosniff`, a sandboxing CSP),
 * each download and view logged with the file's hash. Registering an item and its other events: POST /api/events.
 */
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Type } from 'typebox';
import { ImketenError } from '../../domain/errors.js';
import { HttpError } from '../http-errors.js';
import { sanitiseFileName, settleUpload, storeUpload } from '../../evidence/store-upload.js';
import { findNearDuplicates } from '../../operations/find-near-duplicates.js';
import { listCaseEvidence } from '../../operations/list-case-evidence.js';
import { showEvidence } from '../../operations/show-evidence.js';
import { authorize } from '../../policy/authorize.js';
import { registryFacts } from '../../policy/registry-facts.js';
import { appendChecked } from '../checked-append.js';
import { contentRange, parseByteRange } from '../byte-range.js';
import { sliceBytes, RangeReadLog } from '../range-reads.js';
import { asOfQuery, guard, today, type App, type ServerContext } from '../context.js';
import { Date_, EntityId, FileResponse, Time } from '../schemas.js';
import { EvidenceDetailSchema, EvidenceSummarySchema, NearDuplicateSchema, StoredFileSchema } from './evidence-schemas.js';

const Sha256 = Type.String({ pattern: '^[0-9a-f]{64}$', description: 'A SHA-256 digest, 64 lower-case hexadecimal characters.' });
const AtQuery = { date: Type.Optional(Date_), asRecordedAt: Type.Optional(Time) };
/** Media types a browser may show in its own viewer (the web app's preview); everything else is only downloaded. */
const VIEWABLE = /^(image\/(png|jpeg|gif|webp)|video\/(mp4|webm|ogg)|audio\/(mpeg|ogg|wav|webm)|application\/pdf)$/;
/**
 * A file's own sandbox: no scripts, nothing loaded but itself. An inline view may be framed by the app's own pages
 * (the PDF viewer in the evidence page), nothing else; never HTML or SVG, which VIEWABLE does not name.
 */
const SANDBOX = 'sandbox; default-src \'none\'; img-src \'self\'; media-src \'self\'; style-src \'unsafe-inline\'';
const frameAncestors = (inline: boolean) => (inline ? '; frame-ancestors \'self\'' : '; frame-ancestors \'none\'');

function filesOf(context: ServerContext): NonNullable<ServerContext['files']> {
  if (!context.files) throw new ImketenError('FILE_STORE_UNAVAILABLE', 'This server has no file store configured (README, "The file store").');
  return context.files;
}

/** `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266): an ASCII fallback and the exact name. */
function disposition(kind: 'attachment' | 'inline', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function registerEvidenceRoutes(app: App, context: ServerContext): void {
  const rangeReads = new RangeReadLog();
  // An upload's body is passed on as the request stream itself: hashed and stored as it arrives, never buffered.
  app.addContentTypeParser('application/octet-stream', (_request, payload, done) => done(null, payload));

  app.get('/api/cases/:kind/:id/evidence', {
    config: { action: 'evidence.list' },
    schema: {
      tags: ['evidence'], operationId: 'listCaseEvidence', summary: 'The evidence items of a criminal case or 1F file',
      params: Type.Object({ kind: Type.Union([Type.Literal('criminal'), Type.Literal('exclusion')]), id: EntityId }),
      querystring: Type.Object(AtQuery, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(EvidenceSummarySchema) }) },
    },
  }, async (request) => {
    const caseStream = `${request.params.kind}/${request.params.id}`;
    const granted = await guard(request, context, 'evidence.list', { kind: request.params.kind, stream: caseStream });
    const items = await listCaseEvidence(context.db, { caseStream, asOf: asOfQuery(request.query, context) });
    await granted.log({ resource: `${caseStream}/evidence` });
    return { items };
  });

  app.get('/api/evidence/:id', {
    config: { action: 'evidence.read' },
    schema: {
      tags: ['evidence'], operationId: 'showEvidence', summary: 'One evidence item: what was stated, what was derived, custody, verification, disclosures',
      params: Type.Object({ id: EntityId }),
      querystring: Type.Object(AtQuery, { additionalProperties: false }),
      response: { 200: EvidenceDetailSchema },
    },
  }, async (request) => {
    const stream = `evidence/${request.params.id}`;
    const granted = await guard(request, context, 'evidence.read', { kind: 'evidence', stream });
    const detail = await showEvidence(context.db, { id: request.params.id, asOf: asOfQuery(request.query, context) });
    await granted.log({ resource: stream });
    return detail;
  });

  app.get('/api/evidence/:id/near-duplicates', {
    config: { action: 'evidence.read' },
    schema: {
      tags: ['evidence'], operationId: 'findNearDuplicates', summary: 'Images among the evidence you may read that look like this item\'s (resized, re-encoded)',
      params: Type.Object({ id: EntityId }),
      querystring: Type.Object({ ...AtQuery, maxDistance: Type.Optional(Type.Integer({ minimum: 0, maximum: 20, description: 'Bits of 64 that may differ (default 10).' })) }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(NearDuplicateSchema) }) },
    },
  }, async (request) => {
    const stream = `evidence/${request.params.id}`;
    const granted = await guard(request, context, 'evidence.read', { kind: 'evidence', stream });
    const facts = registryFacts(context.db, context.now());
    const mayRead = async (other: string) => (await authorize(context.policy, request.principal, 'evidence.read', { kind: 'evidence', stream: other }, { date: today(context), facts })).allowed;
    const items = await findNearDuplicates(context.db, {
      id: request.params.id, asOf: asOfQuery(request.query, context), mayRead, ...(request.query.maxDistance !== undefined ? { maxDistance: request.query.maxDistance } : {}),
    });
    await granted.log({ resource: `${stream}/near-duplicates` });
    return { items };
  });

  app.get('/api/evidence/:id/files/:sha256', {
    config: { action: 'evidence.download' },
    schema: {
      tags: ['evidence'], operationId: 'downloadEvidenceFile', summary: 'The bytes of a file of this item, re-checked against its hash',
      description: 'Served as an attachment with `X-Content-Type-Options: nosniff` and `Content-Security-Policy: sandbox`, never as a page of this application. '
        + '`view=true` serves images, PDF, video and audio inline for the browser\'s own viewer (other types stay attachments). '
        + 'Every download and view is written to the access log with the hash. A stored file that no longer matches its hash is refused (500, FILE_CORRUPT). '
        + 'Range requests (one range; `If-Range` with the ETag, which is the quoted SHA-256) are answered 206 with Content-Range, 416 outside the file; '
        + 'the whole file is re-hashed before a range is served. A user\'s range reads of a file are logged once per 10 minutes.',
      params: Type.Object({ id: EntityId, sha256: Sha256 }),
      querystring: Type.Object({ view: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
      response: { 200: FileResponse('The file\'s bytes, as the media type it was stored with.', ['application/octet-stream']), 206: FileResponse('The requested range of the file\'s bytes.', ['application/octet-stream']) },
    },
  }, async (request, reply) => {
    const { id, sha256 } = request.params;
    const stream = `evidence/${id}`;
    const granted = await guard(request, context, 'evidence.download', { kind: 'evidence', stream });
    const item = await showEvidence(context.db, { id, asOf: asOfQuery({}, context) });
    const file = item.files.find((candidate) => candidate.sha256 === sha256);
    if (!file) throw new ImketenError('FILE_NOT_FOUND', `Evidence item ${id} has no file ${sha256}.`);
    const etag = `"${sha256}"`;
    const ifRange = request.headers['if-range'];
    // If-Range: the range only while the file is the one the client has (the hash is the ETag, and never changes).
    const range = ifRange === undefined || ifRange === etag ? parseByteRange(request.headers.range, file.size) : { kind: 'whole' as const };
    if (range.kind === 'unsatisfiable') {
      reply.header('content-range', contentRange(range, file.size)).header('accept-ranges', 'bytes');
      throw new HttpError('RANGE_NOT_SATISFIABLE', `The range '${String(request.headers.range).slice(0, 80)}' lies outside the file of ${file.size} bytes.`);
    }
    // A range is served only after the whole file was re-hashed (store.get checks it first): a seek costs a read of
    // the whole file, but every byte served comes from a file verified at that moment (README, "Evidence").
    const bytes: Readable = await filesOf(context).store.get(sha256);
    const inline = request.query.view === true && VIEWABLE.test(file.mediaType);
    const what = inline ? 'view' : 'download';
    if (range.kind === 'whole') await granted.log({ resource: `${stream}/files/${sha256} (${what})` });
    // A player seeks with many range requests: the first of a user's reads of a file in a while is logged, not each.
    else if (rangeReads.shouldLog(request.principal!.username, sha256, context.now())) {
      await granted.log({ resource: `${stream}/files/${sha256} (${what}, bytes ${range.start}-${range.end} and further ranges within ${RangeReadLog.WINDOW_MINUTES} minutes)` });
    } else {
      request.accessLogged = true; // the entry of this user's first range read of the file, minutes ago, covers this seek
    }
    reply
      .type(inline || VIEWABLE.test(file.mediaType) ? file.mediaType : 'application/octet-stream')
      .header('accept-ranges', 'bytes')
      .header('etag', etag)
      .header('content-disposition', disposition(inline ? 'inline' : 'attachment', file.fileName))
      .header('content-security-policy', SANDBOX + frameAncestors(inline))
      .header('x-frame-options', inline ? 'SAMEORIGIN' : 'DENY')
      .header('x-content-type-options', 'nosniff')
      .header('x-evidence-sha256', sha256);
    if (range.kind === 'range') {
      reply.code(206).header('content-range', contentRange(range, file.size)).header('content-length', String(range.end - range.start + 1));
      return reply.send(sliceBytes(bytes, range.start, range.end) as unknown as string);
    }
    reply.header('content-length', String(file.size));
    return reply.send(bytes as unknown as string);
  });

  app.post('/api/evidence/:id/files', {
    config: { action: 'evidence.upload' },
    schema: {
      tags: ['evidence'], operationId: 'uploadEvidenceFile', summary: 'Upload a file to an evidence item (the body is the file, application/octet-stream)',
      description: 'The bytes are streamed into the file store while hashed (bounded memory; IMKETEN_UPLOAD_LIMIT, 413 beyond it), the media type is sniffed from '
        + 'the content, then `evidence.file-attached` is appended through the write policy. The same bytes are stored once.',
      params: Type.Object({ id: EntityId }),
      querystring: Type.Object({
        fileName: Type.String({ minLength: 1, maxLength: 1000, description: 'The file\'s name; only its last part is kept, without control characters.' }),
        date: Type.Optional(Date_),
        url: Type.Optional(Type.String({ maxLength: 2000, description: 'For a capture: the address it was taken from.' })),
        capturedAt: Type.Optional(Time),
        tool: Type.Optional(Type.String({ maxLength: 200 })),
      }, { additionalProperties: false }),
      response: { 201: StoredFileSchema },
    },
  }, async (request, reply) => {
    const { id } = request.params;
    const stream = `evidence/${id}`;
    await guard(request, context, 'evidence.upload', { kind: 'evidence', stream });
    const files = filesOf(context);
    const body = request.body as Readable | undefined;
    if (!body || typeof (body as Readable).pipe !== 'function') {
      throw new HttpError('UNSUPPORTED_MEDIA_TYPE', 'Send the file itself as the body, with Content-Type: application/octet-stream.');
    }
    const stored = await storeUpload(context.db, files.store, body, { maxBytes: files.uploadLimit, now: context.now() });
    const { fileName, url, capturedAt, tool } = request.query;
    const event = {
      id: `ev-${randomUUID()}`, stream, type: 'evidence.file-attached', date: request.query.date ?? today(context),
      data: {
        sha256: stored.sha256, size: stored.size, mediaType: stored.mediaType, fileName: sanitiseFileName(fileName),
        ...(url ? { url } : {}), ...(capturedAt ? { capturedAt } : {}), ...(tool ? { tool } : {}),
      },
    };
    // A refused event (policy, conflict, unknown item) takes the bytes it would have attached with it.
    await settleUpload(context.db, files.store, stored, () => appendChecked(request, context, 'events.append', [event], { derivedByServer: true }));
    return reply.code(201).send({ sha256: stored.sha256, size: stored.size, mediaType: stored.mediaType, fileName: event.data.fileName, created: stored.created, eventId: event.id });
  });
}
