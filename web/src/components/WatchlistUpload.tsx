/**
 * Uploading a new version of a watchlist in the app (POST /api/watchlists/{name}/versions, the same import as
 * `imketen watchlist import`): UN XML, OFAC sdn.csv with alt.csv, or JSON Lines; all or nothing, and the answer says
 * what changed against the current version, or which file, line and field the import refused.
 */
import { Alert, Box, Button, Stack, TextField, Typography } from '@mui/material';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem, client, unwrap } from '../api/client';
import { ProblemAlert } from './Status';

type Summary = Awaited<ReturnType<typeof upload>>;

function upload(name: string, files: { name: string; content: string }[]) {
  return unwrap(client.POST('/api/watchlists/{name}/versions', { params: { path: { name } }, body: { files } }));
}

const LIST_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function WatchlistUpload({ lists, onImported }: { lists: readonly string[]; onImported(): void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem>();
  const [summary, setSummary] = useState<Summary>();
  const input = useRef<HTMLInputElement>(null);
  const nameError = !LIST_NAME.test(name) ? t('watchlist.nameInvalid') : undefined;
  const filesError = files.length === 0 ? t('watchlist.filesRequired') : files.length > 2 ? t('watchlist.tooManyFiles') : undefined;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (nameError || filesError) return;
    setBusy(true);
    setProblem(undefined);
    setSummary(undefined);
    try {
      const contents = await Promise.all(files.map(async (file) => ({ name: file.name, content: await file.text() })));
      setSummary(await upload(name, contents));
      setFiles([]);
      if (input.current) input.current.value = '';
      setTouched(false);
      onImported();
    } catch (error) {
      if (error instanceof ApiProblem) setProblem(error); else throw error;
    } finally {
      setBusy(false);
    }
  };
  return (
    <Box component="form" noValidate onSubmit={(event) => void submit(event)} aria-labelledby="watchlist-upload-title" sx={{ mb: 3 }}>
      <Typography variant="h2" component="h2" id="watchlist-upload-title" gutterBottom>{t('watchlist.title')}</Typography>
      <Typography sx={{ mb: 1 }}>{t('watchlist.intro')}</Typography>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'flex-start' } }}>
        <TextField id="watchlist-name" label={t('watchlist.name')} value={name} size="small" required onChange={(event) => setName(event.target.value.trim())}
          error={touched && Boolean(nameError)} helperText={touched && nameError ? nameError : lists.length > 0 ? t('watchlist.existing', { lists: lists.join(', ') }) : ' '}
          slotProps={{ htmlInput: { list: 'watchlist-names' } }} />
        <datalist id="watchlist-names">{lists.map((list) => <option key={list} value={list} />)}</datalist>
        <Box>
          <Typography component="label" htmlFor="watchlist-files" variant="body2" sx={{ display: 'block', mb: 0.5 }}>{t('watchlist.files')}</Typography>
          <input id="watchlist-files" ref={input} type="file" multiple accept=".xml,.csv,.jsonl,.json,.txt" aria-describedby="watchlist-files-help"
            onChange={(event) => setFiles([...(event.target.files ?? [])])} />
          <Typography id="watchlist-files-help" variant="body2" sx={{ color: touched && filesError ? 'error.main' : 'text.secondary', mt: 0.5 }}>
            {touched && filesError ? filesError : t('watchlist.filesHelp')}
          </Typography>
        </Box>
        <Box><Button type="submit" variant="contained" disabled={busy}>{busy ? t('watchlist.importing') : t('watchlist.import')}</Button></Box>
      </Stack>
      {problem && <Box sx={{ mt: 1 }}><ProblemAlert problem={problem} /></Box>}
      {summary && (
        <Alert severity="success" role="status" sx={{ mt: 1 }} data-testid="watchlist-imported">
          {summary.newVersion
            ? t('watchlist.imported', { list: summary.list, version: summary.version, entries: summary.entries, added: summary.added, changed: summary.changed, removed: summary.removed })
            : t('watchlist.unchanged', { list: summary.list, version: summary.version, entries: summary.entries })}
        </Alert>
      )}
    </Box>
  );
}
