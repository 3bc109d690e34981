/**
 * The administrator's retention page (docs/retention.md, "The procedure", "What the administrator sees"): what is
 * past its term per partner, why (the rule, its law and article, since when) and what holds it; a dry run of an
 * erasure (counts only), the request, a second administrator's approval and the execution. The server's erasure
 * routes (/api/retention/erasure/…) decide and log every step; the page shows ids, kinds, rules and dates only.
 */
import { Alert, Box, Button, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiProblem, client, unwrap } from '../api/client';
import { useLoad } from '../api/use-load';
import { useSession } from '../auth/session';
import { PageTitle } from '../components/PageTitle';
import { Loaded, ProblemAlert } from '../components/Status';
import { DataTable } from '../components/Tables';
import { formatDate, formatDateTime, formatNumber, labelOf } from '../format';

const PARTNERS = ['tim', 'om', 'ind', 'dtv', 'chain'] as const;
type Partner = (typeof PARTNERS)[number];

function fetchDue(partner: Partner) {
  return unwrap(client.GET('/api/retention/erasure/due', { params: { query: { partner } } }));
}
type DueEntry = Awaited<ReturnType<typeof fetchDue>>['entries'][number];
function fetchRequests() {
  return unwrap(client.GET('/api/retention/erasure/requests', { params: { query: {} } }));
}
type ErasureRequest = Awaited<ReturnType<typeof fetchRequests>>['items'][number];
type Effect = Awaited<ReturnType<typeof planErasure>>;
function planErasure(streams: string[], rule: string, legalGround: string) {
  return unwrap(client.POST('/api/retention/erasure/dry-run', { body: { streams, rule, legalGround } }));
}

/** A stream as words: its kind and its number (the administrator identifies streams by id, never by name). */
function streamText(t: TFunction, stream: string): string {
  const slash = stream.indexOf('/');
  return `${labelOf(t, 'kind', stream.slice(0, slash))} ${stream.slice(slash + 1)}`;
}

export function RetentionPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'nl';
  const { principal } = useSession();
  // The partner chosen is in the address (?partner=tim), so a filtered list can be linked to and reloaded.
  const [params, setParams] = useSearchParams();
  // One partner at a time (the police's first): each partner's list is its administrator's work, and all of them
  // together run to thousands of rows in a registry of some size.
  const partner = (PARTNERS as readonly string[]).includes(params.get('partner') ?? '') ? params.get('partner') as Partner : 'tim';
  const setPartner = (value: Partner) => setParams({ partner: value }, { replace: true });
  const [round, setRound] = useState(0);
  const [notice, setNotice] = useState<string>();
  const [problem, setProblem] = useState<ApiProblem>();
  const [plan, setPlan] = useState<{ entry: DueEntry; effect: Effect; ground: string }>();
  const [busy, setBusy] = useState(false);
  const due = useLoad(() => fetchDue(partner), [partner, round]);
  const requests = useLoad(() => fetchRequests(), [round]);

  const act = async (work: () => Promise<string>) => {
    setBusy(true);
    setProblem(undefined);
    setNotice(undefined);
    try {
      setNotice(await work());
      setRound((value) => value + 1);
    } catch (error) {
      if (error instanceof ApiProblem) setProblem(error); else throw error;
    } finally {
      setBusy(false);
    }
  };
  const dryRun = (entry: DueEntry) => act(async () => {
    const ground = `${entry.law} ${entry.article}`;
    setPlan({ entry, effect: await planErasure([entry.stream], entry.rule, ground), ground });
    return '';
  });
  const request = () => act(async () => {
    const answer = await unwrap(client.POST('/api/retention/erasure/requests', { body: { streams: [plan!.entry.stream], rule: plan!.entry.rule, legalGround: plan!.ground } }));
    setPlan(undefined);
    return t('retention.requested', { id: answer.request.id });
  });
  const decide = (id: number, decision: 'approve' | 'reject') => act(async () => {
    await unwrap(client.POST('/api/retention/erasure/requests/{id}/decision', { params: { path: { id } }, body: { decision } }));
    return t(decision === 'approve' ? 'retention.approved' : 'retention.rejected', { id });
  });
  const execute = (id: number) => act(async () => {
    const outcome = await unwrap(client.POST('/api/retention/erasure/requests/{id}/execution', { params: { path: { id } } }));
    return t('retention.executed', { id, count: outcome.events });
  });

  const statusOf = (row: ErasureRequest) => (row.executed ? 'executed' : row.status);
  return (
    <>
      <PageTitle title={t('retention.title')}>{t('retention.title')}</PageTitle>
      <Typography sx={{ mb: 2, maxWidth: '70ch' }}>{t('retention.intro')}</Typography>
      {notice && <Alert severity="success" role="status" sx={{ mb: 2 }} onClose={() => setNotice(undefined)}>{notice}</Alert>}
      {problem && <ProblemAlert problem={problem} />}

      <Typography variant="h2" component="h2">{t('retention.due')}</Typography>
      <TextField select size="small" label={t('retention.partner')} value={partner} sx={{ my: 1, minWidth: 240 }}
        onChange={(event) => setPartner(event.target.value as Partner)}>
        {PARTNERS.map((code) => <MenuItem key={code} value={code}>{t(`retention.partners.${code}`)}</MenuItem>)}
      </TextField>
      <Loaded state={due}>{(data) => (
        <DataTable caption={t('retention.due')} captionVisible={false} rows={data.entries} rowKey={(row) => `${row.stream}|${row.rule}`} empty={t('retention.noneDue')}
          columns={[
            { key: 'what', header: t('retention.what'), cell: (row) => streamText(t, row.stream) },
            { key: 'partner', header: t('retention.partner'), cell: (row) => t(`retention.partners.${row.partner as Partner}`) },
            { key: 'rule', header: t('retention.rule'), cell: (row) => `${row.data[language]} (${row.lawName[language]}, ${row.article})` },
            { key: 'status', header: t('retention.status'), cell: (row) => t(`retention.statuses.${row.status}`) },
            { key: 'dueOn', header: t('retention.dueSince'), cell: (row) => formatDate(row.dueOn, language) },
            {
              key: 'holds', header: t('retention.heldBy'),
              cell: (row) => (row.holds.length === 0 ? '—' : row.holds.map((hold) => [
                t(`retention.holds.${hold.kind as 'open-case'}`),
                hold.source.includes('/') ? streamText(t, hold.source) : '',
                hold.until ? t('retention.holdSince', { date: formatDate(hold.until, language) }) : '',
              ].filter(Boolean).join(', ')).join('; ')),
            },
            { key: 'persons', header: t('retention.persons'), numeric: true, cell: (row) => formatNumber(row.persons.length, language) },
            {
              key: 'action', header: t('retention.actions'),
              cell: (row) => (row.status === 'due'
                ? <Button size="small" variant="outlined" disabled={busy} onClick={() => void dryRun(row)} aria-label={t('retention.dryRunAction', { what: streamText(t, row.stream) })}>{t('retention.dryRun')}</Button>
                : '—'),
            },
          ]} />
      )}</Loaded>

      {plan && (
        <Paper variant="outlined" component="section" aria-labelledby="erasure-plan" sx={{ p: 2, my: 2 }}>
          <Typography variant="h2" component="h2" id="erasure-plan">{t('retention.effect')}: {streamText(t, plan.entry.stream)}</Typography>
          <Typography variant="body2" sx={{ mb: 1 }}>{t('retention.effectIntro')}</Typography>
          <Box component="ul" sx={{ mt: 0 }}>
            {plan.effect.streams.map((stream) => <li key={stream.stream}>{streamText(t, stream.stream)}: {t('retention.events', { count: stream.events })}</li>)}
            <li>{t('retention.projections', { count: plan.effect.caseSegments })}</li>
            <li>{t('retention.hits', { count: plan.effect.screeningHits, reviews: plan.effect.hitReviews })}</li>
            <li>{t('retention.files', { count: plan.effect.files, kept: plan.effect.filesKept })}</li>
            <li>{plan.effect.publishedReports.length > 0 ? t('retention.reports', { years: plan.effect.publishedReports.join(', ') }) : t('retention.noReports')}</li>
          </Box>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'center' } }}>
            <TextField size="small" label={t('retention.ground')} value={plan.ground} sx={{ minWidth: { sm: 360 } }}
              onChange={(event) => setPlan({ ...plan, ground: event.target.value })} />
            <Button variant="contained" disabled={busy || plan.ground.trim() === ''} onClick={() => void request()}>{t('retention.request')}</Button>
          </Stack>
        </Paper>
      )}

      <Typography variant="h2" component="h2" sx={{ mt: 3 }}>{t('retention.requests')}</Typography>
      <Loaded state={requests}>{(data) => (
        <DataTable caption={t('retention.requests')} captionVisible={false} rows={data.items} rowKey={(row) => String(row.id)} empty={t('retention.noRequests')}
          columns={[
            { key: 'id', header: t('retention.number'), cell: (row) => formatNumber(row.id, language) },
            { key: 'what', header: t('retention.what'), cell: (row) => row.streams.map((stream) => streamText(t, stream)).join(', ') },
            { key: 'requestedBy', header: t('retention.requestedBy'), cell: (row) => `${row.requestedBy}, ${formatDateTime(row.requestedAt, language)}` },
            { key: 'status', header: t('retention.status'), cell: (row) => t(`retention.requestStatus.${statusOf(row)}`) },
            { key: 'decidedBy', header: t('retention.decidedBy'), cell: (row) => row.decidedBy ?? '—' },
            {
              key: 'action', header: t('retention.actions'),
              cell: (row) => {
                if (row.status === 'pending' && row.requestedBy === principal?.username) return t('retention.own');
                if (row.status === 'pending') {
                  return (
                    <Stack direction="row" spacing={1}>
                      <Button size="small" variant="contained" disabled={busy} onClick={() => void decide(row.id, 'approve')} aria-label={t('retention.approveAction', { id: row.id })}>{t('retention.approve')}</Button>
                      <Button size="small" variant="outlined" disabled={busy} onClick={() => void decide(row.id, 'reject')} aria-label={t('retention.rejectAction', { id: row.id })}>{t('retention.reject')}</Button>
                    </Stack>
                  );
                }
                if (row.status === 'approved' && !row.executed) {
                  return <Button size="small" variant="contained" color="error" disabled={busy} onClick={() => void execute(row.id)} aria-label={t('retention.executeAction', { id: row.id })}>{t('retention.execute')}</Button>;
                }
                return '—';
              },
            },
          ]} />
      )}</Loaded>
    </>
  );
}
