/** The ministry: aggregate figures only (R4). The yearly report's trends, and the way to the report page. */
import { Alert, Button, Grid } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TrendCharts } from '../report/TrendCharts';
import { InboxCard } from '../../components/inbox/InboxCard';

export function MinistryHome() {
  const { t } = useTranslation();
  return (
    <>
      <Alert severity="info" sx={{ mb: 2 }} action={<Button component={Link} to="/report" color="inherit">{t('home.toReport')}</Button>}>
        {t('home.ministryIntro')}
      </Alert>
      <TrendCharts />
      <Grid container spacing={3} sx={{ mt: 3 }}>
        <InboxCard />
      </Grid>
    </>
  );
}
