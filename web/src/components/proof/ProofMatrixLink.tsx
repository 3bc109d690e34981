/** The way from a case page to its proof matrix (README, "What each case rests on"). */
import { Button } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function ProofMatrixLink({ kind, id }: { kind: string; id: string }) {
  const { t } = useTranslation();
  return <Button component={Link} to={`/cases/${kind}/${encodeURIComponent(id)}/proof`} variant="outlined" data-testid="proof-matrix-link">{t('proof.open')}</Button>;
}
