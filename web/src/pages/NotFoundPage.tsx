import { Button, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../components/PageTitle';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t('common.notFound')}>{t('common.notFound')}</PageTitle>
      <Typography sx={{ mb: 2 }}>{t('common.notFoundText')}</Typography>
      <Button component={Link} to="/" variant="contained">{t('common.toHome')}</Button>
    </>
  );
}
