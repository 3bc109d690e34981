/**
 * A dialog with a form that records one event: a title, an introduction, the fields, the server's refusal in words
 * (ProblemAlert) and Cancel / Save. While it is open focus stays inside; when it closes, focus goes back to the
 * control that opened it (`opener`, or whatever had focus when it opened) — also after the page reloaded its data.
 */
import { Box, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../api/client';
import { ProblemAlert } from './Status';

export interface FormDialogProps {
  title: string;
  intro?: string;
  /** Checks the fields; false keeps the dialog open (the fields show why). */
  valid(): boolean;
  /** Sends the event; a rejection with an ApiProblem is shown in the dialog. */
  save(): Promise<void>;
  onClose(): void;
  onSaved(): void;
  submitLabel?: string;
  children: ReactNode;
  testId?: string;
}

export function FormDialog({ title, intro, valid, save, onClose, onSaved, submitLabel, children, testId }: FormDialogProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const introId = useId();
  const [problem, setProblem] = useState<ApiProblem>();
  const [busy, setBusy] = useState(false);
  const opener = useRef<HTMLElement | null>(null);
  if (opener.current === null && typeof document !== 'undefined') opener.current = document.activeElement as HTMLElement | null;
  // Back to the opener on close: MUI restores focus too, but the opener may have been re-rendered meanwhile.
  useEffect(() => () => { const element = opener.current; if (element) setTimeout(() => refocus(element), 0); }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!valid()) return;
    setBusy(true);
    setProblem(undefined);
    try {
      await save();
      onSaved();
    } catch (error) {
      setProblem(error instanceof ApiProblem ? error : new ApiProblem({ status: 0, title: 'Error', code: 'CLIENT', detail: String(error) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} aria-describedby={intro ? introId : undefined} fullWidth maxWidth="sm" data-testid={testId} disableRestoreFocus>
      <Box component="form" noValidate onSubmit={(event) => void submit(event)}>
        <DialogTitle id={titleId}>{title}</DialogTitle>
        <DialogContent>
          {intro && <DialogContentText id={introId} sx={{ mb: 2 }}>{intro}</DialogContentText>}
          <Box sx={{ display: 'grid', gap: 2, pt: 1 }}>{children}</Box>
          {problem && <Box sx={{ mt: 2 }}><ProblemAlert problem={problem} /></Box>}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={busy}>{submitLabel ?? t('record.save')}</Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}

/** Focus the opener again; if it was replaced by a re-render, the element with its id. */
function refocus(element: HTMLElement): void {
  if (element.isConnected) { element.focus(); return; }
  if (element.id) document.getElementById(element.id)?.focus();
}
