/**
 * The buttons of one witness row: record a protective measure or an availability event — each only when the write
 * policy gives it to the role (the allowed-events answer for the witness's stream: the prosecutor, who sees a
 * protected witness's pseudonym, records no measure).
 */
import { Button, Stack } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session';
import { useLoad } from '../../api/use-load';
import { loadAllowedEvents, offers } from '../proof/record-api';
import type { WitnessSummary } from './witness-api';
import { ProtectionDialog, WitnessAvailabilityDialog } from './WitnessDialogs';

export function WitnessActions({ witness, onChanged }: { witness: WitnessSummary; onChanged(message: string): void }) {
  const { t, i18n } = useTranslation();
  const { today } = useSession();
  const stream = `witness/${witness.id}`;
  const allowed = useLoad(() => loadAllowedEvents(stream), [stream]);
  const [open, setOpen] = useState<'protection' | 'availability'>();
  const name = i18n.language.startsWith('en') ? witness.pseudonym.en : witness.pseudonym.nl;
  const close = () => setOpen(undefined);
  const saved = () => { setOpen(undefined); onChanged(t('record.saved')); };
  const protection = offers(allowed.data, 'witness.protection-set');
  const availability = offers(allowed.data, 'witness.availability-changed');
  if (!protection && !availability) return null;
  return (
    <Stack direction="row" useFlexGap spacing={1} sx={{ flexWrap: 'wrap' }} role="group" aria-label={t('record.actionsFor', { witness: name })}>
      {protection && <Button id={`protection-${witness.id}`} size="small" variant="outlined" onClick={() => setOpen('protection')}
        aria-label={`${t('record.protection')}: ${name}`}>{t('record.protection')}</Button>}
      {availability && <Button id={`availability-${witness.id}`} size="small" variant="outlined" onClick={() => setOpen('availability')}
        aria-label={`${t('record.witnessAvailability')}: ${name}`}>{t('record.witnessAvailability')}</Button>}
      {open === 'protection' && <ProtectionDialog stream={stream} witness={name} current={witness.protection} today={today} onClose={close} onSaved={saved} />}
      {open === 'availability' && <WitnessAvailabilityDialog stream={stream} witness={name} country={witness.availability.country ?? ''} today={today} onClose={close} onSaved={saved} />}
    </Stack>
  );
}
