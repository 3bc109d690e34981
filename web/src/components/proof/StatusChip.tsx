/** An element's status by R8 as a chip: a sign and words, never colour alone. */
import { Chip } from '@mui/material';
import type { ElementStatus } from './proof-api';

const SIGN: Record<ElementStatus, string> = { proven: '✓', 'lead-only': '?', unsupported: '✗' };

export function StatusChip({ status, label }: { status: ElementStatus; label: string }) {
  const color = status === 'proven' ? 'success' : status === 'lead-only' ? 'warning' : 'error';
  return <Chip size="small" variant="outlined" color={color} label={`${SIGN[status]} ${label}`} data-status={status} sx={{ fontWeight: 600 }} />;
}
