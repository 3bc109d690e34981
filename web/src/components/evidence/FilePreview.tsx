/**
 * A file of an evidence item in the browser's own viewer: an image, a video or audio player, or a PDF in a
 * frame (sandboxed by its response). The server serves these types inline only with `view=true`, with `nosniff` and a
 * sandboxing CSP; every other type is only downloaded. Each view is written to the access log with the file's hash.
 */
import { Box, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { fileUrl, previewKind, type EvidenceFileSummary } from './evidence-api';

export function FilePreview({ evidenceId, file }: { evidenceId: string; file: EvidenceFileSummary }) {
  const { t } = useTranslation();
  const kind = previewKind(file.mediaType);
  const src = fileUrl(evidenceId, file.sha256, true);
  const label = t('evidence.previewOf', { name: file.fileName });
  const frame = { maxWidth: '100%', border: '1px solid', borderColor: 'divider', borderRadius: 1 } as const;
  if (kind === 'image') return <Box component="img" src={src} alt={label} data-testid="preview-image" sx={{ ...frame, display: 'block', maxHeight: 480, objectFit: 'contain' }} />;
  if (kind === 'video') return <Box component="video" src={src} controls preload="metadata" aria-label={label} sx={{ ...frame, display: 'block', maxHeight: 480 }} />;
  if (kind === 'audio') return <Box component="audio" src={src} controls preload="metadata" aria-label={label} sx={{ display: 'block', width: '100%' }} />;
  // No sandbox attribute on the frame: Chromium refuses to run its PDF viewer in a sandboxed frame (a grey page). The
  // document is sandboxed by its own response instead (CSP `sandbox; default-src 'none'`, `nosniff`, only PDF).
  if (kind === 'pdf') return <Box component="iframe" src={src} title={label} data-testid="preview-pdf" sx={{ ...frame, width: '100%', height: 560 }} />;
  return <Typography sx={{ color: 'text.secondary' }}>{t('evidence.noPreview')}</Typography>;
}
