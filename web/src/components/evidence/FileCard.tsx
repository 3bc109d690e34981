/**
 * One file of an evidence item: its name, hash and size, what was stated about a capture, what imketen derived
 * from its bytes (media type by content, EXIF capture time, GPS, device, dimensions), its preview and a download.
 */
import { Box, Button, Grid, Paper, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, formatNumber } from '../../format';
import { fileUrl, type EvidenceFile } from './evidence-api';
import { FilePreview } from './FilePreview';
import { formatPosition, metadataView } from './metadata-view';

function Fact({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <>
      <Typography component="dt" sx={{ fontWeight: 600 }}>{label}</Typography>
      <Typography component="dd" sx={{ ml: 0, mb: 1, overflowWrap: 'anywhere' }} data-testid={testId}>{children}</Typography>
    </>
  );
}

export function FileCard({ evidenceId, file }: { evidenceId: string; file: EvidenceFile }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const derived = file.derived;
  const meta = derived ? metadataView(derived.metadata) : {};
  return (
    <Paper variant="outlined" sx={{ p: 2, mb: 2 }} data-testid="evidence-file">
      <Typography variant="h3" component="h3" sx={{ fontSize: '1.05rem', fontWeight: 600, overflowWrap: 'anywhere' }}>{file.fileName}</Typography>
      <Grid container spacing={2} sx={{ mt: 1 }}>
        <Grid size={{ xs: 12, md: 5 }}>
          <Box component="dl" sx={{ m: 0 }}>
            <Fact label={t('evidence.sha256')} testId="file-sha256"><code>{file.sha256}</code></Fact>
            <Fact label={t('evidence.size')}>{t('evidence.bytes', { size: formatNumber(file.size, language) })}</Fact>
            <Fact label={t('evidence.attachedOn')}>{formatDate(file.attachedOn, language)}</Fact>
            {file.url && <Fact label={t('evidence.capturedUrl')}><code>{file.url}</code></Fact>}
            {file.capturedAt && <Fact label={t('evidence.capturedAt')}>{formatDateTime(file.capturedAt, language)}</Fact>}
            {file.tool && <Fact label={t('evidence.tool')}>{file.tool}</Fact>}
          </Box>
          <Typography variant="h4" component="h4" sx={{ fontSize: '1rem', fontWeight: 600, mt: 1 }}>{t('evidence.derived')}</Typography>
          <Typography variant="body2" sx={{ color: 'text.secondary', mb: 1 }}>{t('evidence.derivedIntro')}</Typography>
          {derived ? (
            <Box component="dl" sx={{ m: 0 }} data-testid="derived-facts">
              <Fact label={t('evidence.mediaTypeSniffed')} testId="derived-media-type"><code>{derived.mediaType}</code></Fact>
              {meta.dimensions && <Fact label={t('evidence.dimensions')}>{meta.dimensions}</Fact>}
              {meta.capturedAt && <Fact label={t('evidence.capturedAtExif')}>{formatDateTime(meta.capturedAt, language)}</Fact>}
              {meta.gps && <Fact label={t('evidence.gps')}>{formatPosition(meta.gps, language)}</Fact>}
              {meta.device && <Fact label={t('evidence.device')}>{meta.device}</Fact>}
              {derived.perceptualHash && <Fact label={t('evidence.perceptualHash')}><code>{derived.perceptualHash}</code></Fact>}
              <Fact label={t('evidence.firstStoredAt')}>{formatDateTime(derived.firstStoredAt, language)}</Fact>
            </Box>
          ) : <Typography>{t('evidence.noDerived')}</Typography>}
          <Button variant="contained" href={fileUrl(evidenceId, file.sha256)} download={file.fileName} sx={{ mt: 1 }}
            aria-label={t('evidence.downloadFile', { name: file.fileName })}>{t('evidence.download')}</Button>
        </Grid>
        <Grid size={{ xs: 12, md: 7 }}>
          <FilePreview evidenceId={evidenceId} file={file} />
        </Grid>
      </Grid>
    </Paper>
  );
}
