/**
 * R7 on a departure dossier's page (README, "Web application"): an Article 3 barrier's last assessment, whether a
 * reassessment is due and since when — the dossier's place on DT&V's reassessment list.
 */
import { Box, Chip, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { paths } from '../../api/schema';
import { formatDate } from '../../format';

type Derived = paths['/api/cases/{kind}/{id}/derived']['get']['responses'][200]['content']['application/json'];

export function Reassessment({ reassessment }: { reassessment: NonNullable<Derived['reassessment']> }) {
  const { t, i18n } = useTranslation();
  const due = reassessment.status === 'due';
  return (
    <Box data-testid="reassessment" sx={{ mb: 2 }}>
      <Typography variant="h3" component="h3" sx={{ fontSize: '1.1rem', fontWeight: 600, mb: 1 }}>{t('casePage.reassessment')}</Typography>
      <Box component="dl" sx={{ m: 0, display: 'grid', gridTemplateColumns: 'minmax(8rem, auto) 1fr', columnGap: 2, rowGap: 0.5 }}>
        <Typography component="dt" sx={{ fontWeight: 600 }}>{t('casePage.reassessmentStatus')}</Typography>
        <Box component="dd" sx={{ m: 0 }}><Chip size="small" variant="outlined" color={due ? 'warning' : 'success'} label={due ? t('casePage.reassessmentDue') : t('casePage.reassessmentCurrent')} /></Box>
        <Typography component="dt" sx={{ fontWeight: 600 }}>{t('casePage.lastAssessment')}</Typography>
        <Typography component="dd" sx={{ m: 0 }}>{formatDate(reassessment.lastAssessment, i18n.language)}</Typography>
        <Typography component="dt" sx={{ fontWeight: 600 }}>{t('casePage.dueDate')}</Typography>
        <Typography component="dd" sx={{ m: 0 }}>{reassessment.dueDate ? formatDate(reassessment.dueDate, i18n.language) : t('casePage.notDue')}</Typography>
      </Box>
    </Box>
  );
}
