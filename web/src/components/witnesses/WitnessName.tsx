/** A witness as the reader may see them: the pseudonym, and the name and person when the policy allows. */
import { Chip, Link as MuiLink, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { WitnessSummary } from './witness-api';

export function WitnessName({ witness }: { witness: WitnessSummary }) {
  const { t, i18n } = useTranslation();
  const pseudonym = i18n.language.startsWith('en') ? witness.pseudonym.en : witness.pseudonym.nl;
  return (
    <Stack spacing={0.5} data-testid="witness-name">
      <Typography component="span" sx={{ fontWeight: 600 }}>{pseudonym}</Typography>
      {witness.withheld
        ? <Chip size="small" label={t('witnesses.withheld')} sx={{ alignSelf: 'flex-start' }} data-testid="identity-withheld" />
        : (
          <Typography component="span" variant="body2">
            {witness.name}{witness.name && witness.person ? ' · ' : ''}
            {witness.person && <MuiLink component={Link} to={`/persons/${encodeURIComponent(witness.person)}`}>{witness.person}</MuiLink>}
          </Typography>
        )}
    </Stack>
  );
}
