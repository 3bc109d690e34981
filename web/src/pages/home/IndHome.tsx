/** IND Unit 1F: open and suspended investigations, appeals pending, decisions this year by outcome and their consequences (R2). */
import { Grid, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { WitnessRiskCard } from '../../components/witnesses/WitnessRiskCard';
import { client, unwrap } from '../../api/client';
import { useLoad } from '../../api/use-load';
import { useSession } from '../../auth/session';
import { Loaded } from '../../components/Status';
import { CaseLink, Count, DataTable } from '../../components/Tables';
import { formatDate, labelOf } from '../../format';
import { InboxCard } from '../../components/inbox/InboxCard';

export function IndHome() {
  const { t, i18n } = useTranslation();
  const { today } = useSession();
  const year = Number(today.slice(0, 4));
  const phases = useLoad(() => unwrap(client.GET('/api/overview/phases', { params: { query: { kind: 'exclusion' } } })), []);
  const report = useLoad(() => unwrap(client.GET('/api/reports/{year}', { params: { path: { year }, query: { lang: i18n.language === 'en' ? 'en' : 'nl' } } })), [year, i18n.language]);
  const decisions = useLoad(() => unwrap(client.GET('/api/overview/exclusion-decisions', { params: { query: { year } } })), [year]);
  const yesNo = (value: boolean) => (value ? t('common.yes') : t('common.no'));
  return (
    <Grid container spacing={3}>
      <InboxCard />
      <Grid size={{ xs: 12, md: 6 }}>
        <Typography variant="h2" component="h2">{t('home.investigations1F')}</Typography>
        <Loaded state={phases}>{(data) => {
          const count = (phase: string) => data.phases.find((entry) => entry.phase === phase)?.count ?? 0;
          const rows = [
            { id: 'open', label: t('home.openInvestigations'), value: count('open') },
            { id: 'suspended', label: t('home.suspendedInvestigations'), value: count('suspended') },
            { id: 'appeal', label: t('home.appealsPending'), value: count('appeal') },
          ];
          return (
            <DataTable caption={t('home.figuresOn', { date: formatDate(data.date, i18n.language) })} rows={rows} rowKey={(row) => row.id}
              columns={[
                { key: 'label', header: t('caseList.phase'), cell: (row) => row.label },
                { key: 'value', header: t('common.count'), numeric: true, cell: (row) => <Count value={row.value} /> },
              ]} />
          );
        }}</Loaded>
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <Typography variant="h2" component="h2">{t('home.decisionsThisYear', { year })}</Typography>
        <Loaded state={report}>{(data) => {
          const table = data.tables.find((candidate) => candidate.id === 'exclusion-decisions')!;
          return (
            <DataTable caption={table.title} captionVisible={false} rows={table.rows} rowKey={(row) => row.id}
              columns={[
                { key: 'label', header: t('field.outcome'), cell: (row) => (row.id === 'total' ? <strong>{row.label}</strong> : row.label) },
                { key: 'value', header: String(year), numeric: true, cell: (row) => <Count value={row.values[String(year)] ?? 0} /> },
              ]} />
          );
        }}</Loaded>
      </Grid>
      <Grid size={12}>
        <Typography variant="h2" component="h2">{t('home.decisionsList', { year })}</Typography>
        <Loaded state={decisions}>{(data) => (
          <DataTable caption={t('home.decisionsList', { year })} captionVisible={false} empty={t('home.noDecisions')} rows={data.items} rowKey={(row) => row.case}
            columns={[
              { key: 'case', header: t('caseList.case'), cell: (row) => <CaseLink stream={row.case} /> },
              { key: 'date', header: t('common.date'), cell: (row) => formatDate(row.date, i18n.language) },
              { key: 'outcome', header: t('field.outcome'), cell: (row) => labelOf(t, 'value', row.outcome) },
              { key: 'asylum', header: t('derived.asylumRefused'), cell: (row) => yesNo(row.consequences.asylumRefused) },
              { key: 'barrier', header: t('derived.article3Barrier'), cell: (row) => yesNo(row.consequences.article3Barrier) },
              { key: 'return', header: t('derived.returnDecision'), cell: (row) => yesNo(row.consequences.returnDecision) },
              { key: 'ban', header: t('derived.entryBan'), cell: (row) => (row.consequences.entryBanYears ? t('derived.entryBanYears', { years: row.consequences.entryBanYears }) : t('common.none')) },
              { key: 'sis', header: t('derived.sisAlert'), cell: (row) => t(`derived.sis.${row.consequences.sisAlert as 'required' | 'possible' | 'none'}`) },
              { key: 'appeal', header: t('derived.appealPending'), cell: (row) => yesNo(row.consequences.appealPending) },
            ]} />
        )}</Loaded>
      </Grid>
      <WitnessRiskCard />
    </Grid>
  );
}
