/**
 * The controlled vocabularies (courts, channels, topics; migration 037): read by everyone who fills in event forms
 * (vocabularies.read), added to, renamed and deactivated by the administrator (vocabularies.manage). An entry is
 * never deleted — an event may name it — only made inactive, so forms stop offering it. Every change is in the
 * access log in the same transaction.
 */
import { Type } from 'typebox';
import { appendAccess } from '../../access-log/access-log.js';
import { findVocabularyEntry, listVocabularyEntries, saveVocabularyEntry } from '../../store/vocabulary-store.js';
import { accessEntry, guard, type App, type ServerContext } from '../context.js';

const VocabularyName = Type.Union([Type.Literal('courts'), Type.Literal('channels'), Type.Literal('topics')], { description: 'courts, channels or topics' });

export const VocabularyEntrySchema = Type.Object({
  vocabulary: VocabularyName,
  code: Type.String({ description: 'Stable code of the entry, e.g. rb-den-haag.' }),
  labelNl: Type.String({ description: 'The Dutch label: what an event records (the interchange format keeps text).' }),
  labelEn: Type.String(),
  active: Type.Boolean({ description: 'Offered in the forms; an inactive entry still labels the events that name it.' }),
  changedAt: Type.String(),
  changedBy: Type.String(),
});

export function registerVocabularyRoutes(app: App, context: ServerContext): void {
  app.get('/api/vocabularies', {
    config: { action: 'vocabularies.read' },
    schema: {
      tags: ['vocabularies'], operationId: 'listVocabularies',
      summary: 'The controlled vocabularies (courts, channels, topics) with their Dutch and English labels, active and inactive entries',
      response: { 200: Type.Object({ items: Type.Array(VocabularyEntrySchema) }) },
    },
  }, async (request) => {
    await guard(request, context, 'vocabularies.read', { kind: 'vocabulary' });
    return { items: await listVocabularyEntries(context.db) };
  });

  app.put('/api/vocabularies/:vocabulary/:code', {
    config: { action: 'vocabularies.manage' },
    schema: {
      tags: ['vocabularies'], operationId: 'updateVocabularyEntry',
      summary: 'Add an entry to a vocabulary, or rename, deactivate or reactivate it (events already recorded keep their text)',
      params: Type.Object({ vocabulary: VocabularyName, code: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,62}$' }) }),
      body: Type.Object({
        labelNl: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
        labelEn: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
        active: Type.Boolean(),
      }, { additionalProperties: false }),
      response: { 200: VocabularyEntrySchema },
    },
  }, async (request) => {
    const granted = await guard(request, context, 'vocabularies.manage', { kind: 'vocabulary' });
    const { vocabulary, code } = request.params;
    const principal = request.principal!;
    return context.db.transaction(async (tx) => {
      const before = await findVocabularyEntry(tx, vocabulary, code);
      const saved = await saveVocabularyEntry(tx, {
        vocabulary, code, labelNl: request.body.labelNl.trim(), labelEn: request.body.labelEn.trim(), active: request.body.active,
        changedAt: context.now().toISOString(), changedBy: principal.username,
      });
      const detail = before
        ? `'${before.labelNl}' / '${before.labelEn}'${before.active ? '' : ' (inactive)'} → '${saved.labelNl}' / '${saved.labelEn}'${saved.active ? '' : ' (inactive)'}`
        : `added '${saved.labelNl}' / '${saved.labelEn}'`;
      await appendAccess(tx, accessEntry(request, context, principal, {
        action: 'vocabulary.save', resource: `vocabulary/${vocabulary}/${code}`, persons: [], legalBasis: granted.legalBasis, outcome: 'allowed', reason: detail,
      }));
      return saved;
    });
  });
}
