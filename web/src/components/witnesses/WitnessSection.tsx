/**
 * The witnesses of a case, as a section of the case page (README, "Witnesses"): each with the pseudonym (and the
 * identity when the policy allows), the protective measure, the statements and the availability with the country
 * and any change of that country's situation.
 */
import { Link as MuiLink, Paper, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLoad } from '../../api/use-load';
import { formatDate, labelOf } from '../../format';
import { Loaded } from '../Status';
import { DataTable } from '../Tables';
import { listCaseWitnesses, type WitnessSummary } from './witness-api';
import { WitnessName } from './WitnessName';

export function Availability({ witness }: { witness: WitnessSummary }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language.startsWith('en');
  return (
    <Stack spacing={0.5}>
      <span>{labelOf(t, 'value', witness.availability.status)}{witness.availability.country ? ` (${witness.availability.country})` : ''}</span>
      {witness.availability.since && <Typography component="span" variant="body2" sx={{ color: 'text.secondary' }}>{t('witnesses.since', { date: formatDate(witness.availability.since, i18n.language) })}</Typography>}
      {witness.countryChanges.map((change) => (
        <Typography key={change.date} component="span" variant="body2" sx={{ color: 'warning.dark' }}>
          {t('witnesses.countryChanged', { country: witness.availability.country, date: formatDate(change.date, i18n.language), change: english ? change.change.en : change.change.nl })}
        </Typography>
      ))}
    </Stack>
  );
}

export function Statements({ ids }: { ids: readonly string[] }) {
  return (
    <Stack>
      {ids.length === 0 ? '—' : ids.map((id) => <MuiLink key={id} component={Link} to={`/evidence/${encodeURIComponent(id)}`}>{id}</MuiLink>)}
    </Stack>
  );
}

export function WitnessSection({ caseKind, caseId }: { caseKind: 'criminal' | 'exclusion'; caseId: string }) {
  const { t } = useTranslation();
  const witnesses = useLoad(() => listCaseWitnesses(caseKind, caseId), [caseKind, caseId]);
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="witnesses-heading" data-testid="witness-section">
      <Typography id="witnesses-heading" variant="h2" component="h2" gutterBottom>{t('witnesses.heading')}</Typography>
      <Typography sx={{ mb: 2 }}>{t('witnesses.intro')}</Typography>
      <Loaded state={witnesses}>{(list) => (
        <DataTable caption={t('witnesses.list')} captionVisible={false} rows={list} rowKey={(row) => row.id} empty={t('witnesses.none')}
          columns={[
            { key: 'witness', header: t('witnesses.witness'), cell: (row) => <WitnessName witness={row} /> },
            { key: 'protection', header: t('witnesses.protection'), cell: (row) => labelOf(t, 'value', row.protection) },
            { key: 'statements', header: t('witnesses.statements'), cell: (row) => <Statements ids={row.statements} /> },
            { key: 'availability', header: t('witnesses.availability'), cell: (row) => <Availability witness={row} /> },
          ]} />
      )}</Loaded>
    </Paper>
  );
}
