/**
 * A person: names in every script, birth date, nationalities, the cases this user may see; and what the policy
 * withholds, with the reason and the legal basis that would allow it. A prosecutor registers the investigating
 * judge's authorisation (R3) from here, on a criminal case against the person; the OM and the IND see the
 * authorisations about the person. Roles that screen persons screen this one against a watchlist here and
 * review its hits; roles that may read cross-references see whether the person probably is a person in another
 * partner's files (hit/no-hit: details only where the policy allows).
 */
import { Alert, Box, Button, Grid, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiProblem, client, unwrap } from '../api/client';
import type { StateView } from '../api/types';
import { useLoad } from '../api/use-load';
import { useVocabularies, vocabularyText } from '../api/vocabularies';
import { useSession } from '../auth/session';
import { CrossReferences } from '../components/CrossReferences';
import { HitCard } from '../components/HitCard';
import { PageTitle } from '../components/PageTitle';
import { Loaded, ProblemAlert } from '../components/Status';
import { CaseLink } from '../components/Tables';
import { CourtField } from '../components/VocabularyFields';
import { formatDate, labelOf, legalBasisText } from '../format';
import { roleView } from '../roles';
import { countryNames } from '../lib/countries';

export function PersonPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const { principal } = useSession();
  const [round, setRound] = useState(0);
  const person = useLoad(() => unwrap(client.GET('/api/persons/{id}', { params: { path: { id } } })), [id, round]);
  const withheld = useLoad(() => unwrap(client.GET('/api/persons/{id}/withheld', { params: { path: { id } } })), [id, round]);
  const title = t('personPage.title', { id });
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <Loaded state={person}>{(data) => {
        const state = data.state as StateView;
        return (
          <Grid container spacing={3}>
            <Grid size={{ xs: 12, md: 6 }}>
              <Paper variant="outlined" sx={{ p: 2 }}>
                <dl className="facts">
                  <Typography component="dt" sx={{ fontWeight: 600 }}>{t('personPage.names')}</Typography>
                  <dd><ul style={{ margin: 0, paddingLeft: 20 }} data-testid="person-names">{(state.names ?? []).map((name) => <li key={name}><bdi>{name}</bdi></li>)}</ul></dd>
                  <Typography component="dt" sx={{ fontWeight: 600 }}>{t('personPage.birthDate')}</Typography>
                  <dd>{formatDate(state.birthDate, i18n.language)}</dd>
                  <Typography component="dt" sx={{ fontWeight: 600 }}>{t('personPage.nationalities')}</Typography>
                  <dd>{countryNames(state.nationalities ?? [], i18n.language) || '—'}</dd>
                  {state.gender && <><Typography component="dt" sx={{ fontWeight: 600 }}>{t('personPage.gender')}</Typography><dd>{labelOf(t, 'value', state.gender)}</dd></>}
                </dl>
              </Paper>
            </Grid>
            <Grid size={{ xs: 12, md: 6 }}>
              <Typography variant="h2" component="h2">{t('personPage.cases')}</Typography>
              {data.cases.length === 0
                ? <Typography>{t('personPage.noCases')}</Typography>
                : <ul data-testid="person-cases">{data.cases.map((stream) => <li key={stream}>{labelOf(t, 'kind', stream.split('/')[0]!)} <CaseLink stream={stream} /></li>)}</ul>}
              <Typography variant="body2" sx={{ color: 'text.secondary' }}>{t('casePage.legalBasis', { basis: legalBasisText(t, data.legalBasis) })}</Typography>
            </Grid>
            <Grid size={12}>
              <Loaded state={withheld}>{(hidden) => (
                hidden.items.length === 0 ? null : (
                  <Box>
                    <Typography variant="h2" component="h2">{t('personPage.withheld')}</Typography>
                    {hidden.items.map((item) => (
                      <Alert key={item.kind} severity="warning" sx={{ my: 1 }} data-testid="withheld">
                        <Typography component="p" sx={{ fontWeight: 600 }}>{t('personPage.withheldItem', { count: item.count, kind: labelOf(t, 'kind', item.kind) })}</Typography>
                        <Typography component="p"><strong>{t('common.serverSays')}:</strong> {item.reason}</Typography>
                        {item.allowingBases.length > 0 && (
                          <>
                            <Typography component="p">{t('common.allowingBases')}:</Typography>
                            <ul>{item.allowingBases.map((basis) => <li key={basis}>{legalBasisText(t, basis)}</li>)}</ul>
                          </>
                        )}
                        {principal!.role === 'prosecutor' && item.kind === 'exclusion' && (
                          <AuthorisationForm personId={id} criminalCases={data.cases.filter((stream) => stream.startsWith('criminal/')).map((stream) => stream.slice('criminal/'.length))}
                            onRegistered={() => setRound((value) => value + 1)} />
                        )}
                      </Alert>
                    ))}
                  </Box>
                )
              )}</Loaded>
            </Grid>
            {(principal!.role === 'prosecutor' || principal!.role === 'ind-1f') && (
              <Grid size={12}>
                <Authorisations personId={id} round={round} />
              </Grid>
            )}
            {roleView(principal!.role).crossReferences && (
              <Grid size={12}>
                <CrossReferences personId={id} names={state.names ?? []} />
              </Grid>
            )}
            {roleView(principal!.role).screening && (
              <Grid size={12}>
                <PersonScreening personId={id} />
              </Grid>
            )}
          </Grid>
        );
      }}</Loaded>
    </>
  );
}

/** Screening this person against a watchlist (POST /api/persons/{id}/screening), and the person's hits on every list. */
function PersonScreening({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const [round, setRound] = useState(0);
  const [list, setList] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem>();
  const [notice, setNotice] = useState<string>();
  const watchlists = useLoad(() => unwrap(client.GET('/api/watchlists')), []);
  const hits = useLoad(() => unwrap(client.GET('/api/screening/hits', { params: { query: { person: personId, status: 'all' } } })), [personId, round]);
  const lists = watchlists.data?.items.filter((item) => item.versions.length > 0) ?? [];
  const chosen = list || lists[0]?.name || '';
  const run = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) return;
    setBusy(true);
    setProblem(undefined);
    setNotice(undefined);
    try {
      const result = await unwrap(client.POST('/api/persons/{id}/screening', { params: { path: { id: personId } }, body: { list: chosen } }));
      setNotice(t('screening.runDone', { list: result.run.list, version: result.run.version, count: result.hits.length }));
      setRound((value) => value + 1);
    } catch (error) {
      if (error instanceof ApiProblem) setProblem(error); else throw error;
    } finally {
      setBusy(false);
    }
  };
  return (
    <Box component="section" aria-labelledby="person-screening" data-testid="person-screening">
      <Typography variant="h2" component="h2" id="person-screening">{t('screening.personSection')}</Typography>
      <Typography sx={{ mb: 1 }}>{t('screening.personIntro')}</Typography>
      <Alert severity="info" sx={{ mb: 2 }}>{t('screening.help')}</Alert>
      <Loaded state={watchlists}>{() => (
        lists.length === 0 ? <Typography>{t('screening.noLists')}</Typography> : (
          <Box component="form" noValidate onSubmit={(event) => void run(event)} sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap', mb: 2 }}>
            <TextField select id="screen-list" label={t('screening.chooseList')} value={chosen} size="small" sx={{ minWidth: 320 }} onChange={(event) => setList(event.target.value)}>
              {lists.map((item) => (
                <MenuItem key={item.name} value={item.name}>{t('screening.listOption', { name: item.name, version: item.versions[0]!.version, entries: item.versions[0]!.entries })}</MenuItem>
              ))}
            </TextField>
            <Button type="submit" variant="contained" disabled={busy}>{t('screening.run')}</Button>
          </Box>
        )
      )}</Loaded>
      {problem && <ProblemAlert problem={problem} />}
      {notice && <Alert severity="success" role="status" sx={{ mb: 2 }} onClose={() => setNotice(undefined)}>{notice}</Alert>}
      <Typography variant="h3" component="h3" sx={{ mt: 2 }}>{t('screening.personHits')}</Typography>
      <Loaded state={hits}>{(data) => (
        data.items.length === 0
          ? <Typography>{t('screening.noPersonHits')}</Typography>
          : data.items.map((hit) => (
            <HitCard key={hit.id} hit={hit} headingLevel={4} onReviewed={(reviewed, decision) => {
              setNotice(t(`screening.reviewed.${decision}`, { id: reviewed.id }));
              setRound((value) => value + 1);
            }} />
          ))
      )}</Loaded>
    </Box>
  );
}

/** The investigating judge's authorisations about this person, as known now (GET /api/authorisations). */
function Authorisations({ personId, round }: { personId: string; round: number }) {
  const { t, i18n } = useTranslation();
  const courts = useVocabularies();
  const list = useLoad(() => unwrap(client.GET('/api/authorisations', { params: { query: { person: personId } } })), [personId, round]);
  return (
    <Box component="section" aria-labelledby="person-authorisations" data-testid="person-authorisations">
      <Typography variant="h2" component="h2" id="person-authorisations">{t('personPage.authorisations')}</Typography>
      <Loaded state={list}>{(data) => (
        data.items.length === 0
          ? <Typography>{t('personPage.noAuthorisations')}</Typography>
          : <ul>{data.items.map((item) => (
            <li key={item.id}>{t('personPage.authorisationLine', {
              reference: item.decisionReference, court: vocabularyText(courts, 'courts', item.court, i18n.language), criminalCase: item.criminalCase ?? t('personPage.caseWithheld'), scope: item.exclusionCase ?? t('personPage.everyFile'),
              from: formatDate(item.validFrom, i18n.language), until: formatDate(item.validUntil, i18n.language),
            })}</li>
          ))}</ul>
      )}</Loaded>
    </Box>
  );
}

function AuthorisationForm({ personId, criminalCases, onRegistered }: { personId: string; criminalCases: string[]; onRegistered(): void }) {
  const { t } = useTranslation();
  const { today } = useSession();
  const [reference, setReference] = useState('');
  const [court, setCourt] = useState('');
  const [criminalCase, setCriminalCase] = useState(criminalCases[0] ?? '');
  const [validFrom, setValidFrom] = useState(today);
  const [validUntil, setValidUntil] = useState('');
  const [exclusionCase, setExclusionCase] = useState('');
  const [touched, setTouched] = useState(false);
  const [problem, setProblem] = useState<ApiProblem>();
  const [done, setDone] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!reference || !court || !criminalCase || !validFrom || !validUntil) return;
    setProblem(undefined);
    try {
      await unwrap(client.POST('/api/authorisations', { body: { decisionReference: reference, court, personId, criminalCase, validFrom, validUntil, ...(exclusionCase ? { exclusionCase } : {}) } }));
      setDone(true);
      onRegistered();
    } catch (error) {
      if (error instanceof ApiProblem) setProblem(error); else throw error;
    }
  };
  if (done) return <Alert severity="success" role="status">{t('personPage.registered')}</Alert>;
  if (criminalCases.length === 0) return <Typography sx={{ mt: 2 }}>{t('personPage.needsCriminalCase')}</Typography>;
  const required = (value: string) => (touched && !value ? t('casePage.required') : ' ');
  return (
    <Box component="form" noValidate onSubmit={(event) => void submit(event)} sx={{ mt: 2 }}>
      <Typography variant="h3" component="h3" gutterBottom>{t('personPage.registerAuthorisation')}</Typography>
      <Typography sx={{ mb: 2 }}>{t('personPage.authorisationIntro')}</Typography>
      <Stack spacing={2} sx={{ maxWidth: 520 }}>
        <TextField id="auth-reference" required label={t('personPage.decisionReference')} value={reference} onChange={(event) => setReference(event.target.value)}
          error={touched && !reference} helperText={required(reference)} />
        <CourtField id="auth-court" required label={t('personPage.court')} value={court} onChange={setCourt} error={touched && !court ? t('casePage.required') : undefined} />
        <TextField select id="auth-criminal-case" required label={t('personPage.criminalCase')} value={criminalCase} onChange={(event) => setCriminalCase(event.target.value)}
          error={touched && !criminalCase} helperText={required(criminalCase)}>
          {criminalCases.map((id) => <MenuItem key={id} value={id}>{id}</MenuItem>)}
        </TextField>
        <TextField id="auth-from" required type="date" label={t('personPage.validFrom')} value={validFrom} onChange={(event) => setValidFrom(event.target.value)}
          slotProps={{ inputLabel: { shrink: true } }} error={touched && !validFrom} helperText={required(validFrom)} />
        <TextField id="auth-until" required type="date" label={t('personPage.validUntil')} value={validUntil} onChange={(event) => setValidUntil(event.target.value)}
          slotProps={{ inputLabel: { shrink: true } }} error={touched && !validUntil} helperText={required(validUntil)} />
        <TextField id="auth-case" label={t('personPage.exclusionCase')} value={exclusionCase} onChange={(event) => setExclusionCase(event.target.value)} />
        {problem && <ProblemAlert problem={problem} />}
        <Box><Button type="submit" variant="contained">{t('personPage.register')}</Button></Box>
      </Stack>
    </Box>
  );
}
