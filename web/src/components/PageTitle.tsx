/** The page's h1, also set as the document title (WCAG 2.4.2). */
import { Typography } from '@mui/material';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function PageTitle({ children, title }: { children: ReactNode; title: string }) {
  const { t } = useTranslation();
  useEffect(() => { document.title = `${title} — ${t('common.appName')}`; }, [title, t]);
  return <Typography variant="h1" component="h1" gutterBottom>{children}</Typography>;
}
