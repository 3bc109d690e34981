/** The auditor: the access log, newest first, by person, user, case and period, exportable. */
import { Grid, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { AccessLogPanel } from '../AccessLogPage';
import { InboxCard } from '../../components/inbox/InboxCard';

export function AuditorHome() {
  const { t } = useTranslation();
  return (
    <>
      <Typography sx={{ mb: 2 }}>{t('home.auditorIntro')}</Typography>
      <Typography variant="h2" component="h2">{t('nav.accessLog')}</Typography>
      <AccessLogPanel />
      <Grid container spacing={3} sx={{ mt: 3 }}>
        <InboxCard />
      </Grid>
    </>
  );
}
