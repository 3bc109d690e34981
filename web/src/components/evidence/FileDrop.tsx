/**
 * Adds a file to an evidence item: dropped on the zone or chosen with the button (the keyboard's way), sent with a
 * progress bar, then what the server stored (its SHA-256) or why it refused.
 */
import { Alert, Box, Button, LinearProgress, Typography } from '@mui/material';
import { useId, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../../api/client';
import { ProblemAlert } from '../Status';
import { uploadEvidenceFile, type StoredFile } from './evidence-api';

export function FileDrop({ evidenceId, title, onUploaded }: { evidenceId: string; title: string; onUploaded(stored: StoredFile): void }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const headingId = useId();
  const [over, setOver] = useState(false);
  const [progress, setProgress] = useState<{ name: string; fraction: number }>();
  const [done, setDone] = useState<StoredFile>();
  const [problem, setProblem] = useState<ApiProblem>();

  const send = async (file: File | undefined) => {
    if (!file || progress) return;
    setProblem(undefined);
    setDone(undefined);
    setProgress({ name: file.name, fraction: 0 });
    try {
      const stored = await uploadEvidenceFile(evidenceId, file, (fraction) => setProgress({ name: file.name, fraction }));
      setDone(stored);
      onUploaded(stored);
    } catch (error) {
      setProblem(error instanceof ApiProblem ? error : new ApiProblem({ status: 0, title: 'Error', code: 'CLIENT', detail: String(error) }));
    } finally {
      setProgress(undefined);
      if (input.current) input.current.value = '';
    }
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    void send(event.dataTransfer.files[0]);
  };

  return (
    <Box component="section" aria-labelledby={headingId}>
      <Typography id={headingId} variant="h3" component="h3" sx={{ fontSize: '1.05rem', fontWeight: 600, mb: 1 }}>{t('evidence.uploadTo', { title })}</Typography>
      <Box data-testid="file-drop" onDragOver={(event) => { event.preventDefault(); setOver(true); }} onDragLeave={() => setOver(false)} onDrop={drop}
        sx={{ border: '2px dashed', borderColor: over ? 'primary.main' : 'grey.500', bgcolor: over ? 'action.hover' : undefined, borderRadius: 1, p: 2, textAlign: 'center' }}>
        <Typography sx={{ mb: 1 }}>{t('evidence.dropHere')}</Typography>
        <Button variant="outlined" onClick={() => input.current?.click()} disabled={Boolean(progress)}>{t('evidence.chooseFile')}</Button>
        <input ref={input} type="file" hidden data-testid="file-input" aria-label={t('evidence.chooseFile')} onChange={(event) => void send(event.target.files?.[0])} />
      </Box>
      {progress && (
        <Box role="status" sx={{ mt: 1 }}>
          <Typography variant="body2">{t('evidence.uploading', { name: progress.name })}</Typography>
          <LinearProgress variant="determinate" value={Math.round(progress.fraction * 100)} aria-label={t('evidence.uploadProgress')} />
        </Box>
      )}
      {done && (
        <Alert severity="success" role="status" sx={{ mt: 1 }}>
          {t(done.created ? 'evidence.uploaded' : 'evidence.uploadedAgain', { name: done.fileName, hash: done.sha256.slice(0, 12) })}
        </Alert>
      )}
      {problem && <Box sx={{ mt: 1 }}><ProblemAlert problem={problem} /></Box>}
    </Box>
  );
}
