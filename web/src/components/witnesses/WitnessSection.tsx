/**
 * The witnesses of a case, as a section of the case page (README, "Witnesses"): each with the pseudonym (and the
 * identity when the policy allows), the protective measure, the statements and the availability with the country
 * and any change of that country's situation.
 */
import { Alert, Button, Link as MuiLink, Paper, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLoad } from '../../api/use-load';
import { formatDate, labelOf } from '../../format';
import { Loaded } from '../Status';
import { DataTable } from '../Tables';
import { listCaseWitnesses, type WitnessSummary } from './witness-api';
import type { PersonSummary } from '../../api/types';
import { useSession } from '../../auth/session';
import { WitnessActions } from './WitnessActions';
import { RegisterWitnessDialog } from './WitnessDialogs';
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

/**
 * `mayRegister`: the case's allowed-events answer names witness.registered among the streams the role may open;
 * `persons`: the case's persons, offered as the registry person a witness is.
 */
export function WitnessSection({ caseKind, caseId, mayRegister = false, persons = [] }: {
  caseKind: 'criminal' | 'exclusion'; caseId: string; mayRegister?: boolean; persons?: readonly PersonSummary[];
}) {
  const { t } = useTranslation();
  const { today } = useSession();
  const [round, setRound] = useState(0);
  const [notice, setNotice] = useState<string>();
  const [registering, setRegistering] = useState(false);
  const witnesses = useLoad(() => listCaseWitnesses(caseKind, caseId), [caseKind, caseId, round]);
  const changed = (message: string) => { setNotice(message); setRound((value) => value + 1); };
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="witnesses-heading" data-testid="witness-section">
      <Typography id="witnesses-heading" variant="h2" component="h2" gutterBottom>{t('witnesses.heading')}</Typography>
      <Typography sx={{ mb: 2 }}>{t('witnesses.intro')}</Typography>
      {notice && <Alert severity="success" role="status" sx={{ mb: 2 }} onClose={() => setNotice(undefined)}>{notice}</Alert>}
      {mayRegister && <Button id="register-witness" variant="outlined" sx={{ mb: 1 }} onClick={() => setRegistering(true)}>{t('record.registerWitness')}</Button>}
      <Loaded state={witnesses}>{(list) => (
        <DataTable caption={t('witnesses.list')} captionVisible={false} rows={list} rowKey={(row) => row.id} empty={t('witnesses.none')}
          columns={[
            { key: 'witness', header: t('witnesses.witness'), cell: (row) => <WitnessName witness={row} /> },
            { key: 'protection', header: t('witnesses.protection'), cell: (row) => labelOf(t, 'value', row.protection) },
            { key: 'statements', header: t('witnesses.statements'), cell: (row) => <Statements ids={row.statements} /> },
            { key: 'availability', header: t('witnesses.availability'), cell: (row) => <Availability witness={row} /> },
            { key: 'record', header: t('record.heading'), cell: (row) => <WitnessActions witness={row} onChanged={changed} /> },
          ]} />
      )}</Loaded>
      {registering && (
        <RegisterWitnessDialog caseStream={`${caseKind}/${caseId}`} persons={persons} today={today}
          onClose={() => setRegistering(false)} onSaved={() => { setRegistering(false); changed(t('record.saved')); }} />
      )}
    </Paper>
  );
}
