/**
 * The proof matrix of a case (README, "What each case rests on"; R8): each element of its offences — status, the
 * evidence linked to it and why an item does not count — then the items with their originator's conditions, consent,
 * availability and verification. Sortable, printable (a print stylesheet drops the app's chrome), as recorded at
 * an earlier moment on request.
 */
import { Alert, Box, Button, Link as MuiLink, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useLoad } from '../api/use-load';
import { PageTitle } from '../components/PageTitle';
import { Loaded } from '../components/Status';
import { DataTable } from '../components/Tables';
import { showProofMatrix, type ProofElementRow, type ProofItem } from '../components/proof/proof-api';
import { StatusChip } from '../components/proof/StatusChip';
import { formatDate, formatDateTime, labelOf } from '../format';

const STATUS_ORDER = { unsupported: 0, 'lead-only': 1, proven: 2 } as const;
type SortKey = 'order' | 'status' | 'evidence';

const PRINT_CSS = `@media print {
  header, nav, footer, .no-print, [data-testid="app-drawer"] { display: none !important; }
  main { margin: 0 !important; padding: 0 !important; width: 100% !important; }
  .proof-page table { font-size: 10pt; }
  .proof-page tr { break-inside: avoid; }
  .proof-page [role="region"] { overflow: visible !important; box-shadow: none !important; }
  a { color: inherit !important; text-decoration: none !important; }
}`;

export function ProofPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const { kind = '', id = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const asRecordedAt = search.get('asRecordedAt') ?? undefined;
  const [moment, setMoment] = useState(asRecordedAt ?? '');
  const [sort, setSort] = useState<SortKey>('order');
  const matrix = useLoad(() => showProofMatrix(kind, id, asRecordedAt), [kind, id, asRecordedAt]);
  const title = t('proof.title', { case: id });
  const st = (key: string) => (t as unknown as (key: string) => string)(key);

  const sorted = useMemo(() => {
    const rows = [...(matrix.data?.elements ?? [])];
    if (sort === 'status') return rows.map((row, index) => ({ row, index })).sort((a, b) => STATUS_ORDER[a.row.status] - STATUS_ORDER[b.row.status] || a.index - b.index).map(({ row }) => row);
    if (sort === 'evidence') return rows.map((row, index) => ({ row, index })).sort((a, b) => a.row.cells.length - b.row.cells.length || a.index - b.index).map(({ row }) => row);
    return rows;
  }, [matrix.data, sort]);

  return (
    <Box className="proof-page">
      <style>{PRINT_CSS}</style>
      <PageTitle title={title}>{title}</PageTitle>
      <Typography sx={{ mb: 1 }}>{t('proof.intro')}</Typography>
      <Typography sx={{ mb: 2 }}><MuiLink component={Link} to={`/cases/${kind}/${encodeURIComponent(id)}`} className="no-print">{labelOf(t, 'kind', kind)} {id}</MuiLink></Typography>
      <Stack direction="row" useFlexGap spacing={2} sx={{ mb: 2, flexWrap: 'wrap', alignItems: 'center', rowGap: 1 }} className="no-print"
        component="form" onSubmit={(event) => { event.preventDefault(); setSearch(moment ? { asRecordedAt: moment } : {}); }}>
        <TextField size="small" label={t('proof.asRecordedAt')} type="datetime-local" value={moment.slice(0, 16)} onChange={(event) => setMoment(event.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
        <Button type="submit" variant="outlined">{t('proof.show')}</Button>
        <TextField select size="small" label={t('proof.sortBy', { column: '' }).trim()} value={sort} onChange={(event) => setSort(event.target.value as SortKey)} sx={{ minWidth: 200 }}>
          <MenuItem value="order">{t('proof.element')}</MenuItem>
          <MenuItem value="status">{t('proof.status')}</MenuItem>
          <MenuItem value="evidence">{t('proof.evidence')}</MenuItem>
        </TextField>
        <Button variant="contained" onClick={() => window.print()}>{t('proof.print')}</Button>
      </Stack>
      <Loaded state={matrix}>{(data) => (
        <>
          <Typography sx={{ mb: 1 }} data-testid="proof-as-of">{t('proof.asOf', { date: formatDate(data.asOf.date, i18n.language), recordedAt: formatDateTime(data.asOf.recordedAt, i18n.language) })}</Typography>
          <Alert severity={data.summary.unsupported > 0 ? 'warning' : data.summary.leadOnly > 0 ? 'info' : 'success'} sx={{ mb: 2 }} data-testid="proof-summary">
            {t('proof.summary', data.summary)}
          </Alert>
          {data.offences.map((offence) => {
            const rows = sorted.filter((row) => row.offence === offence.offence);
            return (
              <Paper key={offence.offence} variant="outlined" sx={{ p: 2, mb: 3 }} component="section">
                <Typography variant="h2" component="h2" gutterBottom>{offence.label[lang]} <Typography component="span" color="text.secondary">({offence.offence})</Typography></Typography>
                {offence.crimes.length > 0 && <Typography variant="body2" sx={{ mb: 1 }}>{offence.crimes.map((crime) => `${crime.label[lang]} — ${crime.article}`).join('; ')}</Typography>}
                {rows.length === 0
                  ? <Typography>{t('proof.noCrime')}</Typography>
                  : <ElementTable rows={rows} caption={offence.label[lang]} lang={lang} st={st} />}
              </Paper>
            );
          })}
          <Paper variant="outlined" sx={{ p: 2, mb: 3 }} component="section">
            <Typography variant="h2" component="h2" gutterBottom>{t('proof.items')}</Typography>
            <DataTable<ProofItem>
              caption={t('proof.items')} captionVisible={false} rows={data.items} empty={t('proof.noItems')} rowKey={(item) => item.id}
              columns={[
                { key: 'id', header: t('proof.evidence'), cell: (item) => <><MuiLink component={Link} to={`/evidence/${encodeURIComponent(item.id)}`}>{item.id}</MuiLink> {item.title}</> },
                { key: 'originator', header: t('proof.originator'), cell: (item) => `${item.originator ?? '—'} (${labelOf(t, 'value', item.sourceType)})` },
                { key: 'conditions', header: t('proof.conditions'), cell: (item) => (item.conditionsRecorded ? labelOf(t, 'value', item.conditions) : t('proof.noConditions')) },
                { key: 'consent', header: t('proof.consent'), cell: (item) => (item.conditions === 'evidence-with-consent' ? st(`proof.consent_${item.consent}`) : '—') },
                { key: 'availability', header: t('proof.availability'), cell: (item) => (item.available ? t('proof.available')
                  : <strong>{t('proof.unavailable', { date: item.availability ? formatDate(item.availability.date, i18n.language) : '', reason: item.availability?.reason ?? '' })}</strong>) },
                { key: 'verification', header: t('proof.verification'), cell: (item) => <>{st(`proof.verification_${item.verification}`)}{item.leadOnly ? <> · <strong>{t('proof.leadOnly')}</strong></> : null}</> },
              ]}
            />
          </Paper>
        </>
      )}</Loaded>
    </Box>
  );
}

function ElementTable({ rows, caption, lang, st }: { rows: ProofElementRow[]; caption: string; lang: 'nl' | 'en'; st: (key: string) => string }) {
  const { t } = useTranslation();
  return (
    <DataTable<ProofElementRow>
      caption={caption} captionVisible={false} rows={rows} rowKey={(row) => `${row.offence}/${row.element}`}
      columns={[
        { key: 'status', header: t('proof.status'), cell: (row) => <StatusChip status={row.status} label={st(`proof.status_${row.status}`)} /> },
        { key: 'element', header: t('proof.element'), cell: (row) => (
          <Box data-testid={`element-${row.element}`} data-status={row.status}>
            <Typography component="span" sx={{ fontWeight: row.status === 'unsupported' ? 700 : 400 }}>{row.label[lang]}</Typography>
            <Typography variant="body2" color="text.secondary">{st(`proof.elementKind_${row.kind}`)}{row.crime === null && rows.length > 0 ? ` · ${t('proof.shared')}` : ''} · {row.source.article}{row.source.eoc ? `; EoC ${row.source.eoc}` : ''}</Typography>
          </Box>
        ) },
        { key: 'evidence', header: t('proof.evidence'), cell: (row) => (
          <Box>
            {row.cells.map((cell) => (
              <Typography key={cell.item} variant="body2" component="div">
                <MuiLink component={Link} to={`/evidence/${encodeURIComponent(cell.item)}`}>{cell.item}</MuiLink>{' '}
                {labelOf(t, 'value', cell.relation)}, {labelOf(t, 'value', cell.weight)}, {st(`proof.verification_${cell.verification}`)}
                {!cell.counts && cell.relation === 'supports' ? <> — <strong>{cell.why[lang]}</strong></> : null}
              </Typography>
            ))}
            {row.status !== 'proven' || row.unverifiedOnly ? <Typography variant="body2" color="text.secondary">{row.reason[lang]}</Typography> : null}
          </Box>
        ) },
      ]}
    />
  );
}
