/**
 * The witness forms (README, "Witnesses"; Sv 226a ff.): registering a witness on a case (a registry person or a
 * name, and the country of residence; the registry draws the pseudonym), a protective measure, and an availability
 * event (returned, unreachable, deceased, unwilling, willing) with its country.
 */
import { Autocomplete, MenuItem, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonSummary } from '../../api/types';
import { labelOf } from '../../format';
import { countryOptions } from '../../lib/countries';
import { FormDialog } from '../FormDialog';
import { useRecordDate } from '../useRecordDate';
import { caseField, recordEvent } from '../proof/record-api';

const MEASURES = ['anonymous', 'threatened', 'shielded', 'none'] as const;
const STATUSES = ['available', 'returned', 'unreachable', 'deceased', 'unwilling', 'willing'] as const;
function CountryField({ id, label, value, onChange }: { id: string; label: string; value: string; onChange(code: string): void }) {
  const { i18n } = useTranslation();
  const options = countryOptions(i18n.language);
  return (
    <Autocomplete options={options} value={options.find((option) => option.code === value) ?? null} getOptionLabel={(option) => option.name}
      isOptionEqualToValue={(a, b) => a.code === b.code} onChange={(_, option) => onChange(option?.code ?? '')}
      renderInput={(params) => <TextField {...params} id={id} label={label} />} />
  );
}

export function RegisterWitnessDialog({ caseStream, persons, today, onClose, onSaved }: {
  caseStream: string; persons: readonly PersonSummary[]; today: string; onClose(): void; onSaved(): void;
}) {
  const { t } = useTranslation();
  const [person, setPerson] = useState<PersonSummary | null>(null);
  const [name, setName] = useState('');
  const [country, setCountry] = useState('');
  const [touched, setTouched] = useState(false);
  const date = useRecordDate(today);
  const nameMissing = touched && !person && !name.trim();
  const caseId = caseStream.slice(caseStream.indexOf('/') + 1);
  return (
    <FormDialog title={t('record.registerWitnessTitle', { case: caseId })} intro={t('record.registerWitnessIntro')} onClose={onClose} onSaved={onSaved} testId="register-witness-dialog"
      valid={() => { setTouched(true); return date.ok() && Boolean(person || name.trim()); }}
      save={() => recordEvent(`witness/W-${crypto.randomUUID().slice(0, 8).toUpperCase()}`, 'witness.registered', date.date, {
        ...caseField(caseStream), ...(person ? { person: person.id } : {}), ...(name.trim() ? { name: name.trim() } : {}), ...(country ? { country } : {}),
      })}>
      {persons.length > 0 && (
        <Autocomplete options={[...persons]} value={person} getOptionLabel={(option) => option.names[0] ?? option.id} isOptionEqualToValue={(a, b) => a.id === b.id}
          onChange={(_, option) => setPerson(option)} renderInput={(params) => <TextField {...params} id="witness-person" label={t('record.witnessPerson')} />} />
      )}
      <TextField id="witness-name" label={t('record.witnessName')} value={name} onChange={(event) => setName(event.target.value)}
        error={nameMissing} helperText={nameMissing ? t('record.witnessNameOrPerson') : t('record.witnessNameHelp')} />
      <CountryField id="witness-country" label={t('record.witnessCountry')} value={country} onChange={setCountry} />
      {date.field('witness-date')}
    </FormDialog>
  );
}

export function ProtectionDialog({ stream, witness, current, today, onClose, onSaved }: {
  stream: string; witness: string; current: string; today: string; onClose(): void; onSaved(): void;
}) {
  const { t } = useTranslation();
  const [measure, setMeasure] = useState(current && current !== 'none' ? current : 'anonymous');
  const [reference, setReference] = useState('');
  const date = useRecordDate(today);
  return (
    <FormDialog title={t('record.protectionTitle', { witness })} intro={t('record.protectionIntro')} onClose={onClose} onSaved={onSaved} testId="protection-dialog"
      valid={date.ok} save={() => recordEvent(stream, 'witness.protection-set', date.date, { measure, ...(reference.trim() ? { decisionReference: reference.trim() } : {}) })}>
      <TextField select id="protection-measure" label={t('record.measure')} value={measure} onChange={(event) => setMeasure(event.target.value)} required>
        {MEASURES.map((value) => <MenuItem key={value} value={value}>{labelOf(t, 'value', value)}</MenuItem>)}
      </TextField>
      <TextField id="protection-reference" label={t('record.decisionReference')} value={reference} onChange={(event) => setReference(event.target.value)} />
      {date.field('protection-date')}
    </FormDialog>
  );
}

export function WitnessAvailabilityDialog({ stream, witness, country: current, today, onClose, onSaved }: {
  stream: string; witness: string; country: string; today: string; onClose(): void; onSaved(): void;
}) {
  const { t } = useTranslation();
  const [status, setStatus] = useState('');
  const [country, setCountry] = useState(current);
  const [notes, setNotes] = useState('');
  const [touched, setTouched] = useState(false);
  const date = useRecordDate(today);
  return (
    <FormDialog title={t('record.witnessAvailabilityTitle', { witness })} intro={t('record.witnessAvailabilityIntro')} onClose={onClose} onSaved={onSaved} testId="witness-availability-dialog"
      valid={() => { setTouched(true); return date.ok() && Boolean(status); }}
      save={() => recordEvent(stream, 'witness.availability-changed', date.date, { status, ...(country ? { country } : {}), ...(notes.trim() ? { notes: notes.trim() } : {}) })}>
      <TextField select id="witness-status" label={t('record.witnessStatus')} value={status} onChange={(event) => setStatus(event.target.value)} required
        error={touched && !status} helperText={touched && !status ? t('record.required') : ' '}>
        {STATUSES.map((value) => <MenuItem key={value} value={value}>{labelOf(t, 'value', value)}</MenuItem>)}
      </TextField>
      <CountryField id="witness-status-country" label={t('record.witnessStatusCountry')} value={country} onChange={setCountry} />
      <TextField id="witness-notes" label={t('record.notes')} value={notes} onChange={(event) => setNotes(event.target.value)} multiline minRows={2} />
      {date.field('witness-availability-date')}
    </FormDialog>
  );
}
