/**
 * The yearly report: the five tables for a year beside the previous one, as recorded at any moment; downloads in
 * DOCX, PDF, CSV and JSON (rendered by the server from the same content); publish, and compare with what was
 * published; the trends since 2014. Figures only: no person data (R4).
 */
import {
  Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Grid, MenuItem, Paper, Stack, TextField, Typography,
} from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem, client, unwrap } from '../api/client';
import type { ReportDiff, ReportWithView } from '../api/types';
import { useLoad } from '../api/use-load';
import { useSession } from '../auth/session';
import { PageTitle } from '../components/PageTitle';
import { Loaded, ProblemAlert } from '../components/Status';
import { DataTable } from '../components/Tables';
import { formatDateTime, formatNumber } from '../format';
import { TrendCharts } from './report/TrendCharts';

interface Query { year: number; asRecordedAt: string; referenceDate: string }

export function ReportPage() {
  const { t, i18n } = useTranslation();
  const { today, principal } = useSession();
  const currentYear = Number(today.slice(0, 4));
  const [form, setForm] = useState<Query>({ year: currentYear - 1, asRecordedAt: '', referenceDate: '' });
  const [query, setQuery] = useState<Query>(form);
  const [round, setRound] = useState(0);
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const asRecordedAt = query.asRecordedAt ? new Date(query.asRecordedAt).toISOString() : undefined;
  const params = { ...(asRecordedAt ? { asRecordedAt } : {}), ...(query.referenceDate ? { referenceDate: query.referenceDate } : {}), lang } as const;
  const report = useLoad(() => unwrap(client.GET('/api/reports/{year}/view', { params: { path: { year: query.year }, query: params } })), [query, lang, round]);
  const search = new URLSearchParams(params).toString();
  const years = Array.from({ length: currentYear - 2014 + 1 }, (_, index) => currentYear - index);

  const submit = (event: FormEvent) => { event.preventDefault(); setQuery(form); };
  return (
    <>
      <PageTitle title={t('report.title')}>{t('report.title')}</PageTitle>
      <Typography sx={{ mb: 2 }}>{t('report.intro')}</Typography>
      <Paper variant="outlined" component="form" onSubmit={submit} sx={{ p: 2, mb: 3 }}>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'center' } }}>
          <TextField select id="report-year" label={t('report.year')} value={form.year} size="small" sx={{ minWidth: 160 }}
            onChange={(event) => setForm({ ...form, year: Number(event.target.value) })}>
            {years.map((year) => <MenuItem key={year} value={year}>{year}</MenuItem>)}
          </TextField>
          <TextField id="report-recorded" type="datetime-local" label={t('report.asRecordedAt')} value={form.asRecordedAt} size="small"
            onChange={(event) => setForm({ ...form, asRecordedAt: event.target.value })} slotProps={{ inputLabel: { shrink: true } }} />
          <TextField id="report-reference" type="date" label={t('report.referenceDate')} value={form.referenceDate} size="small"
            onChange={(event) => setForm({ ...form, referenceDate: event.target.value })} slotProps={{ inputLabel: { shrink: true } }} />
          <Button type="submit" variant="contained">{t('report.show')}</Button>
        </Stack>
      </Paper>
      <Loaded state={report}>{(data) => (
        <>
          <ReportTables data={data} />
          <Stack direction="row" spacing={1} sx={{ my: 2, flexWrap: 'wrap', gap: 1 }} role="group" aria-label={t('report.downloads')}>
            <Typography component="span" sx={{ alignSelf: 'center', fontWeight: 600 }}>{t('report.downloads')}:</Typography>
            {([['DOCX', `formats/docx`], ['PDF', 'pdf'], ['CSV', 'formats/csv'], ['JSON', 'formats/json']] as const).map(([label, path]) => (
              <Button key={label} variant="outlined" href={`/api/reports/${query.year}/${path}?${search}`} download
                aria-label={t('report.download', { format: label })}>{label}</Button>
            ))}
          </Stack>
          <Typography data-testid="publication-status" sx={{ mt: 2 }}>
            {data.publication
              ? t('report.publicationDone', { when: formatDateTime(data.publication.publishedAt, i18n.language), asOf: formatDateTime(data.publication.asRecordedAt, i18n.language), hash: data.publication.sha256.slice(0, 16) })
              : t('report.publicationNone', { year: query.year })}
          </Typography>
          <Publication year={query.year} published={data.publication !== null} mayPublish={principal!.role === 'ministry'} onPublished={() => setRound((value) => value + 1)} />
        </>
      )}</Loaded>
      <Box sx={{ mt: 4 }}><TrendCharts /></Box>
    </>
  );
}

function ReportTables({ data }: { data: ReportWithView }) {
  const { i18n } = useTranslation();
  const { view } = data;
  return (
    <Box component="section" aria-labelledby="report-view-title" data-testid="report-view">
      <Typography variant="h2" component="h2" id="report-view-title" gutterBottom>{view.title}</Typography>
      <Grid container spacing={2}>
        {view.tables.map((table) => (
          <Grid key={table.id} size={{ xs: 12, md: 6 }}>
            <DataTable caption={table.heading} rows={table.rows} rowKey={(row) => row.id}
              columns={[
                { key: 'label', header: <span style={{ position: 'absolute', left: -9999 }}>{table.title}</span>, cell: (row) => (row.isTotal ? <strong>{row.label}</strong> : row.label) },
                ...view.years.map((year, index) => ({
                  key: year, header: year, numeric: true,
                  cell: (row: (typeof table.rows)[number]) => <span data-figure={`${table.id}.${row.id}.${year}`}>{row.isTotal ? <strong>{formatNumber(row.figures[index]!, i18n.language)}</strong> : formatNumber(row.figures[index]!, i18n.language)}</span>,
                })),
              ]} />
            <Typography variant="body2" sx={{ color: 'text.secondary' }}>{table.note}</Typography>
          </Grid>
        ))}
      </Grid>
      <Typography variant="body2" sx={{ mt: 2 }} data-testid="report-footer">{view.footer}</Typography>
    </Box>
  );
}

function Publication({ year, published: isPublished, mayPublish, onPublished }: { year: number; published: boolean; mayPublish: boolean; onPublished(): void }) {
  const { t, i18n } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [published, setPublished] = useState<string>();
  const [diff, setDiff] = useState<ReportDiff>();
  const [problem, setProblem] = useState<ApiProblem>();
  const guarded = async (action: () => Promise<void>) => {
    setProblem(undefined);
    try { await action(); } catch (error) { if (error instanceof ApiProblem) setProblem(error); else throw error; }
  };
  const publish = () => guarded(async () => {
    setConfirming(false);
    const result = await unwrap(client.POST('/api/reports/{year}/publication', { params: { path: { year } }, body: {} }));
    setPublished(t('report.published', { when: formatDateTime(result.publishedAt, i18n.language), hash: result.sha256.slice(0, 16) }));
    setDiff(undefined);
    onPublished();
  });
  const compare = () => guarded(async () => { setDiff(await unwrap(client.GET('/api/reports/{year}/diff', { params: { path: { year } } }))); });
  return (
    <Box sx={{ my: 2 }}>
      <Stack direction="row" spacing={1}>
        {mayPublish && <Button variant="contained" color="secondary" onClick={() => setConfirming(true)}>{t('report.publish')}</Button>}
        {isPublished && <Button variant="outlined" onClick={() => void compare()}>{t('report.compare')}</Button>}
      </Stack>
      {published && <Alert severity="success" role="status" sx={{ mt: 2 }}>{published}</Alert>}
      {problem && <Box sx={{ mt: 2 }}><ProblemAlert problem={problem} /></Box>}
      {diff && (
        <Box sx={{ mt: 2 }} data-testid="report-diff">
          <Typography variant="h3" component="h3">{t('report.compareTitle', { when: formatDateTime(diff.publishedAt, i18n.language) })}</Typography>
          {diff.intact && <Typography variant="body2">{t('report.intact')}</Typography>}
          <DataTable caption={t('report.compare')} captionVisible={false} empty={t('report.noChanges')} rows={diff.changes} rowKey={(row) => `${row.table}.${row.row}.${row.year}`}
            columns={[
              { key: 'row', header: t('report.row'), cell: (row) => row.label },
              { key: 'year', header: t('report.column'), cell: (row) => row.year },
              { key: 'published', header: t('report.publishedValue'), numeric: true, cell: (row) => formatNumber(row.published, i18n.language) },
              { key: 'current', header: t('report.currentValue'), numeric: true, cell: (row) => formatNumber(row.current, i18n.language) },
            ]} />
        </Box>
      )}
      <Dialog open={confirming} onClose={() => setConfirming(false)} aria-labelledby="publish-title">
        <DialogTitle id="publish-title">{t('report.publishTitle', { year })}</DialogTitle>
        <DialogContent><DialogContentText>{t('report.publishText')}</DialogContentText></DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirming(false)}>{t('common.cancel')}</Button>
          <Button variant="contained" onClick={() => void publish()}>{t('report.publish')}</Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
}
