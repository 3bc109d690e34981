/** The state of the three Berkeley Protocol steps of an item: each step with its last outcome, or "not yet". */
import { Chip, Stack } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { labelOf } from '../../format';
import { VERIFICATION_STEPS, type VerificationStep } from './evidence-api';

const COLOURS = { confirmed: 'success', refuted: 'error', inconclusive: 'warning' } as const;

export function VerificationChips({ verification }: { verification: Record<VerificationStep, string | null> }) {
  const { t } = useTranslation();
  return (
    <Stack direction="row" useFlexGap spacing={0.5} sx={{ flexWrap: 'wrap' }}>
      {VERIFICATION_STEPS.map((step) => {
        const outcome = verification[step];
        return (
          <Chip key={step} size="small" variant={outcome ? 'filled' : 'outlined'} data-step={step}
            color={outcome ? COLOURS[outcome as keyof typeof COLOURS] ?? 'default' : 'default'}
            label={t('evidence.stepState', { step: labelOf(t, 'value', step), outcome: outcome ? labelOf(t, 'value', outcome) : t('evidence.notVerified') })} />
        );
      })}
    </Stack>
  );
}
