/**
 * The court bundle over HTTP (README, "Evidence"): the ZIP `imketen evidence bundle` writes, for the evidence of a
 * case that the caller may read, sent as an attachment. The bundle is written to a temporary file first (the writer
 * checks every file's hash as it zips, so a corrupt file stops it before any byte is sent), then streamed out and
 * removed. Every file in it is written to the access log with its hash, as a download of that file would be.
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Type } from 'typebox';
import { ImketenError } from '../../domain/errors.js';
import { writeCaseBundle } from '../../operations/write-case-bundle.js';
import { authorize } from '../../policy/authorize.js';
import { registryFacts } from '../../policy/registry-facts.js';
import { asOfQuery, guard, today, type App, type ServerContext } from '../context.js';
import { Date_, EntityId, FileResponse, Time } from '../schemas.js';

export function registerEvidenceBundleRoutes(app: App, context: ServerContext): void {
  app.get('/api/cases/:kind/:id/evidence-bundle', {
    config: { action: 'evidence.bundle' },
    schema: {
      tags: ['evidence'], operationId: 'downloadEvidenceBundle', summary: 'The court bundle of a case: its evidence files with a manifest (JSON and PDF) of hashes, provenance, custody and verification',
      description: 'A ZIP as `imketen evidence bundle` writes it; check it with `imketen evidence verify-bundle`. Only the evidence items the caller may read are in it. '
        + 'Served as an attachment with `nosniff`; every file in it is written to the access log with its hash, and the bundle itself with the ZIP\'s hash. '
        + 'A stored file that no longer matches its hash stops the bundle (500, FILE_CORRUPT) before anything is sent.',
      params: Type.Object({ kind: Type.Union([Type.Literal('criminal'), Type.Literal('exclusion')]), id: EntityId }),
      querystring: Type.Object({ date: Type.Optional(Date_), asRecordedAt: Type.Optional(Time) }, { additionalProperties: false }),
      response: { 200: FileResponse('The court bundle.', ['application/zip']) },
    },
  }, async (request, reply) => {
    const { kind, id } = request.params;
    const caseStream = `${kind}/${id}`;
    const granted = await guard(request, context, 'evidence.bundle', { kind, stream: caseStream });
    if (!context.files) throw new ImketenError('FILE_STORE_UNAVAILABLE', 'This server has no file store configured (README, "The file store").');
    const principal = request.principal!;
    const facts = registryFacts(context.db, context.now());
    const mayRead = async (stream: string) => (await authorize(context.policy, principal, 'evidence.download', { kind: 'evidence', stream }, { date: today(context), facts })).allowed;
    const folder = await mkdtemp(join(tmpdir(), 'imketen-bundle-route-'));
    const removeFolder = () => rm(folder, { recursive: true, force: true });
    try {
      const written = await writeCaseBundle(context.db, context.files.store, {
        caseStream, asOf: asOfQuery(request.query, context), output: join(folder, 'bundle.zip'), mayRead,
        generatedAt: context.now().toISOString(), generatedBy: `${principal.username} (${principal.organisation}) via the imketen API`,
      });
      for (const item of written.items) {
        const stream = `evidence/${item.id}`;
        const itemGrant = await guard(request, context, 'evidence.download', { kind: 'evidence', stream });
        for (const sha256 of item.files) await itemGrant.log({ resource: `${stream}/files/${sha256} (court bundle)` });
      }
      await granted.log({ resource: `${caseStream}/evidence-bundle sha256 ${written.sha256}` });
      const body = createReadStream(written.path);
      body.on('close', () => void removeFolder());
      reply
        .type('application/zip')
        .header('content-length', String(written.size))
        .header('content-disposition', `attachment; filename="bewijsbundel-${kind}-${id}.zip"`)
        .header('content-security-policy', 'sandbox; default-src \'none\'')
        .header('x-content-type-options', 'nosniff')
        .header('x-bundle-sha256', written.sha256);
      return reply.send(body as unknown as string);
    } catch (error) {
      await removeFolder();
      throw error;
    }
  });
}
