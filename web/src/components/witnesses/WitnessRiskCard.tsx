/** The home page's entry to the witness risk lists: how many cases rest on witnesses at risk, and a link to them. */
import { Alert, Button, Grid, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLoad } from '../../api/use-load';
import { Loaded } from '../Status';
import { listWitnessesAtRisk } from './witness-api';

export function WitnessRiskCard() {
  const { t } = useTranslation();
  const atRisk = useLoad(() => listWitnessesAtRisk(), []);
  return (
    <Grid size={{ xs: 12, md: 6 }} data-testid="witness-risk-card">
      <Typography variant="h2" component="h2">{t('witnesses.atRiskTitle')}</Typography>
      <Loaded state={atRisk}>{(cases) => (
        <Alert severity={cases.length > 0 ? 'warning' : 'success'} sx={{ my: 1 }} action={<Button component={Link} to="/witnesses" color="inherit">{t('witnesses.toList')}</Button>}>
          {t('witnesses.atRiskCount', { count: cases.length })}
        </Alert>
      )}</Loaded>
    </Grid>
  );
}
