/** Police and prosecutor: criminal cases by phase, upcoming hearings, cases per situation, victims owed information. */
import { Alert, Button, Grid, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { client, unwrap } from '../../api/client';
import { useLoad } from '../../api/use-load';
import { Loaded } from '../../components/Status';
import { CaseLink, Count, DataTable } from '../../components/Tables';
import { WitnessRiskCard } from '../../components/witnesses/WitnessRiskCard';
import { formatDate, labelOf } from '../../format';
import { InboxCard } from '../../components/inbox/InboxCard';

const OPEN_PHASES = ['investigation', 'first-instance', 'appeal', 'cassation'];

export function CriminalHome() {
  const { t, i18n } = useTranslation();
  const phases = useLoad(() => unwrap(client.GET('/api/overview/phases', { params: { query: { kind: 'criminal' } } })), []);
  const hearings = useLoad(() => unwrap(client.GET('/api/overview/hearings', { params: { query: { limit: 10 } } })), []);
  const situations = useLoad(() => unwrap(client.GET('/api/overview/situations')), []);
  const victims = useLoad(() => unwrap(client.GET('/api/overview/victims', { params: { query: { overdueOnly: true } } })), []);
  return (
    <Grid container spacing={3}>
      <InboxCard />
      <Grid size={{ xs: 12, md: 6 }}>
        <Typography variant="h2" component="h2">{t('home.casesByPhase')}</Typography>
        <Loaded state={phases}>{(data) => {
          const rows = OPEN_PHASES.map((phase) => ({ phase, count: data.phases.find((entry) => entry.phase === phase)?.count ?? 0 }));
          const total = rows.reduce((sum, row) => sum + row.count, 0);
          return (
            <DataTable caption={`${t('home.casesByPhaseIntro')} ${t('home.figuresOn', { date: formatDate(data.date, i18n.language) })}`} rowKey={(row) => row.phase}
              rows={[...rows, { phase: 'total', count: total }]}
              columns={[
                { key: 'phase', header: t('caseList.phase'), cell: (row) => (row.phase === 'total' ? <strong>{t('common.total')}</strong> : <Link to={`/cases?kind=criminal&phase=${row.phase}`}>{labelOf(t, 'phase', row.phase)}</Link>) },
                { key: 'count', header: t('common.count'), numeric: true, cell: (row) => <Count value={row.count} /> },
              ]} />
          );
        }}</Loaded>
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <Typography variant="h2" component="h2">{t('home.hearings')}</Typography>
        <Loaded state={hearings}>{(data) => (
          <DataTable caption={t('home.hearings')} captionVisible={false} empty={t('home.noHearings')} rows={data.items} rowKey={(row) => `${row.case}-${row.date}`}
            columns={[
              { key: 'date', header: t('home.hearingDate'), cell: (row) => formatDate(row.date, i18n.language) },
              { key: 'court', header: t('home.court'), cell: (row) => row.court },
              { key: 'case', header: t('caseList.case'), cell: (row) => <CaseLink stream={row.case} /> },
              { key: 'phase', header: t('caseList.phase'), cell: (row) => labelOf(t, 'phase', row.phase) },
            ]} />
        )}</Loaded>
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <Typography variant="h2" component="h2">{t('home.bySituation')}</Typography>
        <Loaded state={situations}>{(data) => (
          <DataTable caption={t('home.bySituation')} captionVisible={false} rows={data.situations} rowKey={(row) => String(row.situation)}
            columns={[
              { key: 'situation', header: t('home.situation'), cell: (row) => row.situation ?? t('home.noSituation') },
              { key: 'open', header: t('home.openCases'), numeric: true, cell: (row) => <Count value={row.open} /> },
              { key: 'closed', header: t('home.closedCases'), numeric: true, cell: (row) => <Count value={row.closed} /> },
            ]} />
        )}</Loaded>
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <Typography variant="h2" component="h2">{t('home.victimsOverdue')}</Typography>
        <Loaded state={victims}>{(data) => {
          const count = data.cases.reduce((sum, item) => sum + item.victims.length, 0);
          return (
            <Alert severity={count > 0 ? 'warning' : 'success'} sx={{ my: 1 }} action={<Button component={Link} to="/victims?overdue=1" color="inherit">{t('home.toVictims')}</Button>}>
              {t('home.victimsOverdueCount', { count })}
            </Alert>
          );
        }}</Loaded>
      </Grid>
      <WitnessRiskCard />
    </Grid>
  );
}
