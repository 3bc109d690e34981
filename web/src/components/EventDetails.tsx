/** The data of one event in words: each field with its label, codes translated, persons and cases linked. */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useVocabularies, VOCABULARY_OF_FIELD, vocabularyText } from '../api/vocabularies';
import { formatDate, labelOf } from '../format';
import { countryNames } from '../lib/countries';
import { CaseLink, PersonLink } from './Tables';

const PERSON_FIELDS = new Set(['suspect', 'person', 'victim', 'into']);
const CASE_FIELDS: Record<string, string> = { exclusionCase: 'exclusion', criminalCase: 'criminal' };
/** Fields that hold ISO country codes: shown as the country's name in the reader's language. */
const COUNTRY_FIELDS = new Set(['requestingState', 'state', 'nationalities', 'country', 'countries', 'situation']);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const CODE_FIELDS = new Set(['instance', 'outcome', 'by', 'reason', 'phase', 'forum', 'mode', 'offences', 'grounds']);

/** Fields that hold the id of another event of the case: shown as that event's kind and date, not its id. */
const EVENT_FIELDS = new Set(['concerning', 'duties', 'event']);

export interface EventRef { id: string; type: string; date: string }

/** An event of the case in words ("Uitspraak van 17 oktober 2021"); an id the case does not hold stays an id. */
export function eventName(t: TFunction, language: string, id: string, events: readonly EventRef[]): string {
  if (id === 'periodic-update') return labelOf(t, 'value', id);
  const found = events.find((event) => event.id === id);
  return found ? t('casePage.eventOf', { event: labelOf(t, 'eventType', found.type), date: formatDate(found.date, language) }) : id;
}

export function EventDetails({ type, data, persons = [], events = [] }: { type: string; data: Record<string, unknown>; persons?: readonly { id: string; names: string[] }[]; events?: readonly EventRef[] }) {
  const { t, i18n } = useTranslation();
  const entries = Object.entries(data);
  // Courts, channels and topics: an entry's label in the reader's language; free text as written.
  const vocabularies = useVocabularies(entries.some(([field]) => VOCABULARY_OF_FIELD[field]));
  if (entries.length === 0) return null;
  const show = (field: string, value: unknown): React.ReactNode => {
    if (VOCABULARY_OF_FIELD[field] && typeof value === 'string') return vocabularyText(vocabularies, VOCABULARY_OF_FIELD[field], value, i18n.language);
    if (PERSON_FIELDS.has(field) && typeof value === 'string') return <PersonLink id={value} names={persons.find((person) => person.id === value)?.names ?? [value]} />;
    if (CASE_FIELDS[field] && typeof value === 'string') return <CaseLink stream={`${CASE_FIELDS[field]}/${value}`} />;
    if (EVENT_FIELDS.has(field) && (typeof value === 'string' || Array.isArray(value))) {
      const ids = (Array.isArray(value) ? value : [value]).map(String);
      return ids.length === 0 ? t('casePage.nothingElse') : ids.map((id) => eventName(t, i18n.language, id, events)).join(', ');
    }
    if (COUNTRY_FIELDS.has(field) && (typeof value === 'string' || Array.isArray(value))) return countryNames((Array.isArray(value) ? value : [value]).map(String), i18n.language);
    if (Array.isArray(value)) {
      if (field === 'acts') return String(value.length);
      return value.map((item) => (CODE_FIELDS.has(field) ? labelOf(t, 'value', String(item)) : String(item))).join(', ');
    }
    if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
    // any calendar date (a hearing's date, an authorisation's validUntil) reads as a date, not as ISO
    if (typeof value === 'string' && ISO_DATE.test(value)) return formatDate(value, i18n.language);
    if (value && typeof value === 'object') return Object.entries(value).map(([inner, innerValue]) => `${labelOf(t, 'field', inner)}: ${typeof innerValue === 'boolean' ? (innerValue ? t('common.yes') : t('common.no')) : String(innerValue)}`).join('; ');
    if (CODE_FIELDS.has(field) && !(type === 'retracted' && field === 'reason') && !type.endsWith('.suspended') && !type.endsWith('.resumed') && type !== 'departure.closed' && type !== 'exclusion.closed') return labelOf(t, 'value', String(value));
    return String(value);
  };
  return (
    <dl style={{ margin: 0, display: 'grid', gridTemplateColumns: 'fit-content(40%) minmax(0, 1fr)', columnGap: 8 }}>
      {entries.map(([field, value]) => (
        <div key={field} style={{ display: 'contents' }}>
          <dt style={{ color: '#4a4a4a', overflowWrap: 'normal' }}>{labelOf(t, 'field', field)}</dt>
          <dd style={{ margin: 0 }}>{show(field, value)}</dd>
        </div>
      ))}
    </dl>
  );
}
