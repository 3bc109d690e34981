/**
 * The watchlists (README, "Administration"): every list with its versions — when imported, from which files, how
 * many entries, and what changed — and per version the entries added, removed and changed
 * (GET /api/watchlists/{name}/versions/{version}/changes). Uploading a new version (WatchlistUpload) is offered to
 * the roles the policy lets import (watchlists.import: the screening teams of the police, the OM and the IND);
 * the administrator manages no watchlists — they are the screening teams' sources, not system settings.
 */
import { Box, Button, Paper, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client, unwrap } from '../api/client';
import { useLoad } from '../api/use-load';
import { useSession } from '../auth/session';
import { PageTitle } from '../components/PageTitle';
import { Loaded } from '../components/Status';
import { DataTable } from '../components/Tables';
import { WatchlistUpload } from '../components/WatchlistUpload';
import { formatDate, formatDateTime, formatNumber } from '../format';
import { countryNames } from '../lib/countries';

/** config/policy.json watchlists.import. */
const IMPORTING_ROLES = ['police', 'prosecutor', 'ind-1f'];

export function WatchlistsPage() {
  const { t, i18n } = useTranslation();
  const { principal } = useSession();
  const [round, setRound] = useState(0);
  const [open, setOpen] = useState<{ list: string; version: number }>();
  const lists = useLoad(() => unwrap(client.GET('/api/watchlists')), [round]);
  const mayImport = IMPORTING_ROLES.includes(principal!.role);
  return (
    <>
      <PageTitle title={t('admin.watchlists.title')}>{t('admin.watchlists.title')}</PageTitle>
      <Typography sx={{ mb: 2 }}>{t('admin.watchlists.intro')}</Typography>
      {mayImport
        ? <WatchlistUpload lists={(lists.data?.items ?? []).map((item) => item.name)} onImported={() => setRound((value) => value + 1)} />
        : <Typography sx={{ mb: 2 }}>{t('admin.watchlists.mayNotImport')}</Typography>}
      <Loaded state={lists}>{(data) => (data.items.length === 0 ? <Typography>{t('admin.watchlists.none')}</Typography> : (
        <>
          {data.items.map((list) => (
            <Box component="section" key={list.name} aria-labelledby={`list-${list.name}`} sx={{ mb: 3 }}>
              <Typography variant="h2" component="h2" id={`list-${list.name}`}>{list.name}</Typography>
              <DataTable caption={t('admin.watchlists.versions', { list: list.name })} captionVisible={false} rows={list.versions} rowKey={(row) => String(row.version)}
                columns={[
                  { key: 'version', header: t('admin.watchlists.version'), cell: (row) => row.version, numeric: true },
                  { key: 'imported', header: t('admin.watchlists.importedAt'), cell: (row) => formatDateTime(row.importedAt, i18n.language) },
                  { key: 'sources', header: t('admin.watchlists.sources'), cell: (row) => row.sources.join(', ') },
                  { key: 'entries', header: t('admin.watchlists.entries'), cell: (row) => formatNumber(row.entries, i18n.language), numeric: true },
                  { key: 'added', header: t('admin.watchlists.added'), cell: (row) => formatNumber(row.added, i18n.language), numeric: true },
                  { key: 'changed', header: t('admin.watchlists.changed'), cell: (row) => formatNumber(row.changed, i18n.language), numeric: true },
                  { key: 'removed', header: t('admin.watchlists.removed'), cell: (row) => formatNumber(row.removed, i18n.language), numeric: true },
                  {
                    key: 'show', header: t('admin.watchlists.showChanges'), cell: (row) => (
                      <Button size="small" variant="outlined" aria-expanded={open?.list === list.name && open.version === row.version}
                        aria-label={`${list.name}: ${t('admin.watchlists.showChangesOf', { version: row.version })}`}
                        onClick={() => setOpen(open?.list === list.name && open.version === row.version ? undefined : { list: list.name, version: row.version })}>
                        {t('admin.watchlists.showChanges')}
                      </Button>
                    ),
                  },
                ]} />
              {open?.list === list.name && <VersionChanges list={list.name} version={open.version} />}
            </Box>
          ))}
        </>
      ))}</Loaded>
    </>
  );
}

function VersionChanges({ list, version }: { list: string; version: number }) {
  const { t, i18n } = useTranslation();
  const changes = useLoad(() => unwrap(client.GET('/api/watchlists/{name}/versions/{version}/changes', { params: { path: { name: list, version } } })), [list, version]);
  const kind = (value: string | null) => (value ? t(`admin.entryKind.${value}` as 'admin.entryKind.person', { defaultValue: value }) : '');
  type Summary = { names: string[]; kind: string | null; birthDates: string[]; nationalities: string[] } | null;
  // A birth date in words (day or month); a year or a range ("1970", "1975/1978") as the list gives it.
  const birth = (date: string) => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(date)) return formatDate(date, i18n.language);
    if (/^\d{4}-\d{2}$/.test(date)) return new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'nl-NL', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}-01T00:00:00Z`));
    return date.replace('/', '–');
  };
  const describe = (entry: Summary) => (entry ? [entry.names.join(' · '), kind(entry.kind), entry.birthDates.map(birth).join(', '), countryNames(entry.nationalities, i18n.language)].filter(Boolean).join(' — ') : '');
  return (
    <Paper variant="outlined" component="section" aria-labelledby={`changes-${list}-${version}`} sx={{ p: 2, mt: 1 }} data-testid="watchlist-changes">
      <Typography variant="h3" component="h3" id={`changes-${list}-${version}`} sx={{ fontSize: '1.1rem', fontWeight: 600, mb: 1 }}>
        {t('admin.watchlists.changesTitle', { version, list })}
      </Typography>
      <Loaded state={changes}>{(data) => (
        <>
          <Stack direction="row" spacing={2} sx={{ mb: 1, flexWrap: 'wrap' }}>
            <span>{t('admin.watchlists.added')}: {formatNumber(data.added, i18n.language)}</span>
            <span>{t('admin.watchlists.changed')}: {formatNumber(data.changed, i18n.language)}</span>
            <span>{t('admin.watchlists.removed')}: {formatNumber(data.removed, i18n.language)}</span>
          </Stack>
          {data.truncated && <Typography variant="body2" sx={{ mb: 1 }}>{t('admin.watchlists.truncated', { count: data.entries.length })}</Typography>}
          <DataTable caption={t('admin.watchlists.changesTitle', { version, list })} captionVisible={false} rows={data.entries} rowKey={(row) => row.entryId} empty={t('admin.watchlists.noChanges')}
            columns={[
              { key: 'change', header: t('admin.watchlists.change'), cell: (row) => t(`admin.watchlists.${row.change}`) },
              { key: 'entry', header: t('admin.watchlists.names'), cell: (row) => describe(row.after ?? row.before) },
              { key: 'before', header: t('admin.watchlists.before'), cell: (row) => (row.change === 'changed' ? describe(row.before) : '') },
            ]} />
        </>
      )}</Loaded>
    </Paper>
  );
}
