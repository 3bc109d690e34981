/**
 * The witness risk lists (README, "Witnesses"): the cases resting on statements of witnesses no longer available or
 * living in a country whose situation changed, and — for the police — the potential new witnesses. A country filter
 * narrows both (e.g. SYR).
 */
import { Link as MuiLink, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useLoad } from '../api/use-load';
import { useSession } from '../auth/session';
import { PageTitle } from '../components/PageTitle';
import { Loaded } from '../components/Status';
import { DataTable } from '../components/Tables';
import { listPotentialWitnesses, listWitnessesAtRisk, mayListPotentialWitnesses } from '../components/witnesses/witness-api';
import { WitnessActions } from '../components/witnesses/WitnessActions';
import { WitnessName } from '../components/witnesses/WitnessName';
import { Availability, Statements } from '../components/witnesses/WitnessSection';
import { formatDate } from '../format';

const COUNTRIES = ['SYR', 'IRQ', 'AFG', 'TUR', 'DEU', 'NLD'];

function caseLink(stream: string) {
  return <MuiLink component={Link} to={`/cases/${stream}`}>{stream.slice(stream.indexOf('/') + 1)}</MuiLink>;
}

export function WitnessesPage() {
  const { t, i18n } = useTranslation();
  const { principal } = useSession();
  const [params, setParams] = useSearchParams();
  const country = params.get('country') ?? '';
  const atRisk = useLoad(() => listWitnessesAtRisk(country || undefined), [country]);
  const police = mayListPotentialWitnesses(principal?.role);
  const potential = useLoad(() => (police ? listPotentialWitnesses(country || undefined) : Promise.resolve([])), [country, police]);
  const english = i18n.language.startsWith('en');
  const rows = (atRisk.data ?? []).flatMap((entry) => entry.witnesses.map((witness) => ({ entry, witness })));
  return (
    <Stack spacing={3}>
      <PageTitle title={t('witnesses.atRiskTitle')}>{t('witnesses.atRiskTitle')}</PageTitle>
      <Typography>{t('witnesses.atRiskIntro')}</Typography>
      <TextField select label={t('witnesses.country')} value={country} sx={{ maxWidth: 240 }}
        onChange={(event) => setParams(event.target.value ? { country: event.target.value } : {})}>
        <MenuItem value="">{t('witnesses.allCountries')}</MenuItem>
        {COUNTRIES.map((code) => <MenuItem key={code} value={code}>{code}</MenuItem>)}
      </TextField>
      <Loaded state={atRisk}>{() => (
        <DataTable caption={t('witnesses.atRiskTitle')} captionVisible={false} tools rows={rows} rowKey={(row) => `${row.entry.case}-${row.witness.id}`} empty={t('witnesses.atRiskNone')}
          columns={[
            { key: 'case', header: t('witnesses.case'), cell: (row) => caseLink(row.entry.case) },
            { key: 'witness', header: t('witnesses.witness'), cell: (row) => <WitnessName witness={row.witness} /> },
            { key: 'reasons', header: t('witnesses.reasons'), cell: (row) => row.witness.reasons.map((reason) => t(reason === 'unavailable' ? 'witnesses.unavailableReason' : 'witnesses.countryReason')).join('; ') },
            { key: 'availability', header: t('witnesses.availability'), cell: (row) => <Availability witness={row.witness} /> },
            { key: 'statements', header: t('witnesses.statements'), cell: (row) => <Statements ids={row.witness.statements} /> },
            { key: 'record', header: t('record.heading'), cell: (row) => <WitnessActions witness={row.witness} onChanged={() => atRisk.reload()} /> },
            { key: 'elements', header: t('witnesses.elements'), cell: (row) => (row.entry.elements === null ? t('witnesses.elementsNotWired') : row.entry.elements.map((element) => `${element.offence}: ${element.element}`).join(', ') || '—') },
          ]} />
      )}</Loaded>
      {police && (
        <>
          <Typography variant="h2" component="h2">{t('witnesses.potentialTitle')}</Typography>
          <Typography>{t('witnesses.potentialIntro')}</Typography>
          <Loaded state={potential}>{(list) => (
            <DataTable caption={t('witnesses.potentialTitle')} captionVisible={false} rows={list} rowKey={(row) => row.id} empty={t('witnesses.potentialNone')}
              columns={[
                { key: 'witness', header: t('witnesses.witness'), cell: (row) => <WitnessName witness={row} /> },
                { key: 'case', header: t('witnesses.case'), cell: (row) => caseLink(row.case) },
                { key: 'country', header: t('witnesses.country'), cell: (row) => row.availability.country ?? '—' },
                { key: 'since', header: t('witnesses.unwillingSince'), cell: (row) => formatDate(row.unwillingSince, i18n.language) },
                { key: 'changed', header: t('witnesses.changedOn'), cell: (row) => `${formatDate(row.changed.date, i18n.language)}: ${english ? row.changed.change.en : row.changed.change.nl}` },
              ]} />
          )}</Loaded>
        </>
      )}
    </Stack>
  );
}
