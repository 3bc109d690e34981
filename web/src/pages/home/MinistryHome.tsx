/** The ministry: aggregate figures only (R4). The yearly report's trends, and the way to the report page. */
import { Alert, Button } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TrendCharts } from '../report/TrendCharts';

export function MinistryHome() {
  const { t } = useTranslation();
  return (
    <>
      <Alert severity="info" sx={{ mb: 2 }} action={<Button component={Link} to="/report" color="inherit">{t('home.toReport')}</Button>}>
        {t('home.ministryIntro')}
      </Alert>
      <TrendCharts />
    </>
  );
}
