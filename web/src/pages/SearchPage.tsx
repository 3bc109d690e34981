/**
 * Search results for a name typed in the header, found by the screening matcher (GET /api/matching/persons): any
 * script, transliterations, spelling variants and aliases, best first, each with its score and a short
 * explanation. Only the persons the user may see are returned. A query shaped like a person id also offers that
 * person's page (which the policy guards as always).
 */
import { Link as MuiLink, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { client, unwrap } from '../api/client';
import { useLoad } from '../api/use-load';
import { MatchSummary } from '../components/MatchExplanation';
import { PageTitle } from '../components/PageTitle';
import { Loaded } from '../components/Status';
import { DataTable, PersonLink } from '../components/Tables';
import { formatDate, formatScore } from '../format';
import { countryNames } from '../lib/countries';

/** A person id such as P-00042 or P-00042-R2: letters, a hyphen, then a digit (names have no digits). */
const PERSON_ID = /^[A-Za-z]{1,4}-\d[A-Za-z0-9._-]{0,95}$/;

export function SearchPage() {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const query = params.get('q') ?? '';
  const text = query.trim();
  const results = useLoad(async () => (text.length < 2 ? { items: [] } : unwrap(client.GET('/api/matching/persons', { params: { query: { name: text } } }))), [text]);
  const title = t('search.title', { query });
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <Typography variant="body2" sx={{ mb: 2 }}>{text.length < 2 ? t('search.tooShort') : t('search.note')}</Typography>
      {PERSON_ID.test(text) && (
        <Typography sx={{ mb: 2 }}>
          <MuiLink component={Link} to={`/persons/${encodeURIComponent(text)}`} data-testid="open-person-id">{t('search.openId', { id: text })}</MuiLink>
        </Typography>
      )}
      <Loaded state={results}>{(data) => (
        <DataTable caption={title} captionVisible={false} empty={t('search.none')} rows={data.items} rowKey={(row) => row.person.id}
          columns={[
            { key: 'name', header: t('field.name'), cell: (row) => <PersonLink id={row.person.id} names={row.person.names} /> },
            { key: 'others', header: t('field.names'), cell: (row) => <>{row.person.names.slice(1).map((name, index) => <span key={`${index}|${name}`}>{index > 0 ? ' · ' : ''}<bdi>{name}</bdi></span>)}</> },
            { key: 'id', header: t('field.id'), cell: (row) => row.person.id },
            { key: 'birth', header: t('field.birthDate'), cell: (row) => formatDate(row.person.birthDate, i18n.language) },
            { key: 'nationalities', header: t('field.nationalities'), cell: (row) => countryNames(row.person.nationalities, i18n.language) },
            { key: 'score', header: t('search.score'), numeric: true, cell: (row) => <span data-testid="match-score">{formatScore(row.score, i18n.language)}</span> },
            { key: 'why', header: t('search.why'), cell: (row) => <MatchSummary explanation={row.explanation} /> },
          ]} />
      )}</Loaded>
    </>
  );
}
