/**
 * Fields filled from the controlled vocabularies (GET /api/vocabularies, README "Administration"): a court or a
 * channel picked from the active entries, and a topic picked from them or typed (a topic may need more words than its label).
 * Either way the event records the Dutch label, the text the interchange format keeps; the pages show it in the
 * reader's language (EventDetails).
 */
import { Autocomplete, MenuItem, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { entryLabel, useVocabularies, vocabularyText, type VocabularyName } from '../api/vocabularies';

interface Props {
  id: string;
  label: string;
  required?: boolean;
  error?: string | undefined;
  value: string;
  onChange(value: string): void;
}

/** A topic: one of the active topics (shown in the reader's language, stored as the Dutch label) or free text. */
export function TopicField({ id, label, required = false, error, value, onChange }: Props) {
  const { i18n } = useTranslation();
  const entries = useVocabularies().filter((entry) => entry.vocabulary === 'topics' && entry.active);
  const options = entries.map((entry) => entryLabel(entry, i18n.language));
  // What the user reads: an entry's label in their language; what is stored: the Dutch label (or the text typed).
  const shown = vocabularyText(entries, 'topics', value, i18n.language);
  const stored = (text: string) => entries.find((entry) => entryLabel(entry, i18n.language) === text)?.labelNl ?? text;
  return (
    // The id on the Autocomplete, which gives it to the input (the form focuses a field with an error by its id).
    <Autocomplete id={id} freeSolo options={options} inputValue={shown} onInputChange={(_, text) => onChange(stored(text))}
      renderInput={(params) => <TextField {...params} label={label} required={required} error={Boolean(error)} helperText={error ?? ' '} />} />
  );
}

/** A court: one of the active courts. */
export function CourtField(props: Props) {
  return <PickField vocabulary="courts" {...props} />;
}

/** A channel: one of the active channels, or none when not required. */
export function ChannelField(props: Props) {
  return <PickField vocabulary="channels" {...props} />;
}

/** One of the active entries of a vocabulary (or none when not required); an inactive entry stays when it is the value. */
function PickField({ vocabulary, id, label, required = false, error, value, onChange }: Props & { vocabulary: VocabularyName }) {
  const { t, i18n } = useTranslation();
  const entries = useVocabularies().filter((entry) => entry.vocabulary === vocabulary && (entry.active || entry.labelNl === value));
  return (
    <TextField select id={id} label={label} value={entries.some((entry) => entry.labelNl === value) ? value : ''} required={required} error={Boolean(error)} helperText={error ?? ' '}
      onChange={(event) => onChange(event.target.value)}>
      {!required && <MenuItem value=""><em>{t('common.none')}</em></MenuItem>}
      {entries.map((entry) => <MenuItem key={entry.code} value={entry.labelNl}>{entryLabel(entry, i18n.language)}</MenuItem>)}
    </TextField>
  );
}
