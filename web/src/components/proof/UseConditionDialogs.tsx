/**
 * The originator's conditions on an evidence item, consent under them and the material's availability (R8; events
 * evidence.conditions-set, evidence.consent-requested / -given / -refused, evidence.availability-changed).
 */
import { Checkbox, FormControl, FormControlLabel, FormGroup, FormLabel, MenuItem, Radio, RadioGroup, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { labelOf } from '../../format';
import { DateField } from '../DateField';
import { FormDialog } from '../FormDialog';
import { useRecordDate } from '../useRecordDate';
import { recordEvent } from './record-api';

const CONDITIONS = ['lead-only', 'evidence-with-consent', 'evidence'] as const;
const PURPOSES = ['disclosure', 'court-use'] as const;
export type ConsentStep = 'requested' | 'given' | 'refused';

interface Common { stream: string; today: string; onClose(): void; onSaved(): void }

function Purposes({ value, onChange, label }: { value: string[]; onChange(next: string[]): void; label: string }) {
  const { t } = useTranslation();
  return (
    <FormControl component="fieldset">
      <FormLabel component="legend">{label}</FormLabel>
      <FormGroup row>
        {PURPOSES.map((purpose) => (
          <FormControlLabel key={purpose} label={labelOf(t, 'value', purpose)} control={
            <Checkbox checked={value.includes(purpose)} onChange={(event) => onChange(event.target.checked ? [...value, purpose] : value.filter((item) => item !== purpose))} />
          } />
        ))}
      </FormGroup>
    </FormControl>
  );
}

export function ConditionsDialog({ stream, today, originator, onClose, onSaved }: Common & { originator: string }) {
  const { t } = useTranslation();
  const [values, setValues] = useState({ conditions: '', originator, from: '', until: '' });
  const [purposes, setPurposes] = useState<string[]>(['court-use']);
  const [touched, setTouched] = useState(false);
  const date = useRecordDate(today);
  const set = (field: keyof typeof values) => (event: { target: { value: string } }) => setValues((previous) => ({ ...previous, [field]: event.target.value }));
  const missing = (field: 'conditions' | 'originator') => touched && !values[field].trim();
  const order = Boolean(values.from && values.until && values.until < values.from);
  const withConsent = values.conditions === 'evidence-with-consent';
  return (
    <FormDialog title={t('record.conditionsTitle')} intro={t('record.conditionsIntro')} onClose={onClose} onSaved={onSaved} testId="conditions-dialog"
      valid={() => { setTouched(true); return date.ok() && Boolean(values.conditions && values.originator.trim()) && !order; }}
      save={() => recordEvent(stream, 'evidence.conditions-set', date.date, {
        conditions: values.conditions, originator: values.originator.trim(),
        ...(withConsent && purposes.length > 0 ? { consentNeededFor: purposes } : {}),
        ...(values.from || values.until ? { period: { ...(values.from ? { from: values.from } : {}), ...(values.until ? { until: values.until } : {}) } } : {}),
      })}>
      <TextField select id="conditions-choice" label={t('record.conditionsChoice')} value={values.conditions} onChange={set('conditions')} required
        error={missing('conditions')} helperText={missing('conditions') ? t('record.required') : ' '}>
        {CONDITIONS.map((value) => <MenuItem key={value} value={value}>{labelOf(t, 'value', value)}</MenuItem>)}
      </TextField>
      <TextField id="conditions-originator" label={t('record.originator')} value={values.originator} onChange={set('originator')} required
        error={missing('originator')} helperText={missing('originator') ? t('record.required') : ' '} />
      {withConsent && <Purposes label={t('record.consentNeededFor')} value={purposes} onChange={setPurposes} />}
      <DateField id="conditions-from" label={t('record.periodFrom')} value={values.from} onChange={set('from')} />
      <DateField id="conditions-until" label={t('record.periodUntil')} value={values.until} onChange={set('until')} error={order} helperText={order ? t('record.periodOrder') : ' '} />
      {date.field('conditions-date')}
    </FormDialog>
  );
}

export function ConsentDialog({ stream, today, step, originator, onClose, onSaved }: Common & { step: ConsentStep; originator: string }) {
  const { t } = useTranslation();
  const [who, setWho] = useState(originator);
  const [reference, setReference] = useState('');
  const [purposes, setPurposes] = useState<string[]>(['court-use']);
  const [touched, setTouched] = useState(false);
  const date = useRecordDate(today);
  const type = `evidence.consent-${step}`;
  const missing = touched && !who.trim();
  const data = (): Record<string, unknown> => {
    const extra = reference.trim();
    if (step === 'requested') return { from: who.trim(), ...(purposes.length ? { for: purposes } : {}), ...(extra ? { reference: extra } : {}) };
    if (step === 'given') return { by: who.trim(), ...(purposes.length ? { for: purposes } : {}), ...(extra ? { reference: extra } : {}) };
    return { by: who.trim(), ...(extra ? { reason: extra } : {}) };
  };
  return (
    <FormDialog title={t(`record.consentTitle_${step}`)} onClose={onClose} onSaved={onSaved} testId="consent-dialog"
      valid={() => { setTouched(true); return date.ok() && Boolean(who.trim()); }} save={() => recordEvent(stream, type, date.date, data())}>
      <TextField id="consent-who" label={step === 'requested' ? t('record.consentFrom') : t('record.consentBy')} value={who} onChange={(event) => setWho(event.target.value)} required
        error={missing} helperText={missing ? t('record.required') : ' '} />
      {step !== 'refused' && <Purposes label={t('record.consentFor')} value={purposes} onChange={setPurposes} />}
      <TextField id="consent-reference" label={step === 'refused' ? t('record.refusalReason') : t('record.reference')} value={reference} onChange={(event) => setReference(event.target.value)} />
      {date.field('consent-date')}
    </FormDialog>
  );
}

export function AvailabilityDialog({ stream, today, available, onClose, onSaved }: Common & { available: boolean }) {
  const { t } = useTranslation();
  const [next, setNext] = useState(available ? 'false' : 'true');
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const date = useRecordDate(today);
  const missing = touched && !reason.trim();
  return (
    <FormDialog title={t('record.availabilityTitle')} intro={t('record.availabilityIntro')} onClose={onClose} onSaved={onSaved} testId="availability-dialog"
      valid={() => { setTouched(true); return date.ok() && Boolean(reason.trim()); }}
      save={() => recordEvent(stream, 'evidence.availability-changed', date.date, { available: next === 'true', reason: reason.trim() })}>
      <FormControl component="fieldset">
        <FormLabel component="legend">{t('record.availableChoice')}</FormLabel>
        <RadioGroup row value={next} onChange={(event) => setNext(event.target.value)}>
          <FormControlLabel value="true" control={<Radio />} label={t('record.availableYes')} />
          <FormControlLabel value="false" control={<Radio />} label={t('record.availableNo')} />
        </RadioGroup>
      </FormControl>
      <TextField id="availability-reason" label={t('record.availabilityReason')} value={reason} onChange={(event) => setReason(event.target.value)} required multiline minRows={2}
        error={missing} helperText={missing ? t('record.required') : ' '} />
      {date.field('availability-date')}
    </FormDialog>
  );
}
