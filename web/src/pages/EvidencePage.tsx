/**
 * One evidence item (README, "Evidence"): what the acquirer stated, its files with what imketen derived from the
 * bytes and a preview in the browser's own viewer, the chain of custody, the Berkeley Protocol's verification steps
 * (and a form to record one), the disclosures and the near-duplicates among the evidence the user may read.
 */
import { Alert, Box, Grid, Link as MuiLink, Paper, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useLoad } from '../api/use-load';
import { useSession } from '../auth/session';
import { PageTitle } from '../components/PageTitle';
import { Loaded } from '../components/Status';
import { DataTable } from '../components/Tables';
import { findNearDuplicates, showEvidence, type EvidenceDetail } from '../components/evidence/evidence-api';
import { mayWriteEvidence } from '../components/evidence/evidence-roles';
import { FileCard } from '../components/evidence/FileCard';
import { FileDrop } from '../components/evidence/FileDrop';
import { EvidenceUse } from '../components/evidence/EvidenceUse';
import { EvidenceRecord } from '../components/proof/EvidenceRecord';
import { VerificationChips } from '../components/evidence/VerificationChips';
import { VerificationForm } from '../components/evidence/VerificationForm';
import { formatDate, formatDateTime, labelOf } from '../format';

function caseLink(stream: string): { to: string; label: string } {
  const [kind = '', id = ''] = stream.split('/');
  return { to: `/cases/${kind}/${encodeURIComponent(id)}`, label: id };
}

function Section({ title, intro, children, testId }: { title: string; intro?: string; children: React.ReactNode; testId?: string }) {
  return (
    <Paper variant="outlined" sx={{ p: 2, mb: 3 }} component="section" data-testid={testId}>
      <Typography variant="h2" component="h2" gutterBottom>{title}</Typography>
      {intro && <Typography sx={{ mb: 2 }}>{intro}</Typography>}
      {children}
    </Paper>
  );
}

function lastOutcomes(item: EvidenceDetail) {
  const last = (step: string) => item.verifications.filter((entry) => entry.step === step).at(-1)?.outcome ?? null;
  return { source: last('source'), technical: last('technical'), content: last('content') };
}

export function EvidencePage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { id = '' } = useParams();
  const { principal, today } = useSession();
  const [round, setRound] = useState(0);
  const [notice, setNotice] = useState<string>();
  const item = useLoad(() => showEvidence(id), [id, round]);
  const duplicates = useLoad(() => findNearDuplicates(id), [id, round]);
  const changed = (message?: string) => { setNotice(message); setRound((value) => value + 1); };
  const writer = mayWriteEvidence(principal?.role);

  const title = item.data ? t('evidence.itemTitle', { title: item.data.registration.title }) : `${t('evidence.item')} ${id}`;

  return (
    <>
    {/* A capture's title holds its URL: broken anywhere rather than cut off on a phone. */}
    <PageTitle title={title}><Box component="span" sx={{ overflowWrap: 'anywhere' }}>{title}</Box></PageTitle>
    <Loaded state={item}>{(data) => {
      const stated = data.registration;
      return (
        <>
          {notice && <Alert severity="success" role="status" sx={{ mb: 2 }} onClose={() => setNotice(undefined)}>{notice}</Alert>}
          <Stack direction="row" useFlexGap spacing={2} sx={{ mb: 2, flexWrap: 'wrap', alignItems: 'center', rowGap: 1 }}>
            <Typography component="p"><strong>{t('evidence.item')}:</strong> <code>{data.id}</code></Typography>
            <Typography component="p"><strong>{t('evidence.cases')}:</strong>{' '}
              {data.cases.map((stream, index) => {
                const link = caseLink(stream);
                return <span key={stream}>{index > 0 && ', '}<MuiLink component={Link} to={link.to}>{labelOf(t, 'kind', stream.split('/')[0] ?? '')} {link.label}</MuiLink></span>;
              })}
            </Typography>
            <VerificationChips verification={lastOutcomes(data)} />
          </Stack>
          <Grid container spacing={3}>
            <Grid size={{ xs: 12, lg: 5 }}>
              <Section title={t('evidence.stated')} testId="evidence-stated">
                <Box component="dl" sx={{ m: 0, display: 'grid', gridTemplateColumns: 'minmax(8rem, auto) 1fr', columnGap: 2, rowGap: 1 }}>
                  {([
                    [t('evidence.kind'), labelOf(t, 'value', stated.kind)],
                    [t('evidence.source'), [labelOf(t, 'value', stated.source.type), stated.source.name, stated.source.reference].filter(Boolean).join(' — ')],
                    [t('evidence.acquiredDate'), formatDate(stated.acquired.date, language)],
                    [t('evidence.acquiredBy'), stated.acquired.by],
                    [t('evidence.method'), labelOf(t, 'value', stated.acquired.method)],
                    ...(stated.acquired.location ? [[t('evidence.location'), stated.acquired.location]] : []),
                    ...(stated.language ? [[t('evidence.language'), stated.language]] : []),
                    ...(stated.description ? [[t('evidence.description'), stated.description]] : []),
                    [t('evidence.custodian'), data.custodian ?? '—'],
                  ] as [string, string][]).map(([label, value]) => (
                    <Box key={label} sx={{ display: 'contents' }}>
                      <Typography component="dt" sx={{ fontWeight: 600 }}>{label}</Typography>
                      <Typography component="dd" sx={{ m: 0, overflowWrap: 'anywhere' }}>{value}</Typography>
                    </Box>
                  ))}
                </Box>
              </Section>
              <Section title={t('evidence.custody')} intro={t('evidence.custodyIntro')} testId="evidence-custody">
                <Box component="ol" sx={{ pl: 3, m: 0 }}>
                  <li><strong>{formatDate(stated.acquired.date, language)}</strong> — {t('evidence.custodyAcquired', { by: stated.acquired.by, method: labelOf(t, 'value', stated.acquired.method) })}</li>
                  {data.custody.map((entry) => (
                    <li key={entry.eventId}><strong>{formatDate(entry.date, language)}</strong> — {t('evidence.custodyTransfer', { from: entry.from, to: entry.to, purpose: entry.purpose })}</li>
                  ))}
                </Box>
              </Section>
              <Section title={t('evidence.use')} intro={t('evidence.useIntro')} testId="evidence-use">
                <EvidenceUse use={data.use} />
                <EvidenceRecord item={data} today={today} onChanged={(message) => changed(message)} />
              </Section>
              <Section title={t('evidence.disclosures')} testId="evidence-disclosures">
                <DataTable caption={t('evidence.disclosures')} captionVisible={false} rows={data.disclosures} rowKey={(row) => row.eventId} empty={t('evidence.noDisclosures')}
                  columns={[
                    { key: 'date', header: t('evidence.date'), cell: (row) => formatDate(row.date, language) },
                    { key: 'to', header: t('evidence.disclosedTo'), cell: (row) => labelOf(t, 'value', row.to) },
                    { key: 'recipient', header: t('evidence.recipient'), cell: (row) => row.recipient },
                    { key: 'what', header: t('evidence.what'), cell: (row) => row.what },
                  ]} />
              </Section>
            </Grid>
            <Grid size={{ xs: 12, lg: 7 }}>
              <Section title={t('evidence.files')} testId="evidence-files">
                {data.files.length === 0 && <Typography sx={{ mb: 2 }}>{t('evidence.noFile')}</Typography>}
                {data.files.map((file) => <FileCard key={file.sha256} evidenceId={data.id} file={file} />)}
                {writer && <FileDrop evidenceId={data.id} title={stated.title} onUploaded={() => changed()} />}
              </Section>
              <Section title={t('evidence.nearDuplicates')} intro={t('evidence.nearDuplicatesIntro')} testId="evidence-near-duplicates">
                <Loaded state={duplicates}>{(hits) => (
                  <DataTable caption={t('evidence.nearDuplicates')} captionVisible={false} rows={hits} rowKey={(row) => `${row.sha256}-${row.evidence}-${row.otherSha256}`} empty={t('evidence.noNearDuplicates')}
                    columns={[
                      { key: 'other', header: t('evidence.otherItem'), cell: (row) => <MuiLink component={Link} to={`/evidence/${encodeURIComponent(row.evidence)}`}>{row.evidence}</MuiLink> },
                      { key: 'distance', header: t('evidence.distance'), numeric: true, cell: (row) => row.distance },
                      { key: 'here', header: t('evidence.thisFile'), cell: (row) => <code title={row.sha256}>{row.sha256.slice(0, 12)}</code> },
                      { key: 'there', header: t('evidence.otherFile'), cell: (row) => <code title={row.otherSha256}>{row.otherSha256.slice(0, 12)}</code> },
                    ]} />
                )}</Loaded>
              </Section>
            </Grid>
          </Grid>
          <Section title={t('evidence.verifications')} intro={t('evidence.verificationsIntro')} testId="evidence-verifications">
            <DataTable caption={t('evidence.verifications')} captionVisible={false} rows={data.verifications} rowKey={(row) => row.eventId} empty={t('evidence.noVerifications')}
              columns={[
                { key: 'date', header: t('evidence.date'), cell: (row) => formatDate(row.date, language) },
                { key: 'step', header: t('evidence.step'), cell: (row) => labelOf(t, 'value', row.step) },
                { key: 'outcome', header: t('evidence.outcome'), cell: (row) => labelOf(t, 'value', row.outcome) },
                { key: 'method', header: t('evidence.verificationMethod'), cell: (row) => row.method },
                { key: 'notes', header: t('evidence.notes'), cell: (row) => row.notes ?? '' },
              ]} />
            {writer && (
              <Box sx={{ mt: 3 }}>
                <Typography variant="h3" component="h3" sx={{ fontSize: '1.1rem', fontWeight: 600, mb: 2 }}>{t('evidence.addVerification')}</Typography>
                <VerificationForm stream={data.stream} today={today} onAdded={() => changed(t('evidence.verificationAdded'))} />
              </Box>
            )}
          </Section>
          <Section title={t('evidence.timeline')}>
            <DataTable caption={t('evidence.timeline')} captionVisible={false} rows={data.timeline} rowKey={(row) => row.id}
              columns={[
                { key: 'date', header: t('evidence.date'), cell: (row) => formatDate(row.date, language) },
                { key: 'type', header: t('casePage.event'), cell: (row) => labelOf(t, 'eventType', row.type) },
                { key: 'recorded', header: t('casePage.recordedAt'), cell: (row) => formatDateTime(row.recordedAt, language) },
              ]} />
          </Section>
          {data.cases[0] && (
            <MuiLink component={Link} to={caseLink(data.cases[0]).to}>{t('evidence.back', { case: caseLink(data.cases[0]).label })}</MuiLink>
          )}
        </>
      );
    }}</Loaded>
    </>
  );
}
