/**
 * The auditor's access log: newest first, a page at a time (the server pages in the store by cursor), narrowed to a
 * person, a user, a case and a period of days, every action and outcome in words, and the selection as CSV.
 */
import { Box, Button, Chip, Stack, TextField, Typography } from '@mui/material';
import type { TFunction } from 'i18next';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiProblem, client, unwrap } from '../api/client';
import { useLoad } from '../api/use-load';
import { PageTitle } from '../components/PageTitle';
import { Loaded, ProblemAlert } from '../components/Status';
import { DataTable } from '../components/Tables';
import { actionLabel, formatDateTime, labelOf, legalBasisText } from '../format';
import { downloadText, toCsv } from '../lib/csv';

const PAGE_SIZE = 50;
/** The export follows the cursor to the end of the selection, up to this many rows. */
const EXPORT_MAX = 20_000;
const FILTERS = ['person', 'user', 'case', 'from', 'to'] as const;
type Filter = (typeof FILTERS)[number];
type Query = Partial<Record<Filter, string>>;

function fetchPage(query: Query, after: string | undefined, limit: number) {
  return unwrap(client.GET('/api/access-log', { params: { query: { ...query, order: 'newest', limit, ...(after ? { after: Number(after) } : {}) } } }));
}
type Row = Awaited<ReturnType<typeof fetchPage>>['items'][number];


/** What was accessed in words: a case ("Strafzaak SZ-2026-002") or a list ("Lijst: strafzaken"). */
export function resourceLabel(t: TFunction, resource: string): string {
  const slash = resource.indexOf('/');
  if (slash > 0) return `${labelOf(t, 'kind', resource.slice(0, slash))} ${resource.slice(slash + 1)}`;
  const [what = resource, kind] = resource.split(':');
  const translate = t as unknown as (key: string, options: { defaultValue: string; keySeparator: string }) => string;
  const name = translate(`accessResource|${what}`, { defaultValue: what, keySeparator: '|' });
  return kind ? `${name} (${labelOf(t, 'kindPlural', kind)})` : name;
}

export function AccessLogPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t('nav.accessLog')}>{t('nav.accessLog')}</PageTitle>
      <AccessLogPanel />
    </>
  );
}

export function AccessLogPanel() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const query: Query = Object.fromEntries(FILTERS.flatMap((name) => (params.get(name) ? [[name, params.get(name)!]] : [])));
  const [form, setForm] = useState<Query>(query);
  // The cursors of the pages before this one, so "previous" goes back without the server keeping state.
  const [cursors, setCursors] = useState<string[]>([]);
  const after = cursors.at(-1);
  const [exporting, setExporting] = useState(false);
  const [problem, setProblem] = useState<ApiProblem>();
  const key = JSON.stringify(query);
  const page = useLoad(() => fetchPage(query, after, PAGE_SIZE), [key, after]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setCursors([]);
    setParams(Object.fromEntries(Object.entries(form).filter(([, value]) => value && value.trim()).map(([name, value]) => [name, value!.trim()])));
  };
  const columns = (row: Row) => [
    formatDateTime(row.at, i18n.language), row.username, labelOf(t, 'organisation', row.organisation), actionLabel(t, row.action),
    resourceLabel(t, row.resource), row.persons.join(' '), row.purpose, row.legalBasis ? legalBasisText(t, row.legalBasis) : '', outcomeText(t, row),
  ];
  const exportCsv = async () => {
    setExporting(true);
    setProblem(undefined);
    try {
      const rows: Row[] = [];
      let cursor: string | undefined;
      do {
        const next = await fetchPage(query, cursor, 500);
        rows.push(...next.items);
        cursor = next.next ?? undefined;
      } while (cursor && rows.length < EXPORT_MAX);
      const header = [t('accessLog.at'), t('accessLog.user'), t('accessLog.organisation'), t('accessLog.action'), t('accessLog.resource'), t('accessLog.persons'), t('accessLog.purpose'), t('accessLog.legalBasis'), t('accessLog.outcome')];
      const today = new Date().toISOString().slice(0, 10);
      downloadText(toCsv(header, rows.map(columns)), `${t('accessLog.fileName')}-${today}.csv`);
    } catch (error) {
      if (error instanceof ApiProblem) setProblem(error); else throw error;
    } finally {
      setExporting(false);
    }
  };
  const field = (name: Filter, label: string, type: 'text' | 'date' = 'text') => (
    <TextField id={`log-${name}`} label={label} value={form[name] ?? ''} size="small" type={type}
      onChange={(event) => setForm((previous) => ({ ...previous, [name]: event.target.value }))}
      onKeyDown={type === 'date' ? (event) => { if (event.key === 'Enter') event.preventDefault(); } : undefined}
      slotProps={type === 'date' ? { inputLabel: { shrink: true } } : undefined} />
  );
  return (
    <>
      <Typography sx={{ mb: 1 }}>{t('accessLog.intro')}</Typography>
      <Box component="form" onSubmit={submit} aria-label={t('accessLog.filters')}>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ my: 2, flexWrap: 'wrap', alignItems: { md: 'center' } }} useFlexGap>
          {field('person', t('accessLog.person'))}
          {field('user', t('accessLog.user'))}
          {field('case', t('accessLog.case'))}
          {field('from', t('accessLog.from'), 'date')}
          {field('to', t('accessLog.to'), 'date')}
          <Button type="submit" variant="contained">{t('accessLog.show')}</Button>
        </Stack>
      </Box>
      {problem && <ProblemAlert problem={problem} />}
      <Loaded state={page}>{(data) => (
        <>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
            <Typography component="p" role="status">{t('accessLog.pageInfo', { page: cursors.length + 1, count: data.items.length })}</Typography>
            <Box sx={{ flex: 1 }} />
            <Button variant="outlined" disabled={exporting || data.items.length === 0} onClick={() => void exportCsv()}>{exporting ? t('accessLog.exporting') : t('accessLog.export')}</Button>
          </Stack>
          <DataTable caption={t('nav.accessLog')} captionVisible={false} tools={false} empty={t('accessLog.none')} rows={data.items} rowKey={(row) => String(row.seq)}
            columns={[
              { key: 'at', header: t('accessLog.at'), cell: (row) => formatDateTime(row.at, i18n.language) },
              { key: 'user', header: t('accessLog.user'), cell: (row) => <>{row.username}<Typography variant="body2" component="span" sx={{ display: 'block', color: 'text.secondary' }}>{labelOf(t, 'organisation', row.organisation)}</Typography></> },
              { key: 'action', header: t('accessLog.action'), cell: (row) => actionLabel(t, row.action) },
              { key: 'resource', header: t('accessLog.resource'), cell: (row) => resourceLabel(t, row.resource) },
              { key: 'purpose', header: t('accessLog.purpose'), cell: (row) => row.purpose },
              { key: 'basis', header: t('accessLog.legalBasis'), cell: (row) => (row.legalBasis ? legalBasisText(t, row.legalBasis) : '—') },
              { key: 'outcome', header: t('accessLog.outcome'), cell: (row) => <Chip size="small" color={row.outcome === 'allowed' ? 'success' : 'error'} variant="outlined" label={outcomeText(t, row)} /> },
            ]} />
          <Stack direction="row" spacing={2} component="nav" aria-label={t('accessLog.paging')} sx={{ mt: 1 }}>
            <Button disabled={cursors.length === 0} onClick={() => setCursors((previous) => previous.slice(0, -1))}>{t('accessLog.newer')}</Button>
            <Button disabled={!data.next} onClick={() => data.next && setCursors((previous) => [...previous, data.next!])}>{t('accessLog.older')}</Button>
          </Stack>
        </>
      )}</Loaded>
    </>
  );
}

function outcomeText(t: TFunction, row: Row): string {
  const outcome = row.outcome === 'allowed' ? t('accessLog.allowed') : row.outcome === 'denied' ? t('accessLog.denied') : row.outcome;
  return row.reason ? `${outcome}: ${row.reason}` : outcome;
}
