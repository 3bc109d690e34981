/**
 * The form to add an event to a case. It offers only the event types the state machine allows now (and within a
 * choice only the values it accepts), checks every field as the user types, and shows what the server says when
 * it refuses — the final word, since it replays the whole stream.
 */
import {
  Autocomplete, type AutocompleteRenderInputParams, Box, Button, Checkbox, FormControl, FormControlLabel, FormGroup, FormHelperText, FormLabel, MenuItem, Stack, TextField, Typography,
} from '@mui/material';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem, client, unwrap } from '../api/client';
import type { AllowedEvents, FormField, PersonSummary } from '../api/types';
import { ChannelField, CourtField, TopicField } from './VocabularyFields';
import { labelOf } from '../format';
import { countryOptions } from '../lib/countries';
import { checkAll, checkEventDate, emptyValues, eventData, type FieldError, type Values } from './event-form-model';
import { eventName, type EventRef } from './EventDetails';
import { DateField } from './DateField';
import { ProblemAlert } from './Status';

interface Props {
  stream: string;
  options: AllowedEvents;
  persons: readonly PersonSummary[];
  /** The case's events, to name a referenced event by its kind and date instead of its id. */
  events?: readonly EventRef[];
  onAdded(): void;
}

export function EventForm({ stream, options, persons, events = [], onAdded }: Props) {
  const { t } = useTranslation();
  const [type, setType] = useState('');
  const [date, setDate] = useState(options.today);
  const [values, setValues] = useState<Values>({});
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [problem, setProblem] = useState<ApiProblem>();
  const [busy, setBusy] = useState(false);
  const chosen = options.events.find((event) => event.type === type);
  const fields = useMemo(() => chosen?.fields ?? [], [chosen]);
  const errors = checkAll(fields, values);
  const dateError = checkEventDate(date, options.today);
  const message = (error: FieldError | undefined) => (error ? t(`casePage.${error}`, { today: options.today }) : undefined);

  const choose = (next: string) => {
    setType(next);
    setValues(emptyValues(options.events.find((event) => event.type === next)?.fields ?? []));
    setTouched({});
    setProblem(undefined);
  };
  const change = (name: string, value: string | string[]) => {
    setValues((previous) => ({ ...previous, [name]: value }));
    setTouched((previous) => ({ ...previous, [name]: true }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(Object.fromEntries([...fields.map((field) => [field.name, true]), ['$date', true], ['$type', true]]));
    if (!chosen || dateError || Object.keys(errors).length > 0) {
      const first = !chosen ? 'event-type' : dateError ? 'event-date' : `field-${Object.keys(errors)[0]}`;
      document.getElementById(first)?.focus();
      return;
    }
    setBusy(true);
    setProblem(undefined);
    try {
      await unwrap(client.POST('/api/events', { body: { events: [{ id: `web-${crypto.randomUUID()}`, stream, type, date, data: eventData(fields, values) }] } }));
      choose('');
      onAdded();
    } catch (error) {
      if (error instanceof ApiProblem) setProblem(error); else throw error;
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box component="form" noValidate onSubmit={(event) => void submit(event)} aria-describedby="event-form-intro">
      <Typography id="event-form-intro" sx={{ mb: 2 }}>{t('casePage.addEventIntro')}</Typography>
      <Stack spacing={2} sx={{ maxWidth: 640 }}>
        <TextField select id="event-type" label={t('casePage.eventType')} value={type} required onChange={(event) => choose(event.target.value)}
          error={touched.$type && !chosen} helperText={touched.$type && !chosen ? t('casePage.required') : ' '}>
          {options.events.map((event) => <MenuItem key={event.type} value={event.type}>{labelOf(t, 'eventType', event.type)}</MenuItem>)}
        </TextField>
        <DateField id="event-date" label={t('casePage.eventDate')} value={date} required max={options.today} onChange={(event) => { setDate(event.target.value); setTouched((previous) => ({ ...previous, $date: true })); }}
          error={Boolean(dateError)} helperText={message(dateError) ?? ' '} />
        {fields.map((field) => (
          <Field key={`${type}-${field.name}`} field={field} value={values[field.name]} persons={persons} events={events}
            error={touched[field.name] ? message(errors[field.name]) : undefined} onChange={(value) => change(field.name, value)} />
        ))}
        {problem && <ProblemAlert problem={problem} />}
        <Box><Button type="submit" variant="contained" disabled={busy}>{t('casePage.submit')}</Button></Box>
      </Stack>
    </Box>
  );
}

function Field({ field, value, error, persons, events, onChange }: {
  field: FormField; value: string | string[] | undefined; error: string | undefined; persons: readonly PersonSummary[]; events: readonly EventRef[]; onChange(value: string | string[]): void;
}) {
  const { t, i18n } = useTranslation();
  const id = `field-${field.name}`;
  const label = `${labelOf(t, 'field', field.name)}${field.required ? '' : ` ${t('casePage.optional')}`}`;
  const helper = error ?? ' ';
  const optionLabel = (option: string) => {
    if (field.name === 'victim') {
      const person = persons.find((candidate) => candidate.id === option);
      return person ? `${person.names[0] ?? option} (${option})` : option;
    }
    return field.name === 'concerning' || field.name === 'duties' ? eventName(t, i18n.language, option, events) : labelOf(t, 'value', option);
  };
  if (field.vocabulary === 'topics') {
    // Topics: offered from the vocabulary, but the text may say more ("de planning van de zitting in hoger beroep").
    return <TopicField id={id} label={label} required={field.required} error={error} value={typeof value === 'string' ? value : ''} onChange={onChange} />;
  }
  if (field.vocabulary) {
    // A controlled vocabulary: the active entries in the reader's language; the event records the Dutch label.
    const Pick = field.vocabulary === 'courts' ? CourtField : ChannelField;
    return <Pick id={id} label={label} required={field.required} error={error} value={typeof value === 'string' ? value : ''} onChange={onChange} />;
  }
  switch (field.kind) {
    case 'choices': {
      const chosen = Array.isArray(value) ? value : [];
      return (
        <FormControl component="fieldset" error={Boolean(error)} required={field.required}>
          <FormLabel component="legend">{label}</FormLabel>
          <FormGroup row>
            {(field.options ?? []).map((option) => (
              <FormControlLabel key={option} label={optionLabel(option)} control={
                <Checkbox checked={chosen.includes(option)} onChange={(event) => onChange(event.target.checked ? [...chosen, option] : chosen.filter((item) => item !== option))} />
              } />
            ))}
          </FormGroup>
          <FormHelperText>{helper}</FormHelperText>
        </FormControl>
      );
    }
    case 'choice':
    case 'boolean': {
      const choices = field.kind === 'boolean' ? ['true', 'false'] : field.options ?? [];
      return (
        <TextField select id={id} label={label} value={typeof value === 'string' ? value : ''} required={field.required} error={Boolean(error)} helperText={helper}
          onChange={(event) => onChange(event.target.value)}>
          {!field.required && <MenuItem value=""><em>{t('common.none')}</em></MenuItem>}
          {choices.map((option) => <MenuItem key={option} value={option}>{optionLabel(option)}</MenuItem>)}
        </TextField>
      );
    }
    case 'country':
    case 'countries': {
      // A picker of country names in the reader's language; the event holds the ISO alpha-3 codes.
      const options = countryOptions(i18n.language);
      const codes = (typeof value === 'string' ? value : '').split(',').map((code) => code.trim()).filter(Boolean);
      const chosen = codes.map((code) => options.find((option) => option.code === code) ?? { code, name: code });
      const input = (params: AutocompleteRenderInputParams) => <TextField {...params} id={id} label={label} required={field.required} error={Boolean(error)} helperText={helper} />;
      return field.kind === 'country'
        ? <Autocomplete options={options} value={chosen[0] ?? null} getOptionLabel={(option) => option.name} isOptionEqualToValue={(a, b) => a.code === b.code}
            onChange={(_, option) => onChange(option?.code ?? '')} renderInput={input} />
        : <Autocomplete multiple options={options} value={chosen} getOptionLabel={(option) => option.name} isOptionEqualToValue={(a, b) => a.code === b.code}
            onChange={(_, picked) => onChange(picked.map((option) => option.code).join(','))} renderInput={input} />;
    }
    case 'date':
      return <DateField id={id} label={label} value={typeof value === 'string' ? value : ''} required={field.required} error={Boolean(error)} helperText={helper} onChange={(event) => onChange(event.target.value)} />;
    default:
      return (
        <TextField id={id} label={label} value={typeof value === 'string' ? value : ''} required={field.required} error={Boolean(error)} helperText={helper}
          type={field.kind === 'date' ? 'date' : 'text'} onChange={(event) => onChange(event.target.value)}
          slotProps={{ inputLabel: field.kind === 'date' ? { shrink: true } : undefined, htmlInput: { inputMode: field.kind === 'integer' ? 'numeric' : undefined } }} />
      );
  }
}
