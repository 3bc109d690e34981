/** DT&V: open dossiers with and without an Article 3 barrier, the reassessment list by nationality (R7), departures this year by mode. */
import { FormControl, Grid, InputLabel, MenuItem, Select, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client, unwrap } from '../../api/client';
import { useLoad } from '../../api/use-load';
import { useSession } from '../../auth/session';
import { Loaded } from '../../components/Status';
import { CaseLink, Count, DataTable, PersonLink } from '../../components/Tables';
import { formatDate } from '../../format';
import { countryName } from '../../lib/countries';
import { InboxCard } from '../../components/inbox/InboxCard';

export function DtvHome() {
  const { t, i18n } = useTranslation();
  const { today } = useSession();
  const year = Number(today.slice(0, 4));
  const [nationality, setNationality] = useState('');
  const phases = useLoad(() => unwrap(client.GET('/api/overview/phases', { params: { query: { kind: 'departure' } } })), []);
  const report = useLoad(() => unwrap(client.GET('/api/reports/{year}', { params: { path: { year }, query: { lang: i18n.language === 'en' ? 'en' : 'nl' } } })), [year, i18n.language]);
  const reassessment = useLoad(() => unwrap(client.GET('/api/overview/article3-reassessment')), []);
  return (
    <Grid container spacing={3}>
      <InboxCard />
      <Grid size={{ xs: 12, md: 6 }}>
        <Typography variant="h2" component="h2">{t('home.dossiers')}</Typography>
        <Loaded state={phases}>{(data) => {
          const open = data.phases.find((entry) => entry.phase === 'open');
          const withBarrier = open?.withArticle3Barrier ?? 0;
          const rows = [
            { id: 'with', label: t('home.withBarrier'), value: withBarrier },
            { id: 'without', label: t('home.withoutBarrier'), value: (open?.count ?? 0) - withBarrier },
            { id: 'total', label: t('common.total'), value: open?.count ?? 0 },
          ];
          return (
            <DataTable caption={t('home.figuresOn', { date: formatDate(data.date, i18n.language) })} rows={rows} rowKey={(row) => row.id}
              columns={[
                { key: 'label', header: t('home.dossier'), cell: (row) => (row.id === 'total' ? <strong>{row.label}</strong> : row.label) },
                { key: 'value', header: t('common.count'), numeric: true, cell: (row) => <Count value={row.value} /> },
              ]} />
          );
        }}</Loaded>
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <Typography variant="h2" component="h2">{t('home.departuresThisYear', { year })}</Typography>
        <Loaded state={report}>{(data) => {
          const table = data.tables.find((candidate) => candidate.id === 'departures')!;
          return (
            <DataTable caption={table.title} captionVisible={false} rows={table.rows} rowKey={(row) => row.id}
              columns={[
                { key: 'label', header: t('field.mode'), cell: (row) => (row.id === 'total' ? <strong>{row.label}</strong> : row.label) },
                { key: 'value', header: String(year), numeric: true, cell: (row) => <Count value={row.values[String(year)] ?? 0} /> },
              ]} />
          );
        }}</Loaded>
      </Grid>
      <Grid size={12}>
        <Typography variant="h2" component="h2">{t('home.reassessment')}</Typography>
        <Typography sx={{ mb: 1 }}>{t('home.reassessmentIntro')}</Typography>
        <Loaded state={reassessment}>{(data) => {
          const groups = nationality ? data.groups.filter((group) => group.nationality === nationality) : data.groups;
          return (
            <>
              <FormControl size="small" sx={{ minWidth: 240, my: 1 }}>
                <InputLabel id="nationality-label">{t('home.nationality')}</InputLabel>
                <Select labelId="nationality-label" id="nationality" value={nationality} label={t('home.nationality')} onChange={(event) => setNationality(event.target.value)}>
                  <MenuItem value="">{t('home.allNationalities')}</MenuItem>
                  {data.groups.map((group) => <MenuItem key={group.nationality} value={group.nationality}>{countryName(group.nationality, i18n.language)} ({group.dossiers.length})</MenuItem>)}
                </Select>
              </FormControl>
              {groups.map((group) => (
                <DataTable key={group.nationality} caption={`${t('home.nationality')}: ${countryName(group.nationality, i18n.language)} (${group.dossiers.length})`} rows={group.dossiers} rowKey={(row) => row.dossier}
                  columns={[
                    { key: 'dossier', header: t('home.dossier'), cell: (row) => <CaseLink stream={row.dossier} /> },
                    { key: 'person', header: t('field.person'), cell: (row) => (row.person ? <PersonLink id={row.person.id} names={row.person.names} /> : '—') },
                    { key: 'since', header: t('home.barrierSince'), cell: (row) => formatDate(row.barrierSince, i18n.language) },
                  ]} />
              ))}
            </>
          );
        }}</Loaded>
      </Grid>
    </Grid>
  );
}
