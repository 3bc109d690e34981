/** The dialogs of the inbox: assign a task to a colleague of the organisation; mark it done, with an optional note. */
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem, client, unwrap } from '../../api/client';
import { ProblemAlert } from '../Status';
import type { InboxItem } from './TaskCard';

export function AssignDialog({ item, colleagues, onClose, onSaved }: { item: InboxItem; colleagues: { username: string; displayName: string }[]; onClose: () => void; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const [assignee, setAssignee] = useState(item.assignee?.username ?? colleagues[0]?.username ?? '');
  const [problem, setProblem] = useState<ApiProblem>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await unwrap(client.POST('/api/inbox/tasks/assignments', { body: { task: item.key, assignee } }));
      onSaved();
    } catch (error) {
      if (error instanceof ApiProblem) setProblem(error); else throw error;
    }
  };
  return (
    <Dialog open onClose={onClose} aria-labelledby="assign-title" fullWidth maxWidth="sm">
      <form noValidate onSubmit={(event) => void submit(event)}>
        <DialogTitle id="assign-title">{t('inbox.assignTitle')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <Alert severity="info" icon={false}>{item.subject.text[i18n.language === 'en' ? 'en' : 'nl']}</Alert>
            <TextField id="assign-to" select label={t('inbox.assignTo')} value={assignee} onChange={(event) => setAssignee(event.target.value)}>
              {colleagues.map((colleague) => <MenuItem key={colleague.username} value={colleague.username}>{colleague.displayName}</MenuItem>)}
            </TextField>
            {problem && <ProblemAlert problem={problem} />}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('inbox.cancel')}</Button>
          <Button type="submit" variant="contained">{t('inbox.assign')}</Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

export function DoneDialog({ item, onClose, onSaved }: { item: InboxItem; onClose: () => void; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<ApiProblem>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await unwrap(client.POST('/api/inbox/tasks/completions', { body: { task: item.key, ...(note.trim() ? { note: note.trim() } : {}) } }));
      onSaved();
    } catch (error) {
      if (error instanceof ApiProblem) setProblem(error); else throw error;
    }
  };
  return (
    <Dialog open onClose={onClose} aria-labelledby="done-title" fullWidth maxWidth="sm">
      <form noValidate onSubmit={(event) => void submit(event)}>
        <DialogTitle id="done-title">{t('inbox.doneTitle')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <Alert severity="info" icon={false}>{item.subject.text[i18n.language === 'en' ? 'en' : 'nl']}</Alert>
            {item.legalDuty && <Alert severity="warning">{t('inbox.doneLegalHint')}</Alert>}
            <TextField id="done-note" multiline minRows={2} label={t('inbox.doneNote')} value={note} onChange={(event) => setNote(event.target.value)} />
            {problem && <ProblemAlert problem={problem} />}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('inbox.cancel')}</Button>
          <Button type="submit" variant="contained">{t('inbox.confirm')}</Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
