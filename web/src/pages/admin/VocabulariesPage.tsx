/**
 * The controlled vocabularies (README, "Administration"; migration 037): per vocabulary its entries with the Dutch
 * and English label and whether the forms offer it; add, rename, deactivate and offer again
 * (PUT /api/vocabularies/{vocabulary}/{code}). Events keep the text they were recorded with.
 */
import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, FormControlLabel, Stack, Switch, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem, client, unwrap } from '../../api/client';
import { useLoad } from '../../api/use-load';
import { forgetVocabularies, type VocabularyEntry, type VocabularyName } from '../../api/vocabularies';
import { PageTitle } from '../../components/PageTitle';
import { Loaded, ProblemAlert } from '../../components/Status';
import { DataTable } from '../../components/Tables';
import { formatDateTime } from '../../format';

const VOCABULARIES: VocabularyName[] = ['courts', 'channels', 'topics'];
const CODE = /^[a-z0-9][a-z0-9-]{0,62}$/;

type Editing = { vocabulary: VocabularyName; entry?: VocabularyEntry };

export function VocabulariesPage() {
  const { t, i18n } = useTranslation();
  const [round, setRound] = useState(0);
  const entries = useLoad(() => unwrap(client.GET('/api/vocabularies')).then((data) => data.items), [round]);
  const [editing, setEditing] = useState<Editing>();
  const [notice, setNotice] = useState<string>();
  const [problem, setProblem] = useState<ApiProblem>();
  const saved = (entry: VocabularyEntry) => {
    forgetVocabularies();
    setNotice(t('admin.vocabularies.saved', { label: i18n.language === 'en' ? entry.labelEn : entry.labelNl }));
    setEditing(undefined);
    setRound((value) => value + 1);
  };
  const toggle = async (entry: VocabularyEntry) => {
    setProblem(undefined);
    try {
      saved(await unwrap(client.PUT('/api/vocabularies/{vocabulary}/{code}', {
        params: { path: { vocabulary: entry.vocabulary, code: entry.code } }, body: { labelNl: entry.labelNl, labelEn: entry.labelEn, active: !entry.active },
      })));
    } catch (error) {
      if (error instanceof ApiProblem) setProblem(error); else throw error;
    }
  };
  return (
    <>
      <PageTitle title={t('admin.vocabularies.title')}>{t('admin.vocabularies.title')}</PageTitle>
      <Typography sx={{ mb: 2 }}>{t('admin.vocabularies.intro')}</Typography>
      {notice && <Alert severity="success" role="status" sx={{ mb: 2 }} onClose={() => setNotice(undefined)} data-testid="vocabulary-notice">{notice}</Alert>}
      {problem && <Box sx={{ mb: 2 }}><ProblemAlert problem={problem} /></Box>}
      <Loaded state={entries}>{(items) => (
        <>
          {VOCABULARIES.map((vocabulary) => (
            <Box component="section" key={vocabulary} aria-labelledby={`vocabulary-${vocabulary}`} sx={{ mb: 3 }}>
              <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                <Typography variant="h2" component="h2" id={`vocabulary-${vocabulary}`}>{t(`admin.vocabularies.${vocabulary}`)}</Typography>
                <Button variant="outlined" size="small" onClick={() => setEditing({ vocabulary })}
                  aria-label={t('admin.vocabularies.addTo', { vocabulary: t(`admin.vocabularies.${vocabulary}`) })}>{t('admin.vocabularies.add')}</Button>
              </Stack>
              <DataTable caption={t(`admin.vocabularies.${vocabulary}`)} captionVisible={false} rows={items.filter((entry) => entry.vocabulary === vocabulary)} rowKey={(row) => row.code}
                columns={[
                  { key: 'nl', header: t('admin.vocabularies.labelNl'), cell: (row) => <span lang="nl" data-entry={row.code}>{row.labelNl}</span> },
                  { key: 'en', header: t('admin.vocabularies.labelEn'), cell: (row) => <span lang="en">{row.labelEn}</span> },
                  { key: 'active', header: t('admin.vocabularies.active'), cell: (row) => (row.active ? t('admin.vocabularies.active') : t('admin.vocabularies.inactive')) },
                  { key: 'changed', header: t('admin.vocabularies.lastChanged'), cell: (row) => (row.changedBy === 'migration 037' ? t('admin.vocabularies.asShipped') : t('admin.vocabularies.changedBy', { user: row.changedBy, when: formatDateTime(row.changedAt, i18n.language) })) },
                  {
                    key: 'actions', header: t('admin.accounts.actions'), cell: (row) => (
                      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
                        <Button size="small" variant="outlined" onClick={() => setEditing({ vocabulary, entry: row })}
                          aria-label={t('admin.vocabularies.editLabel', { label: i18n.language === 'en' ? row.labelEn : row.labelNl })}>{t('admin.vocabularies.edit')}</Button>
                        <Button size="small" variant="outlined" onClick={() => void toggle(row)}>{row.active ? t('admin.vocabularies.deactivate') : t('admin.vocabularies.activate')}</Button>
                      </Stack>
                    ),
                  },
                ]} />
            </Box>
          ))}
        </>
      )}</Loaded>
      {editing && <EntryDialog editing={editing} onClose={() => setEditing(undefined)} onSaved={saved} />}
    </>
  );
}

function EntryDialog({ editing, onClose, onSaved }: { editing: Editing; onClose(): void; onSaved(entry: VocabularyEntry): void }) {
  const { t } = useTranslation();
  const existing = editing.entry;
  const [code, setCode] = useState(existing?.code ?? '');
  const [labelNl, setLabelNl] = useState(existing?.labelNl ?? '');
  const [labelEn, setLabelEn] = useState(existing?.labelEn ?? '');
  const [active, setActive] = useState(existing?.active ?? true);
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem>();
  const codeError = !CODE.test(code) ? t('admin.vocabularies.codeInvalid') : undefined;
  const nlError = labelNl.trim() === '' ? t('admin.accounts.required') : undefined;
  const enError = labelEn.trim() === '' ? t('admin.accounts.required') : undefined;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (codeError || nlError || enError) return;
    setBusy(true);
    setProblem(undefined);
    try {
      onSaved(await unwrap(client.PUT('/api/vocabularies/{vocabulary}/{code}', {
        params: { path: { vocabulary: editing.vocabulary, code } }, body: { labelNl: labelNl.trim(), labelEn: labelEn.trim(), active },
      })));
    } catch (error) {
      if (error instanceof ApiProblem) setProblem(error); else throw error;
    } finally {
      setBusy(false);
    }
  };
  const title = existing ? t('admin.vocabularies.editLabel', { label: existing.labelNl }) : t('admin.vocabularies.addTo', { vocabulary: t(`admin.vocabularies.${editing.vocabulary}`) });
  return (
    <Dialog open onClose={onClose} aria-labelledby="entry-title" aria-describedby="entry-text" fullWidth maxWidth="sm">
      <form noValidate onSubmit={(event) => void submit(event)}>
        <DialogTitle id="entry-title">{title}</DialogTitle>
        <DialogContent>
          <DialogContentText id="entry-text" sx={{ mb: 2 }}>{t('admin.vocabularies.intro')}</DialogContentText>
          <Stack spacing={2}>
            {!existing && (
              <TextField id="entry-code" required autoFocus label={t('admin.vocabularies.code')} value={code} onChange={(event) => setCode(event.target.value.trim())}
                error={touched && Boolean(codeError)} helperText={touched && codeError ? codeError : t('admin.vocabularies.codeHelp')} />
            )}
            <TextField id="entry-label-nl" required autoFocus={Boolean(existing)} label={t('admin.vocabularies.labelNl')} value={labelNl} onChange={(event) => setLabelNl(event.target.value)}
              error={touched && Boolean(nlError)} helperText={touched && nlError ? nlError : ' '} />
            <TextField id="entry-label-en" required label={t('admin.vocabularies.labelEn')} value={labelEn} onChange={(event) => setLabelEn(event.target.value)}
              error={touched && Boolean(enError)} helperText={touched && enError ? enError : ' '} />
            <FormControlLabel control={<Switch id="entry-active" checked={active} onChange={(event) => setActive(event.target.checked)} />} label={t('admin.vocabularies.active')} />
          </Stack>
          {problem && <ProblemAlert problem={problem} />}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('admin.vocabularies.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={busy}>{t('admin.vocabularies.save')}</Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
