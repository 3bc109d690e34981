/**
 * The date of a recorded event in a form dialog: today by default, never in the future, with the field that says so
 * (the evidence, proof and witness forms share it).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from './DateField';

export function useRecordDate(today: string) {
  const { t } = useTranslation();
  const [date, setDate] = useState(today);
  const [touched, setTouched] = useState(false);
  const bad = touched && (!date || date > today);
  const field = (id: string) => (
    <DateField id={id} label={t('record.date')} value={date} onChange={(event) => setDate(event.target.value)} required max={today}
      error={bad} helperText={date > today ? t('record.futureDate', { today }) : bad ? t('record.required') : t('record.dateHelp')} />
  );
  return { date, ok: () => { setTouched(true); return Boolean(date) && date <= today; }, field };
}
