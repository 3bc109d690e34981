/** Search results for a name typed in the header (simple matching; the screening work makes it transliteration-aware). */
import { Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { client, unwrap } from '../api/client';
import { useLoad } from '../api/use-load';
import { PageTitle } from '../components/PageTitle';
import { Loaded } from '../components/Status';
import { DataTable, PersonLink } from '../components/Tables';
import { formatDate } from '../format';

export function SearchPage() {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const query = params.get('q') ?? '';
  const results = useLoad(async () => (query.trim().length < 2 ? { items: [] } : unwrap(client.GET('/api/search/persons', { params: { query: { name: query } } }))), [query]);
  const title = t('search.title', { query });
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <Typography variant="body2" sx={{ mb: 2 }}>{query.trim().length < 2 ? t('search.tooShort') : t('search.note')}</Typography>
      <Loaded state={results}>{(data) => (
        <DataTable caption={title} captionVisible={false} empty={t('search.none')} rows={data.items} rowKey={(row) => row.id}
          columns={[
            { key: 'name', header: t('field.name'), cell: (row) => <PersonLink id={row.id} names={row.names} /> },
            { key: 'others', header: t('field.names'), cell: (row) => <>{row.names.slice(1).map((name, index) => <span key={name}>{index > 0 ? ' · ' : ''}<bdi>{name}</bdi></span>)}</> },
            { key: 'id', header: t('field.id'), cell: (row) => row.id },
            { key: 'birth', header: t('field.birthDate'), cell: (row) => formatDate(row.birthDate, i18n.language) },
            { key: 'nationalities', header: t('field.nationalities'), cell: (row) => row.nationalities.join(', ') },
          ]} />
      )}</Loaded>
    </>
  );
}
