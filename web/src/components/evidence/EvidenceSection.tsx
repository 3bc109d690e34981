/**
 * The evidence of a case, as a section of the case page: each item with its kind, source, acquisition, short
 * hash, verification state and a marker when it resembles other evidence; for the roles that write evidence, the
 * form to register an item and then the drop zone to add its file.
 */
import { Alert, Box, Button, Chip, Link as MuiLink, Paper, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLoad } from '../../api/use-load';
import { useSession } from '../../auth/session';
import { formatDate, labelOf } from '../../format';
import { Loaded } from '../Status';
import { DataTable } from '../Tables';
import { CaptureForm } from './CaptureForm';
import { bundleUrl, findNearDuplicates, listCaseEvidence, previewKind, type EvidenceCaseKind, type EvidenceSummary } from './evidence-api';
import { mayWriteEvidence } from './evidence-roles';
import { FileDrop } from './FileDrop';
import { RegisterEvidenceForm } from './RegisterEvidenceForm';
import { VerificationChips } from './VerificationChips';

/** The items with an image that resembles an image of other evidence the user may read. */
async function resembling(items: readonly EvidenceSummary[]): Promise<Set<string>> {
  const withImages = items.filter((item) => item.files.some((file) => previewKind(file.mediaType) === 'image'));
  const found = await Promise.all(withImages.map(async (item) => ((await findNearDuplicates(item.id).catch(() => [])).length > 0 ? item.id : undefined)));
  return new Set(found.filter((id): id is string => id !== undefined));
}

export function EvidenceSection({ caseKind, caseId }: { caseKind: EvidenceCaseKind; caseId: string }) {
  const { t, i18n } = useTranslation();
  const { principal, today } = useSession();
  const [round, setRound] = useState(0);
  const [registered, setRegistered] = useState<{ id: string; title: string }>();
  const items = useLoad(() => listCaseEvidence(caseKind, caseId), [caseKind, caseId, round]);
  const similar = useLoad(() => (items.data ? resembling(items.data) : Promise.resolve(new Set<string>())), [items.data]);
  const writer = mayWriteEvidence(principal?.role);

  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="evidence-heading" data-testid="evidence-section">
      <Typography id="evidence-heading" variant="h2" component="h2" gutterBottom>{t('evidence.tab')}</Typography>
      <Typography sx={{ mb: 2 }}>{t('evidence.intro')}</Typography>
      {items.data && items.data.length > 0 && (
        <Box sx={{ mb: 2 }}>
          {/* A plain link: the browser saves the ZIP itself (an attachment), however large, with its own progress. */}
          <Button variant="outlined" component="a" href={bundleUrl(caseKind, caseId)} download data-testid="bundle-download">{t('evidence.bundle')}</Button>
          <Typography variant="body2" sx={{ color: 'text.secondary', mt: 0.5 }}>{t('evidence.bundleHint')}</Typography>
        </Box>
      )}
      <Loaded state={items}>{(list) => (
        <DataTable caption={t('evidence.list')} captionVisible={false} rows={list} rowKey={(row) => row.id} empty={t('evidence.none')}
          columns={[
            {
              key: 'title', header: t('evidence.title'), cell: (row) => (
                <Stack spacing={0.5}>
                  <MuiLink component={Link} to={`/evidence/${encodeURIComponent(row.id)}`} aria-label={t('evidence.open', { title: row.title })}>{row.title}</MuiLink>
                  <Typography variant="body2" sx={{ color: 'text.secondary' }}>{row.id}</Typography>
                  {similar.data?.has(row.id) && <Chip size="small" color="info" label={t('evidence.nearDuplicate')} data-testid="near-duplicate-marker" sx={{ alignSelf: 'flex-start' }} />}
                </Stack>
              ),
            },
            { key: 'kind', header: t('evidence.kind'), cell: (row) => labelOf(t, 'value', row.kind) },
            { key: 'source', header: t('evidence.source'), cell: (row) => labelOf(t, 'value', row.sourceType) },
            {
              key: 'acquired', header: t('evidence.acquired'), cell: (row) => (
                <>{t('evidence.acquiredOn', { date: formatDate(row.acquired.date, i18n.language), by: row.acquired.by })}<br />
                  <Typography component="span" variant="body2" sx={{ color: 'text.secondary' }}>{labelOf(t, 'value', row.acquired.method)}</Typography></>
              ),
            },
            {
              key: 'hash', header: t('evidence.hash'), cell: (row) => (row.files.length === 0
                ? <Typography component="span" variant="body2" sx={{ color: 'text.secondary' }}>{t('evidence.noFile')}</Typography>
                : <Stack>{row.files.map((file) => <code key={file.sha256} title={file.sha256} data-testid="short-hash">{file.sha256.slice(0, 12)}</code>)}</Stack>),
            },
            { key: 'verification', header: t('evidence.verification'), cell: (row) => <VerificationChips verification={row.verification} /> },
          ]} />
      )}</Loaded>
      {writer ? (
        <Box sx={{ mt: 3 }}>
          <Typography variant="h3" component="h3" sx={{ fontSize: '1.15rem', fontWeight: 600, mb: 1 }}>{t('evidence.register')}</Typography>
          <RegisterEvidenceForm caseKind={caseKind} caseId={caseId} today={today} organisation={principal ? labelOf(t, 'organisation', principal.organisation) : ''}
            onRegistered={(id, title) => { setRegistered({ id, title }); setRound((value) => value + 1); }} />
          <CaptureForm caseKind={caseKind} caseId={caseId} onCaptured={() => setRound((value) => value + 1)} />
          {registered && (
            <Box sx={{ mt: 2 }}>
              <Alert severity="success" role="status" sx={{ mb: 2 }}>{t('evidence.registered')} <MuiLink component={Link} to={`/evidence/${encodeURIComponent(registered.id)}`}>{registered.id}</MuiLink></Alert>
              <FileDrop evidenceId={registered.id} title={registered.title} onUploaded={() => setRound((value) => value + 1)} />
            </Box>
          )}
        </Box>
      ) : (
        <Alert severity="info" sx={{ mt: 2 }}>{t('evidence.mayNotWrite')}</Alert>
      )}
    </Paper>
  );
}
