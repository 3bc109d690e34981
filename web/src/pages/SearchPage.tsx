/**
 * Search results for a name, person id or case number typed in the header. A query shaped like an id is looked up
 * among the cases of every kind the role may list (GET /api/cases with `q`): an exact case number offers its case
 * page ("Open zaak SZ-2016-001"); otherwise the person's page is offered for an id. Names are found by the screening matcher (GET /api/matching/persons): any
 * script, transliterations, spelling variants and aliases, best first, each with its score and a short
 * explanation. Only the persons the user may see are returned. A query shaped like a person id also offers that
 * person's page (which the policy guards as always).
 */
import { Link as MuiLink, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { client, unwrap } from '../api/client';
import type { CaseKind } from '../api/types';
import { useLoad } from '../api/use-load';
import { useSession } from '../auth/session';
import { MatchSummary } from '../components/MatchExplanation';
import { PageTitle } from '../components/PageTitle';
import { Loaded } from '../components/Status';
import { DataTable, PersonLink } from '../components/Tables';
import { formatDate, formatScore, labelOf } from '../format';
import { roleView } from '../roles';
import { countryNames } from '../lib/countries';

/** A person id or case number such as P-00042, P-00042-R2 or SZ-2016-001: letters, a hyphen, then a digit (names have no digits). */
const PERSON_ID = /^[A-Za-z]{1,4}-\d[A-Za-z0-9._-]{0,95}$/;

export function SearchPage() {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const query = params.get('q') ?? '';
  const text = query.trim();
  const results = useLoad(async () => (text.length < 2 ? { items: [] } : unwrap(client.GET('/api/matching/persons', { params: { query: { name: text } } }))), [text]);
  const { principal } = useSession();
  const kinds = roleView(principal!.role).caseKinds as CaseKind[];
  const idLike = PERSON_ID.test(text);
  const cases = useLoad(async () => {
    if (!idLike) return [];
    const pages = await Promise.all(kinds.map((kind) => unwrap(client.GET('/api/cases', { params: { query: { kind, q: text, limit: 5 } } }))));
    return pages.flatMap((page) => page.items).filter((item) => item.stream.split('/')[1]!.toLowerCase() === text.toLowerCase());
  }, [text, kinds.join(',')]);
  const title = t('search.title', { query });
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <Typography variant="body2" sx={{ mb: 2 }}>{text.length < 2 ? t('search.tooShort') : t('search.note')}</Typography>
      {idLike && <Loaded state={cases}>{(found) => (found.length > 0
        ? (
          <Typography component="ul" sx={{ mb: 2, pl: 2 }}>
            {found.map((item) => {
              const [kind, id] = item.stream.split('/') as [string, string];
              return (
                <li key={item.stream}>
                  <MuiLink component={Link} to={`/cases/${kind}/${encodeURIComponent(id)}`} data-testid="open-case-id">{t('search.openCase', { id, kind: labelOf(t, 'kind', kind).toLowerCase() })}</MuiLink>
                </li>
              );
            })}
          </Typography>
        )
        : (
          <Typography sx={{ mb: 2 }}>
            <MuiLink component={Link} to={`/persons/${encodeURIComponent(text)}`} data-testid="open-person-id">{t('search.openId', { id: text })}</MuiLink>
          </Typography>
        ))}</Loaded>}
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
